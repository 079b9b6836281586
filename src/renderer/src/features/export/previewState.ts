import type { ResolvedReport } from '../../../../shared/export';

export type PreviewState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; report: ResolvedReport; updating: boolean };

/**
 * What the preview shows once an option changed and the new preview is being made: the last
 * report stays in view (the pane does not jump), marked as out of date, so a report in the old
 * style is never taken for the new one; with no report yet, "loading".
 */
export function whileUpdating(state: PreviewState): PreviewState {
  return state.status === 'ready' ? { ...state, updating: true } : { status: 'loading' };
}

export const readyPreview = (report: ResolvedReport): PreviewState => ({ status: 'ready', report, updating: false });
