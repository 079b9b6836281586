/**
 * Runs `run` once, `ms` after the first of a burst of calls, however long the burst goes on; a
 * call after that starts the next. Unlike a debounce, a view that never stops changing (a
 * progress line ticking under the find bar) cannot put the work off for ever. `cancel` drops a
 * pending run.
 */
export function trailingThrottle(run: () => void, ms: number): { call: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    call: () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        run();
      }, ms);
    },
    cancel: () => {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
