/**
 * npm run bench:search [-- --json] [-- --passages N] [-- --queries N] [-- --engines sourcebook,fts5,minisearch]
 *
 * One process, one synthetic corpus (Zipf-like vocabulary, titles, dates, entity mentions), three
 * engines: Sourcebook's whole search pipeline (query parsing → FlexSearch candidates → BM25 and
 * proximity ranking → top 20 per kind with highlight ranges and filters), SQLite FTS5 (bm25() and
 * snippet()), and MiniSearch. Prints figures; asserts nothing.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { openDatabase } from '../src/main/services/store/db';
import { execFileSync } from 'node:child_process';
import { SearchHost } from '../src/main/services/search/host';
import { createSearchService } from '../src/main/services/search/service';
import { createEventHub } from '../src/main/services/events';
import { indexPath } from '../src/main/services/search/persist';

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean' },
    passages: { type: 'string' },
    queries: { type: 'string' },
    engines: { type: 'string' },
    'budget-ms': { type: 'string' },
  },
});
const ENGINES = new Set((args.engines ?? 'sourcebook,fts5,minisearch').split(','));
const PASSAGES = Number(args.passages ?? 100_000);
const QUERIES = Number(args.queries ?? 1000);
/** An engine that is very slow at a query class stops early so the whole run stays under 3 minutes; n says how many ran. */
const CLASS_BUDGET_MS = Number(args['budget-ms'] ?? 3000);
const PER_SOURCE = 50;
const ENTITIES = 1000;
const VOCABULARY = 40_000;
const log = (line: string) => (args.json ? process.stderr : process.stdout).write(line + '\n');

// ---------- corpus ----------
let seed = 20260124;
const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'tre',
  'san',
  'vor',
  'el',
  'qui',
  'dan',
  'ro',
  'pe',
  'lu',
  'zen',
  'tor',
  'ia',
  'bri',
  'cha',
  'wen',
  'ost',
  'ur',
  'né',
  'gal',
  'fi',
  'mor',
];
const words: string[] = [];
const wordSet = new Set<string>();
while (words.length < VOCABULARY) {
  let w = '';
  const n = 1 + Math.floor(random() * 4);
  for (let j = 0; j < n; j++) w += pick(SYLLABLES);
  if (wordSet.has(w)) continue;
  wordSet.add(w);
  words.push(w);
}
const cumulative = new Float64Array(VOCABULARY);
let harmonic = 0;
for (let i = 0; i < VOCABULARY; i++) cumulative[i] = harmonic += 1 / (i + 1);
const zipfRank = () => {
  const x = random() * harmonic;
  let lo = 0;
  let hi = VOCABULARY - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);
const TYPES = ['person', 'organization', 'place', 'law', 'event'] as const;
const entities = Array.from({ length: ENTITIES }, (_, i) => ({
  id: `ent-${i}`,
  type: TYPES[i % TYPES.length]!,
  name: `${capital(pick(words.slice(2000)))} ${capital(pick(words.slice(2000)))}`,
}));

interface Passage {
  id: number;
  sourceId: string;
  ordinal: number;
  text: string;
  ranks: Uint32Array;
  mentions: { entityId: string; start: number; end: number }[];
}
interface Source {
  id: string;
  title: string;
  issued: string | null;
  author: string;
}
const sources: Source[] = [];
const passages: Passage[] = [];
for (let i = 0; i < PASSAGES; i++) {
  if (i % PER_SOURCE === 0) {
    const title = Array.from({ length: 5 + Math.floor(random() * 4) }, () => words[zipfRank()]!).join(' ');
    const issued =
      random() < 0.8 ? `${1990 + Math.floor(random() * 35)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15` : null;
    sources.push({ id: `src-${sources.length}`, title: capital(title), issued, author: `${capital(pick(words))} ${capital(pick(words))}` });
  }
  const length = 45 + Math.floor(random() * 31);
  const chosen: number[] = []; // ranks only: millions of small objects would tax every engine's GC
  let text = '';
  const mentions: Passage['mentions'] = [];
  const mentionAt = new Set(
    random() < 0.6 ? [Math.floor(random() * length), ...(random() < 0.3 ? [Math.floor(random() * length)] : [])] : [],
  );
  for (let k = 0; k < length; k++) {
    if (mentionAt.has(k)) {
      const entity = pick(entities);
      const start = text.length + (text ? 1 : 0);
      text += (text ? ' ' : '') + entity.name;
      mentions.push({ entityId: entity.id, start, end: start + entity.name.length });
      continue;
    }
    const rank = zipfRank();
    const word = words[rank]!;
    chosen.push(rank);
    text += (text ? ' ' : '') + (k === 0 ? capital(word) : word) + (k % 13 === 12 ? '.' : '');
  }
  passages.push({
    id: i + 1,
    sourceId: sources.at(-1)!.id,
    ordinal: (i % PER_SOURCE) + 1,
    text: text + '.',
    ranks: Uint32Array.from(chosen),
    mentions,
  });
}

