/**
 * npm run bench:relevance
 *
 * The judged set on real text (tests/fixtures/sotu-judged.json: 150 known-item queries in five
 * forms on the State of the Union addresses) run by Sourcebook, SQLite FTS5 (porter, bm25, last
 * word as a prefix) and MiniSearch (AND, fuzzy 0.2, last word as a prefix). Prints R@10 and
 * nDCG@10 (one relevant passage per query: 1/log2(rank + 1)) per form and engine.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { openNotebook } from '../src/main/services/notebook';
import { SearchHost } from '../src/main/services/search/host';
import { indexPath } from '../src/main/services/search/persist';
import { DATABASE_FILE } from '../src/main/services/store/db';
import judged from '../tests/fixtures/sotu-judged.json';
import { sotuSources } from '../tests/fixtures/sotu';
import { addSotu } from '../tests/fixtures/sotu-notebook';

const sources = sotuSources();
const passages = sources.flatMap((s) => s.passages.map((text, i) => ({ label: `${s.id} ¶${i + 1}`, text })));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-relevance-'));
const engines: Record<string, (q: string) => string[]> = {};

// Sourcebook, over a notebook holding the corpus (the seeds too, as a user would have them).
const notebook = openNotebook({ dataDir: dir, resourcesDir: path.resolve(import.meta.dirname, '../resources') });
addSotu(notebook, sources);
notebook.close();
const host = new SearchHost({ dbFile: path.join(dir, DATABASE_FILE), indexFile: indexPath(dir) });
await host.start(() => {});
engines.Sourcebook = (q) =>
  (host.query(q, { limit: 10, kinds: ['passage'] }).groups[0]?.hits ?? []).map((h) => `${h.sourceId} ¶${h.ordinal}`);

// FTS5: every word must match, the last one as a prefix while typing (no trailing space).
const fts = new Database(':memory:');
fts.exec(`CREATE VIRTUAL TABLE fts USING fts5(label UNINDEXED, text, tokenize = 'porter unicode61 remove_diacritics 2')`);
const insert = fts.prepare(`INSERT INTO fts (label, text) VALUES (?, ?)`);
fts.transaction(() => passages.forEach((p) => insert.run(p.label, p.text)))();
const ftsQuery = fts.prepare(`SELECT label FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT 10`);
engines['SQLite FTS5'] = (q) => {
  const words = q.trim().split(/\s+/);
  const typing = !q.endsWith(' ');
  const match = words.map((w, i) => `"${w.replace(/"/g, '')}"${typing && i === words.length - 1 ? '*' : ''}`).join(' ');
  return (ftsQuery.all(match) as { label: string }[]).map((r) => r.label);
};

// MiniSearch: AND, fuzzy, the last word as a prefix while typing.
const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], storeFields: [] });
mini.addAll(passages.map((p, id) => ({ id, text: p.text })));
engines.MiniSearch = (q) =>
  mini
    .search(q.trim(), {
      combineWith: 'AND',
      fuzzy: 0.2,
      prefix: (_t: string, i: number, all: string[]) => !q.endsWith(' ') && i === all.length - 1,
    })
    .slice(0, 10)
    .map((r) => passages[r.id as number]!.label);

const forms = [...new Set(judged.queries.map((j) => j.form))];
const rows: string[] = [];
for (const [name, run] of Object.entries(engines)) {
  const cells: string[] = [];
  let allFound = 0;
  let allGain = 0;
  for (const form of forms) {
    const cases = judged.queries.filter((j) => j.form === form);
    let found = 0;
    let gain = 0;
    for (const j of cases) {
      const rank = run(j.q).indexOf(j.relevant);
      if (rank >= 0) {
        found++;
        gain += 1 / Math.log2(rank + 2);
      }
    }
    allFound += found;
    allGain += gain;
    cells.push(`${((100 * found) / cases.length).toFixed(0)} % · ${(gain / cases.length).toFixed(3)}`);
  }
  const n = judged.queries.length;
  rows.push(`| ${name} | ${cells.join(' | ')} | ${((100 * allFound) / n).toFixed(1)} % · ${(allGain / n).toFixed(3)} |`);
}
console.log(
  `corpus: ${sources.length} addresses, ${passages.length} passages; ${judged.queries.length} judged queries (${forms.length} forms)`,
);
console.log('');
console.log(`| R@10 · nDCG@10 | ${forms.join(' | ')} | all |`);
console.log(`|---|${forms.map(() => '---:').join('|')}|---:|`);
for (const row of rows) console.log(row);
console.log(
  `\nmachine: ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}`,
);
host.close();
fs.rmSync(dir, { recursive: true, force: true });
