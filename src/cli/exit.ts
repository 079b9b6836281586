import type { ErrorCode } from '../shared/errors';

/**
 * What the exit status says, for scripts: documented in `sourcebook help` and the README.
 * Distinct codes for what a script would do differently: fix the call, give up on that id,
 * retry later.
 */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  notFound: 3,
  busy: 4,
  unavailable: 5,
  conflict: 6,
} as const;

export const EXIT_HELP: [code: number, meaning: string][] = [
  [EXIT.ok, 'done'],
  [EXIT.failure, 'failed (the message says why)'],
  [EXIT.usage, 'usage error or invalid input: unknown command or option, a bad value, a file that cannot be read'],
  [EXIT.notFound, 'not found: no source, entity or note with that id'],
  [EXIT.busy, 'busy: another Sourcebook process is writing to the notebook; try again'],
  [EXIT.unavailable, 'unavailable: something it needs is not ready or not built (search index, workers)'],
  [EXIT.conflict, 'refused: the notebook is not in a state for it (export --strict with citations to review)'],
];

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'invalid_input':
    case 'too_large':
      return EXIT.usage;
    case 'not_found':
      return EXIT.notFound;
    case 'busy':
      return EXIT.busy;
    case 'unavailable':
      return EXIT.unavailable;
    case 'conflict':
      return EXIT.conflict;
    default:
      return EXIT.failure;
  }
}
