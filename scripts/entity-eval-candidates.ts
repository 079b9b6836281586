/**
 * Lists every span in the entity-evaluation texts that any curated alias matches ignoring case
 * (acronyms in capitals), with what the linker now makes of it: the candidates a labeller judges
 * for tests/fixtures/entity-eval/linking-labels.json. Prints JSON lines.
 *
 *   node --import tsx scripts/entity-eval-candidates.ts tests/fixtures/entity-eval/texts/*.txt
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openNotebook } from '../src/main/services/notebook';
import { createLinker } from '../src/main/services/entities/linker';
import { createDocumentLinker } from '../src/main/services/entities/documentLinker';
import { knownAliases } from '../src/main/services/entities/linking';
import { extractDocument } from '../src/main/services/import/parse';

const nb = openNotebook({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'sb-eval-')), resourcesDir: path.resolve('resources') });
const aliases = knownAliases(nb.repos).filter((a) => a.scope === '');
const loose = createLinker(aliases.map((a) => ({ ...a, entityType: 'law' as const })));
const linker = createDocumentLinker(aliases);
for (const file of process.argv.slice(2)) {
  const extracted = await extractDocument(fs.readFileSync(file), path.basename(file));
  const texts = extracted.passages.map((p) => p.text);
  const linked = linker.link(texts, { sourceId: 'eval' });
  const seen = new Map<string, number>();
  texts.forEach((text, i) => {
    const occurrences = (surface: string, upTo: number) => text.slice(0, upTo).split(surface).length - 1;
    for (const m of loose.matches(text, 'eval')) {
      const before = [...Array(i).keys()].reduce((n, k) => n + (texts[k]!.split(m.surface).length - 1), 0);
      const occurrence = before + occurrences(m.surface, m.start) + 1;
      const link = linked.links[i]!.find((l) => l.start < m.end && m.start < l.end);
      const possible = linked.possible[i]!.find((l) => l.start < m.end && m.start < l.end);
      seen.set(m.surface, occurrence);
      console.log(
        JSON.stringify({
          file: path.basename(file),
          surface: m.surface,
          occurrence,
          candidate: m.entityId,
          linked: link ? `${link.entityId}/${link.method}` : null,
          possible: possible ? possible.entityId : null,
          context: text.slice(Math.max(0, m.start - 60), m.end + 40),
        }),
      );
    }
  });
}
nb.close();