// ---------- queries (the same for every engine) ----------
const distinctive = (p: Passage) => [...p.ranks].filter((rank) => rank > 100).map((rank) => ({ word: words[rank]!, rank }));
type QueryCase = {
  sourcebook: string;
  fts: string;
  mini: { text: string; fuzzy: boolean; phrase?: string; entity?: string };
  ftsEntity?: string;
};
function makeQueries(kind: string): QueryCase[] {
  const out: QueryCase[] = [];
  while (out.length < QUERIES) {
    const p = passages[Math.floor(random() * passages.length)]!;
    const pool = distinctive(p);
    if (pool.length < 3) continue;
    if (kind === 'one word') {
      const w = pick(pool).word;
      out.push({ sourcebook: w, fts: `"${w}"*`, mini: { text: w, fuzzy: false } });
    } else if (kind === 'two words') {
      const a = pick(pool).word;
      const b = pick(pool).word;
      out.push({ sourcebook: `${a} ${b}`, fts: `"${a}" "${b}"*`, mini: { text: `${a} ${b}`, fuzzy: false } });
    } else if (kind === 'phrase') {
      const at = Math.floor(random() * (p.ranks.length - 1));
      const phrase = `${words[p.ranks[at]!]} ${words[p.ranks[at + 1]!]}`;
      if (!p.text.includes(phrase)) continue;
      out.push({ sourcebook: `"${phrase}"`, fts: `"${phrase}"`, mini: { text: phrase, fuzzy: false, phrase } });
    } else if (kind === 'typo') {
      const w = pool.find((x) => x.word.length >= 7)?.word;
      if (!w) continue;
      const i = 2 + Math.floor(random() * (w.length - 4));
      const typo = random() < 0.5 ? w.slice(0, i) + w.slice(i + 1) : w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
      if (typo === w || wordSet.has(typo)) continue;
      out.push({ sourcebook: `${typo} `, fts: `"${typo}"`, mini: { text: typo, fuzzy: true } });
    } else {
      if (p.mentions.length === 0) continue;
      const entity = p.mentions[0]!.entityId;
      const w = pick(pool).word;
      out.push({ sourcebook: `${w} entity:${entity}`, fts: `"${w}"*`, ftsEntity: entity, mini: { text: w, fuzzy: false, entity } });
    }
  }
  return out;
}
const CLASSES = ['one word', 'two words', 'phrase', 'typo', 'filtered'] as const;
const queries = Object.fromEntries(CLASSES.map((c) => [c, makeQueries(c)])) as Record<(typeof CLASSES)[number], QueryCase[]>;

