import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trailingThrottle } from '../../../src/renderer/src/ui/trailingThrottle';

/** The find bar finds its matches again as the view changes: a view that never stops changing must not starve it. */
describe('trailingThrottle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once per burst, after the first call, and keeps running while calls never stop', () => {
    const run = vi.fn();
    const throttled = trailingThrottle(run, 200);
    // A change every 50 ms for 2 s: a 200 ms debounce would never have run.
    for (let t = 0; t < 2000; t += 50) {
      throttled.call();
      vi.advanceTimersByTime(50);
    }
    expect(run).toHaveBeenCalledTimes(10);
  });

  it('runs once for calls close together, again for a later call, never after cancel', () => {
    const run = vi.fn();
    const throttled = trailingThrottle(run, 200);
    throttled.call();
    throttled.call();
    vi.advanceTimersByTime(200);
    expect(run).toHaveBeenCalledTimes(1);
    throttled.call();
    vi.advanceTimersByTime(200);
    expect(run).toHaveBeenCalledTimes(2);
    throttled.call();
    throttled.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
