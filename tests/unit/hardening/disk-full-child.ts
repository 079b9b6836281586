// Runs inside a private mount namespace with a 4 MB tmpfs at argv[2] (see faults.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { openNotebook } from '../../../src/main/services/notebook';
import { RESOURCES } from '../helpers';

const dir = process.argv[2]!;
const notebook = openNotebook({ dataDir: path.join(dir, 'nb'), resourcesDir: RESOURCES, backups: 'off' });
const doc = (text: string) => ({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] } }) as never;
const note = await notebook.host.notes.create({ title: 'Full' });
await notebook.host.notes.save({ id: note.id, document: doc('saved before the disk filled') });
// Fill what is left of the disk.
const filler = path.join(dir, 'filler');
const fd = fs.openSync(filler, 'w');
try {
  const block = Buffer.alloc(64 * 1024, 1);
  for (;;) fs.writeSync(fd, block);
} catch {
  // ENOSPC: full.
} finally {
  fs.closeSync(fd);
}
let fullError = 'none';
try {
  await notebook.host.notes.save({ id: note.id, document: doc('x '.repeat(300_000)) });
} catch (error) {
  fullError = (error as { code?: string }).code ?? 'unknown';
}
const earlierIntact = (await notebook.host.notes.get({ id: note.id })).plainText === 'saved before the disk filled';
fs.rmSync(filler);
let afterFreeing = 'failed';
await notebook.host.notes.save({ id: note.id, document: doc('saved after freeing space') }).then(() => (afterFreeing = 'saved'));
const integrity = notebook.db.pragma('integrity_check', { simple: true });
notebook.close();
process.stdout.write(JSON.stringify({ fullError, earlierIntact, afterFreeing, integrity }) + '\n');
