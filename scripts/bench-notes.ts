/**
 * Notes benchmark: a 20,000-word note with 500 citations. Prints typing latency (keydown → next
 * paint, performance marks in Chromium), the time to open the note in the editor, and save times
 * (in the service, and through the loopback API from the page). Needs `npm run build` first.
 * Run: npm run bench:notes
 */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { openNotebook } from '../src/main/services/notebook';
import type { CitationPayload, NoteDetail, SerializedNoteNode } from '../src/shared/notes';
import { NOTE_NODE, serializedParagraph, serializedText } from '../src/shared/notes';
import { OFFLINE_CHROMIUM_ARGS } from '../src/main/services/browser/chromium';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORDS = 20_000;
const CITATIONS = 500;
const KEYSTROKES = 200;

const text = (value: string): SerializedNoteNode => serializedText(value);
const paragraph = serializedParagraph;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function prepare(dataDir: string) {
  const notebook = openNotebook({ dataDir, resourcesDir: path.join(ROOT, 'resources') });
  const citations: CitationPayload[] = [];
  const passages = notebook.repos.sources
    .list()
    .flatMap((s) => notebook.repos.passages.byVersion(s.currentVersionId!).map((p) => ({ sourceId: s.id, p })))
    .filter(({ p }) => p.text.length > 40);
  for (let i = 0; citations.length < CITATIONS; i++) {
    const { sourceId, p } = passages[i % passages.length]!;
    const start = (i * 7) % Math.max(1, p.text.length - 30);
    citations.push(
      (await notebook.host.notes.makeCitation({ sourceId, passageAnchor: p.anchor, start, end: start + 25 })) as CitationPayload,
    );
  }
  const vocabulary =
    'the ministry said that its agents had collected reports from several provinces while analysts disputed what the documents showed about intelligence work'.split(
      ' ',
    );
  const wordsPerParagraph = WORDS / CITATIONS;
  const blocks = citations.map((citation, i) =>
    paragraph([
      text(Array.from({ length: wordsPerParagraph }, (_, w) => vocabulary[(i * 13 + w) % vocabulary.length]).join(' ') + ' '),
      { type: NOTE_NODE.citation, version: 1, citation },
    ]),
  );
  const document = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: blocks } };
  const note = (await notebook.host.notes.create({ title: 'Benchmark note' })) as NoteDetail;
  const saveTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    (blocks[0]!.children![0] as { text: string }).text = `Edit ${i} `.repeat(5);
    const started = performance.now();
    await notebook.host.notes.save({ id: note.id, document });
    saveTimes.push(performance.now() - started);
  }
  notebook.close();
  return { noteId: note.id, saveTimes, documentBytes: JSON.stringify(document).length };
}

async function startServer(dataDir: string) {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/sourcebook.cjs'), 'open', '--no-open', '--json', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, url: (JSON.parse(line) as { url: string }).url };
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'out/renderer/index.html'))) throw new Error('Run `npm run build` first.');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-bench-notes-'));
  const { noteId, saveTimes, documentBytes } = await prepare(dataDir);
  const server = await startServer(dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.SOURCEBOOK_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', ...OFFLINE_CHROMIUM_ARGS],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    await page.locator('.sidebar').waitFor();

    const openTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => (window.location.hash = '#/library'));
      await page.locator('.source-table').waitFor();
      const started = await page.evaluate((id) => {
        const t = performance.now();
        window.location.hash = `#/notes/${id}`;
        return t;
      }, noteId);
      await page.waitForFunction((n) => document.querySelectorAll('.note-content .citation-chip').length === n, CITATIONS, {
        polling: 'raf',
        timeout: 60_000,
      });
      openTimes.push((await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))))) - started);
    }

    const fetchTimes = await page.evaluate(async (id) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await window.api.notes.get({ id });
        times.push(performance.now() - t);
      }
      return times;
    }, noteId);

    // keydown → the frame that shows the character: mark at keydown, measure after the next paint.
    await page.evaluate(() => {
      const w = window as unknown as { __latencies: number[] };
      w.__latencies = [];
      document.addEventListener(
        'keydown',
        () => {
          const id = `key-${w.__latencies.length}-${Math.random()}`;
          performance.mark(id);
          requestAnimationFrame(() =>
            setTimeout(() => {
              w.__latencies.push(performance.measure(`${id}-paint`, id).duration);
            }, 0),
          );
        },
        true,
      );
    });
    const typeInto = async (paragraph: ReturnType<typeof page.locator>) => {
      await page.evaluate(() => ((window as unknown as { __latencies: number[] }).__latencies = []));
      await paragraph.click();
      await page.keyboard.press('End');
      for (let i = 0; i < KEYSTROKES; i++) await page.keyboard.type(i % 9 === 8 ? ' ' : 'x', { delay: 25 });
      await page.locator('.save-status', { hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });
      return page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies);
    };
    const latencies = await typeInto(page.locator('.note-content p').nth(CITATIONS / 2));

    const apiSave = await page.evaluate(async (id) => {
      const note = await window.api.notes.get({ id });
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await window.api.notes.save({ id, document: note.document });
        times.push(performance.now() - t);
      }
      return times;
    }, noteId);

    // The same typing in an empty note: what this machine's load alone costs.
    await page.evaluate(() => (window.location.hash = '#/notes'));
    await page.getByRole('button', { name: 'New note' }).click();
    const baseline = await typeInto(page.locator('.note-content p').first().or(page.locator('.note-content')).first());

    console.log(`Note: ${WORDS} words, ${CITATIONS} citations, ${(documentBytes / 1024).toFixed(0)} KiB of Lexical JSON`);
    console.log(
      `Typing latency (keydown → next paint, ${latencies.length} keys): p50 ${fmt(percentile(latencies, 50))}, p95 ${fmt(percentile(latencies, 95))}, max ${fmt(Math.max(...latencies))}  (target p95 ≤ 16 ms)`,
    );
    console.log(
      `Typing latency in an empty note, same machine and load (baseline): p50 ${fmt(percentile(baseline, 50))}, p95 ${fmt(percentile(baseline, 95))}`,
    );
    console.log(
      `Open the note in the editor (all chips rendered): median ${fmt(percentile(openTimes, 50))}, max ${fmt(Math.max(...openTimes))}  (target ≤ 300 ms); of which notes.get over the loopback API: median ${fmt(percentile(fetchTimes, 50))}`,
    );
    console.log(
      `Save in the service (one transaction, citations and links derived): median ${fmt(percentile(saveTimes, 50))}, max ${fmt(Math.max(...saveTimes))}`,
    );
    console.log(`Save from the page through the loopback API: median ${fmt(percentile(apiSave, 50))}, max ${fmt(Math.max(...apiSave))}`);
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
