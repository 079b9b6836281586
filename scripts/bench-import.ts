/**
 * npm run bench:import — imports a generated folder of 1,000 documents (txt, md, html, pdf, docx;
 * sizes log-uniform from 2 KB to 2 MB), one job per format, and prints documents/s and MB/s per
 * format plus the longest the serving thread was blocked (event-loop delay) during the imports.
 * Usage: npm run bench:import [-- --docs 1000 --max-kb 2048]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openNotebook } from '../src/main/services/notebook';
import type { ImportSummary } from '../src/shared/imports';
import { makeDocx, makePdf } from '../tests/unit/import/fixtures';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    'min-kb': { type: 'string', default: '2' },
    'max-kb': { type: 'string', default: '2048' },
  },
});
const DOCS = Number(values.docs);
const MIN = Number(values['min-kb']) * 1024;
const MAX = Number(values['max-kb']) * 1024;
const FORMATS = ['txt', 'md', 'html', 'pdf', 'docx'] as const;
type Format = (typeof FORMATS)[number];

let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const NAMES = [
  'the Ministry of State Security',
  'Beijing',
  'Xi Jinping',
  'the United States',
  'Huawei',
  'Canberra',
  'Washington',
  'the European Union',
  'Angela Merkel',
  'Olaf Scholz',
];
const WORDS =
  'report officials said policy security agency review budget meeting statement minister network cyber trade export access program investigation court record analysis source document'.split(
    ' ',
  );

function sentence(): string {
  const words = Array.from({ length: 8 + Math.floor(random() * 14) }, () => pick(WORDS));
  words.splice(Math.floor(random() * words.length), 0, pick(NAMES));
  const s = words.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

function paragraphs(bytes: number): string[] {
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = Array.from({ length: 3 + Math.floor(random() * 5) }, sentence).join(' ');
    out.push(p);
    size += p.length + 2;
  }
  return out;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function makeDocument(format: Format, index: number, target: number): Buffer {
  const title = `Document ${index} on ${pick(NAMES)}`;
  switch (format) {
    case 'txt':
      return Buffer.from([title, ...paragraphs(target)].join('\n'));
    case 'md':
      return Buffer.from(
        [`# ${title}`, ...paragraphs(target).map((p, i) => (i % 6 === 5 ? `## Section ${i}` : i % 4 === 3 ? `- ${p}` : p))].join('\n\n'),
      );
    case 'html':
      return Buffer.from(
        `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><link rel="canonical" href="https://bench.example/${index}"><script>var x=1</script></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${paragraphs(
          target,
        )
          .map((p) => `<p>${escapeHtml(p)}</p>`)
          .join('\n')}</article><footer>Footer</footer></body></html>`,
      );
    case 'pdf': {
      const lines = paragraphs(target).flatMap((p) => [...(p.match(/.{1,90}(\s|$)/g) ?? [p]), '']);
      const pages: string[][] = [];
      for (let i = 0; i < lines.length; i += 48) pages.push(lines.slice(i, i + 48));
      return makePdf(pages, { title });
    }
    case 'docx':
      // Word's XML is ~3× the text and zips ~3:1, so the file is about the text's size.
      return makeDocx([{ text: title, style: 'Title' }, ...paragraphs(target).map((text) => ({ text }))], { title });
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-bench-import-'));
const corpus = path.join(dir, 'corpus');
const bytesByFormat = new Map<Format, number>();
console.log(`Generating ${DOCS} documents (${values['min-kb']} KB–${values['max-kb']} KB, log-uniform) in ${corpus} …`);
for (let i = 0; i < DOCS; i++) {
  const format = FORMATS[i % FORMATS.length]!;
  const target = Math.round(MIN * (MAX / MIN) ** random());
  const bytes = makeDocument(format, i, target);
  fs.mkdirSync(path.join(corpus, format), { recursive: true });
  fs.writeFileSync(path.join(corpus, format, `doc-${String(i).padStart(4, '0')}.${format}`), bytes);
  bytesByFormat.set(format, (bytesByFormat.get(format) ?? 0) + bytes.length);
}

const notebook = openNotebook({ dataDir: path.join(dir, 'data'), resourcesDir: path.resolve(import.meta.dirname, '../resources') });
const lag = monitorEventLoopDelay({ resolution: 5 });
// A timer that should fire every 10 ms: its worst lateness is the longest stretch the thread was busy.
let longestGap = 0;
let last = performance.now();
const ticker = setInterval(() => {
  const now = performance.now();
  longestGap = Math.max(longestGap, now - last - 10);
  last = now;
}, 10);

const rows: string[][] = [['format', 'docs', 'MB', 'seconds', 'docs/s', 'MB/s', 'failed']];
let totalDocs = 0;
let totalBytes = 0;
let totalSeconds = 0;
lag.enable();
const eluStart = performance.eventLoopUtilization();
for (const format of FORMATS) {
  const started = performance.now();
  const summary = (await notebook.host.imports.importPaths({ paths: [path.join(corpus, format)] })) as ImportSummary;
  const seconds = (performance.now() - started) / 1000;
  const mb = bytesByFormat.get(format)! / 1048576;
  const docs = summary.imported.length;
  totalDocs += docs;
  totalBytes += bytesByFormat.get(format)!;
  totalSeconds += seconds;
  rows.push([
    format,
    String(docs),
    mb.toFixed(1),
    seconds.toFixed(1),
    (docs / seconds).toFixed(1),
    (mb / seconds).toFixed(2),
    String(summary.failures.length),
  ]);
  for (const f of summary.failures.slice(0, 3)) console.log(`  failed ${f.fileName}: ${f.reason}`);
}
lag.disable();
clearInterval(ticker);
// Busy share of the serving thread itself: long delays with a low share mean other threads or processes had the CPU.
const elu = performance.eventLoopUtilization(eluStart);
rows.push([
  'all',
  String(totalDocs),
  (totalBytes / 1048576).toFixed(1),
  totalSeconds.toFixed(1),
  (totalDocs / totalSeconds).toFixed(1),
  (totalBytes / 1048576 / totalSeconds).toFixed(2),
  '',
]);

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padStart(widths[c]!)).join('  '));
const integrity = notebook.db.pragma('integrity_check', { simple: true });
console.log(
  `\nServing thread during import: longest event-loop delay ${(lag.max / 1e6).toFixed(1)} ms (p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms); longest timer gap ${longestGap.toFixed(1)} ms (target ≤ 50 ms)`,
);
console.log(
  `Serving thread busy ${(elu.utilization * 100).toFixed(1)}% of the import (event-loop utilisation); machine load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${os.availableParallelism()} CPUs`,
);
console.log(
  `Store: ${notebook.repos.sources.count()} sources, ${notebook.repos.passages.count()} passages, ${notebook.repos.mentions.count()} mentions; integrity_check: ${integrity}`,
);
notebook.close();
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