// ---------- measuring ----------
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const memory = () => {
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.arrayBuffers, rss: m.rss };
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
interface EngineResult {
  engine: string;
  buildSeconds: number;
  persistedMB: number;
  reloadMs: number;
  memoryMB: number;
  /** Wall-clock percentiles, and CPU time of the querying thread (what a loaded machine does not inflate). */
  classes: Record<string, { n: number; p50: number; p95: number; p99: number; cpuP50?: number; cpuP95?: number; avgHits: number }>;
  notes: string;
}
function timeQueries(run: (q: QueryCase) => number): EngineResult['classes'] {
  const classes: EngineResult['classes'] = {};
  for (const c of CLASSES) {
    for (const q of queries[c].slice(0, 50)) run(q); // warm-up
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let hits = 0;
    const started = performance.now();
    for (const q of queries[c]) {
      const t = performance.now();
      const cpu = process.cpuUsage();
      hits += run(q);
      const used = process.cpuUsage(cpu);
      times.push(performance.now() - t);
      cpuTimes.push((used.user + used.system) / 1000);
      if (performance.now() - started > CLASS_BUDGET_MS) break;
    }
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    classes[c] = {
      n: times.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      cpuP50: percentile(cpuTimes, 50),
      cpuP95: percentile(cpuTimes, 95),
      avgHits: hits / times.length,
    };
  }
  return classes;
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-bench-'));
const results: EngineResult[] = [];
const API_QUERIES = 300;
let buildMemory: { peakRssMB: number; steadyRssMB: number; baselineRssMB: number } | null = null;
let apiClasses: EngineResult['classes'] | null = null;
let warmUp: { queries: number; ms: number } | null = null;
let reloadChecks: { reloadMs: number; checkedMs: number; checkCpuMs: number; inProcessMs: number } | null = null;

// ---------- Sourcebook ----------
log(
  `corpus: ${passages.length} passages, ${sources.length} sources, ${ENTITIES} entities, ${VOCABULARY} words; ${QUERIES} queries per class`,
);
if (ENGINES.has('sourcebook')) {
  const dbFile = path.join(dir, 'notebook.sqlite');
  const db = openDatabase(dbFile);
  db.pragma('foreign_keys = OFF'); // rows go in parent-after-child order here; the data is consistent
  db.transaction(() => {
    const entity = db.prepare(`INSERT INTO entity (id, type, name) VALUES (?, ?, ?)`);
    const alias = db.prepare(`INSERT INTO entity_alias (entity_id, type, alias, folded) VALUES (?, ?, ?, ?)`);
    for (const e of entities) {
      entity.run(e.id, e.type, e.name);
      alias.run(e.id, e.type, e.name, e.name.toLowerCase());
    }
    const source = db.prepare(
      `INSERT INTO source (id, kind, metadata, current_version_id, created_at) VALUES (?, 'import', ?, ?, '2026-01-01')`,
    );
    const version = db.prepare(
      `INSERT INTO source_version (id, source_id, sha256, original, text, metadata, media_type, created_at) VALUES (?, ?, ?, x'00', '', ?, 'text/plain', '2026-01-01')`,
    );
    for (const s of sources) {
      const metadata = JSON.stringify({ title: s.title, authors: [s.author], issued: s.issued, publisher: null, url: null, note: null });
      version.run(`v-${s.id}`, s.id, `sha-${s.id}`, metadata);
      source.run(s.id, metadata, `v-${s.id}`);
    }
    const passage = db.prepare(
      `INSERT INTO passage (id, version_id, anchor, ordinal, kind, text, start, "end") VALUES (?, ?, ?, ?, 'paragraph', ?, 0, ?)`,
    );
    const mention = db.prepare(
      `INSERT INTO mention (entity_id, passage_id, start, "end", surface, origin) VALUES (?, ?, ?, ?, ?, 'linked')`,
    );
    for (const p of passages) {
      passage.run(p.id, `v-${p.sourceId}`, `a${p.ordinal}`, p.ordinal, p.text, p.text.length);
      for (const m of p.mentions) mention.run(m.entityId, p.id, m.start, m.end, p.text.slice(m.start, m.end));
    }
  })();
  db.close();

  const indexFile = indexPath(dir);
  // The build runs in a process of its own so its peak RSS is its own.
  const built = JSON.parse(
    execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', path.join(import.meta.dirname, 'bench-search-build.ts'), dbFile, indexFile],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    ),
  ) as { seconds: number; cpuSeconds: number; peakRssMB: number; steadyRssMB: number; baselineRssMB: number };
  const buildSeconds = built.seconds;
  buildMemory = built;
  log(`Sourcebook build: ${built.seconds.toFixed(1)} s wall, ${built.cpuSeconds.toFixed(1)} s CPU`);
  // Reload as the app's worker does it, in a fresh process: three runs, the median.
  const reloads = [0, 1, 2]
    .map(
      () =>
        JSON.parse(
          execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bench-search-reload.ts'), dbFile, indexFile], {
            encoding: 'utf8',
          }),
        ) as { reloadMs: number; checkedMs: number; checkCpuMs: number },
    )
    .sort((a, b) => a.reloadMs - b.reloadMs);
  reloadChecks = { ...reloads[1]!, inProcessMs: 0 };
  const before = memory();
  const t = performance.now();
  const host = new SearchHost({ dbFile, indexFile });
  const status = await host.start(() => {});
  reloadChecks.inProcessMs = performance.now() - t;
  const reloadMs = reloadChecks.reloadMs;
  await host.checked;
  if (status.origin !== 'disk') throw new Error(`expected the reload to come from disk, got ${status.origin}`);
  const memoryMB = (memory().heap - before.heap) / 1e6;
  // As the app's worker does once its index answers (SearchHost.warmUp): queries made of the
  // index's own words, none of the benchmark's. `npm run bench:search-warmup` measures what it changes.
  warmUp = await host.warmUp();
  const classes = timeQueries((q) => {
    const response = host.query(q.sourcebook, { limit: 20 });
    return response.groups.find((g) => g.kind === 'passage')?.hits.length ?? 0;
  });
  results.push({
    engine: 'Sourcebook',
    buildSeconds,
    persistedMB: fs.statSync(indexFile).size / 1e6,
    reloadMs,
    memoryMB,
    classes,
    notes: 'build = read SQLite + index + persist; query = top 20 per kind with snippet ranges, typo/prefix/entity expansion',
  });
  host.close();

  // Through the service: the worker thread and its message round trip, as the app and CLI call it.
  const events = createEventHub();
  const service = createSearchService({ dataDir: dir, dbFile, events });
  // The worker is a new V8 isolate whose code starts cold: it warms up as the app's does.
  const warm = new Promise<void>((resolve) => events.on('searchStatus', (s) => s.warm && resolve()));
  service.warmUp();
  await warm;
  const apiQueries = Object.fromEntries(CLASSES.map((c) => [c, queries[c].slice(0, API_QUERIES)]));
  apiClasses = {};
  for (const c of CLASSES) {
    for (const q of apiQueries[c]!.slice(0, 20)) await service.query(q.sourcebook, { limit: 20 });
    const times: number[] = [];
    for (const q of apiQueries[c]!) {
      const t0 = performance.now();
      await service.query(q.sourcebook, { limit: 20 });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    apiClasses[c] = { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), avgHits: 0 };
  }
  service.close();
}

