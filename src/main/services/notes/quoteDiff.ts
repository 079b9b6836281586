import { diffWords } from 'diff';
import type { QuoteDiffPart } from '../../../shared/notes';

/** The word-level "was / now" of a changed quote (jsdiff), as the Review view and `note --json` show it. */
export function quoteDiff(was: string, now: string): QuoteDiffPart[] {
  return diffWords(was, now).map((part) => ({
    op: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}
