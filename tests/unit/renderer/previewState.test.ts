import { describe, expect, it } from 'vitest';
import { readyPreview, whileUpdating } from '../../../src/renderer/src/features/export/previewState';
import type { ResolvedReport } from '../../../src/shared/export';

describe('export preview while options change', () => {
  it('keeps the last report in view, marked as updating, until the new one arrives', () => {
    const report = { title: 'Chicago report' } as unknown as ResolvedReport;
    const updating = whileUpdating(readyPreview(report));
    expect(updating).toEqual({ status: 'ready', report, updating: true });
    const next = { title: 'APA report' } as unknown as ResolvedReport;
    expect(readyPreview(next)).toEqual({ status: 'ready', report: next, updating: false });
  });

  it('shows "loading" when there is no report yet, and after an error', () => {
    expect(whileUpdating({ status: 'idle' })).toEqual({ status: 'loading' });
    expect(whileUpdating({ status: 'error', message: 'x' })).toEqual({ status: 'loading' });
  });
});