// ---------- SQLite FTS5 ----------
if (ENGINES.has('fts5')) {
  const file = path.join(dir, 'fts5.sqlite');
  let t = performance.now();
  let db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.exec(`CREATE VIRTUAL TABLE fts USING fts5(title, text, source_id UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2');
           CREATE TABLE mention (passage_id INTEGER, entity_id TEXT); CREATE INDEX mention_entity ON mention(entity_id, passage_id);`);
  db.transaction(() => {
    const insert = db.prepare(`INSERT INTO fts (rowid, title, text, source_id) VALUES (?, '', ?, ?)`);
    const mention = db.prepare(`INSERT INTO mention VALUES (?, ?)`);
    for (const p of passages) {
      insert.run(p.id, p.text, p.sourceId);
      for (const m of p.mentions) mention.run(p.id, m.entityId);
    }
  })();
  db.exec(`INSERT INTO fts(fts) VALUES ('optimize')`);
  db.close();
  const buildSeconds = (performance.now() - t) / 1000;
  const before = memory();
  t = performance.now();
  db = new Database(file, { readonly: true });
  const plain = db.prepare(
    `SELECT rowid, snippet(fts, 1, '[', ']', '…', 24) AS snippet FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT 20`,
  );
  const filtered = db.prepare(
    `SELECT rowid, snippet(fts, 1, '[', ']', '…', 24) AS snippet FROM fts WHERE fts MATCH ? AND rowid IN (SELECT passage_id FROM mention WHERE entity_id = ?) ORDER BY bm25(fts) LIMIT 20`,
  );
  plain.all('"x"');
  const reloadMs = performance.now() - t;
  const classes = timeQueries((q) => (q.ftsEntity ? filtered.all(q.fts, q.ftsEntity) : plain.all(q.fts)).length);
  const memoryMB = (memory().rss - before.rss) / 1e6;
  results.push({
    engine: 'SQLite FTS5',
    buildSeconds,
    persistedMB: fs.statSync(file).size / 1e6,
    reloadMs,
    memoryMB,
    classes,
    notes: 'porter stemmer, prefix on last word, no typo tolerance; memory = RSS growth (native page cache)',
  });
  db.close();
}

