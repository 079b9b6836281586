/**
 * The serving process the crash test kills. It opens the store and serves notes calls as the
 * notebook does (the same contract schemas, handlers and transactions), without the
 * search and import services, so that 200 restarts fit in a unit-test run. A save is reported
 * only after its handler returned, i.e. after the commit.
 */
import path from 'node:path';
import { notes } from '../../../src/shared/contract/notes';
import { createNotesService, noteHandlers } from '../../../src/main/services/notes';
import { DATABASE_FILE, openDatabase } from '../../../src/main/services/store/db';
import { createStore } from '../../../src/main/services/store/store';

const [dataDir] = process.argv.slice(2) as [string];
let handlers: Record<string, (input: unknown) => unknown> | undefined;

// Loaded ahead of time and idle until told to go: only then does it open the store and serve.
process.on('message', (message: { go?: true; seq: number; wire: string; input: unknown }) => {
  if (message.go) {
    const db = openDatabase(path.join(dataDir, DATABASE_FILE));
    handlers = noteHandlers(createNotesService({ store: createStore(db) })) as unknown as Record<string, (input: unknown) => unknown>;
    process.send!({ ready: true });
    return;
  }
  const name = message.wire.replace(/^notes\./, '') as keyof typeof notes;
  Promise.resolve()
    .then(() => handlers![name]!(notes[name].input.parse(message.input)))
    .then(
      () => process.send!({ seq: message.seq, ok: true }),
      (error: unknown) => process.send!({ seq: message.seq, ok: false, error: String((error as Error).message ?? error) }),
    );
});
process.send!({ loaded: true });
