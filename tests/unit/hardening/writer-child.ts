// A second Sourcebook process for the fault tests: writes notes to the notebook named on the
// command line and prints one JSON line with what it acknowledged (or the error it got).
import { openNotebook } from '../../../src/main/services/notebook';
import { RESOURCES } from '../helpers';

const [dataDir, label, countText] = process.argv.slice(2) as [string, string, string];
const notebook = openNotebook({ dataDir, resourcesDir: RESOURCES, backups: 'off' });
const acked: string[] = [];
try {
  for (let i = 0; i < Number(countText); i++) {
    const note = await notebook.host.notes.create({ title: `${label} ${i}` });
    await notebook.host.notes.save({
      id: note.id,
      document: {
        root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: `${label} ${i} `.repeat(200) }] }] },
      } as never,
    });
    acked.push(note.id);
  }
  process.stdout.write(JSON.stringify({ acked }) + '\n');
} catch (error) {
  process.stdout.write(
    JSON.stringify({ acked, error: { code: (error as { code?: string }).code, message: (error as Error).message } }) + '\n',
  );
} finally {
  notebook.close();
}