// ---------- MiniSearch ----------
if (ENGINES.has('minisearch')) {
  const fold = (term: string) =>
    term
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
  const options = { fields: ['text'], storeFields: [] as string[], processTerm: fold };
  const byEntity = new Map<string, Set<number>>();
  for (const p of passages)
    for (const m of p.mentions) (byEntity.get(m.entityId) ?? byEntity.set(m.entityId, new Set()).get(m.entityId)!).add(p.id);
  const textOf = (id: number) => passages[id - 1]!.text;
  let t = performance.now();
  const built = new MiniSearch<{ id: number; text: string }>(options);
  built.addAll(passages.map((p) => ({ id: p.id, text: p.text })));
  const buildSeconds = (performance.now() - t) / 1000;
  const json = JSON.stringify(built);
  const before = memory();
  t = performance.now();
  const mini = MiniSearch.loadJSON<{ id: number; text: string }>(json, options);
  const reloadMs = performance.now() - t;
  const memoryMB = (memory().heap - before.heap) / 1e6;
  const snippetOf = (text: string, terms: string[]) => {
    const lower = fold(text);
    const at = Math.max(0, Math.min(...terms.map((w) => lower.indexOf(w)).filter((i) => i >= 0)));
    return text.slice(Math.max(0, at - 60), at + 120);
  };
  const classes = timeQueries((q) => {
    const entity = q.mini.entity ? byEntity.get(q.mini.entity) : undefined;
    let hits = mini.search(q.mini.text, {
      combineWith: 'AND',
      prefix: (_term: string, i: number, all: string[]) => i === all.length - 1,
      fuzzy: q.mini.fuzzy ? 0.2 : false,
      ...(entity ? { filter: (r: { id: number }) => entity.has(r.id) } : {}),
    });
    if (q.mini.phrase) hits = hits.filter((h) => fold(textOf(h.id as number)).includes(q.mini.phrase!));
    for (const h of hits.slice(0, 20)) snippetOf(textOf(h.id as number), h.terms);
    return Math.min(20, hits.length);
  });
  results.push({
    engine: 'MiniSearch',
    buildSeconds,
    persistedMB: json.length / 1e6,
    reloadMs,
    memoryMB,
    classes,
    notes: 'AND, prefix on last word, fuzzy 0.2 for typos only; phrase = AND then substring check; snippet by hand',
  });
}

if (process.env.BENCH_KEEP) {
  fs.writeFileSync(path.join(dir, 'queries.json'), JSON.stringify(queries));
  log(`kept ${dir}`);
} else fs.rmSync(dir, { recursive: true, force: true });

if (args.json) {
  process.stdout.write(
    JSON.stringify(
      {
        passages: PASSAGES,
        queriesPerClass: QUERIES,
        cpus: os.cpus().length,
        load: os.loadavg(),
        buildMemory,
        warmUp,
        apiClasses,
        results,
      },
      null,
      2,
    ) + '\n',
  );
} else {
  const f = (n: number, d = 2) => n.toFixed(d);
  log('');
  log(`| engine | build s | persisted MB | reload ms | memory MB | ${CLASSES.map((c) => `${c} p50/p95/p99 ms`).join(' | ')} |`);
  log(`|---|---:|---:|---:|---:|${CLASSES.map(() => '---:').join('|')}|`);
  for (const r of results) {
    log(
      `| ${r.engine} | ${f(r.buildSeconds, 1)} | ${f(r.persistedMB, 1)} | ${f(r.reloadMs, 0)} | ${f(r.memoryMB, 0)} | ${CLASSES.map((c) => `${f(r.classes[c]!.p50)} / ${f(r.classes[c]!.p95)} / ${f(r.classes[c]!.p99)}`).join(' | ')} |`,
    );
  }
  log('');
  log(`| queries run (n) · average hits returned (of 20) | ${CLASSES.join(' | ')} |`);
  log(`|---|${CLASSES.map(() => '---:').join('|')}|`);
  for (const r of results)
    log(`| ${r.engine} | ${CLASSES.map((c) => `${r.classes[c]!.n} · ${f(r.classes[c]!.avgHits, 1)}`).join(' | ')} |`);
  const sb = results.find((r) => r.engine === 'Sourcebook');
  log('');
  for (const other of sb ? results.filter((r) => r !== sb) : []) {
    log(`p95 ${other.engine} ÷ Sourcebook: ${CLASSES.map((c) => `${c} ${f(other.classes[c]!.p95 / sb!.classes[c]!.p95, 1)}×`).join(', ')}`);
    // CPU time is what a loaded machine inflates least: the same ratios from it.
    log(
      `CPU p50 / p95 ${other.engine} ÷ Sourcebook: ${CLASSES.map((c) => `${c} ${f(other.classes[c]!.cpuP50! / sb!.classes[c]!.cpuP50!, 1)}× / ${f(other.classes[c]!.cpuP95! / sb!.classes[c]!.cpuP95!, 1)}×`).join(', ')}`,
    );
  }
  log('');
  log(`| CPU time per query, p50 / p95 ms | ${CLASSES.join(' | ')} |`);
  log(`|---|${CLASSES.map(() => '---:').join('|')}|`);
  for (const r of results)
    log(`| ${r.engine} | ${CLASSES.map((c) => `${f(r.classes[c]!.cpuP50 ?? 0)} / ${f(r.classes[c]!.cpuP95 ?? 0)}`).join(' | ')} |`);
  for (const r of results) log(`${r.engine}: ${r.notes}`);
  if (buildMemory)
    log(
      `Sourcebook build: peak RSS ${f(buildMemory.peakRssMB, 0)} MB (process baseline ${f(buildMemory.baselineRssMB, 0)} MB), steady RSS after the build ${f(buildMemory.steadyRssMB, 0)} MB`,
    );
  if (warmUp)
    log(
      `Sourcebook warm-up after the reload (SearchHost.warmUp, as the app's worker): ${warmUp.queries} queries in ${f(warmUp.ms, 0)} ms, in slices between requests`,
    );
  if (reloadChecks)
    log(
      `Sourcebook reload (a fresh process, as the worker; median of 3): answers after ${f(reloadChecks.reloadMs, 0)} ms; the bulk sections' checksums, checked after that between queries, done ${f(reloadChecks.checkedMs, 0)} ms after the start (${f(reloadChecks.checkCpuMs, 0)} ms of CPU). In the benchmark's own process, whose heap holds the corpus: ${f(reloadChecks.inProcessMs, 0)} ms`,
    );
  if (apiClasses)
    log(
      `Sourcebook through the service (worker round trip, ${API_QUERIES} queries per class) p50/p95/p99 ms: ${CLASSES.map((c) => `${c} ${f(apiClasses![c]!.p50)} / ${f(apiClasses![c]!.p95)} / ${f(apiClasses![c]!.p99)}`).join(', ')}`,
    );
  log(
    `machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')} at the end`,
  );
}
