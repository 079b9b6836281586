// Page-thread time per animation frame of the entity graph at 5,000 nodes, before (ForceAtlas2 and
// element-by-element drawing on the page's thread) and after (layout in a worker, batched drawing
// only when something changed). Builds a small page with Vite, serves it on loopback with the
// app's security headers (so the worker runs under the real CSP), and runs it in offline Chromium.
// Usage: node --import tsx scripts/bench-graph.ts [nodes] [edges] [seconds]
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { findChromium, OFFLINE_CHROMIUM_ARGS, rootSandboxArgs } from '../src/main/services/browser/chromium';
import { mimeType } from '../src/main/web/mime';
import { SECURITY_HEADERS } from '../src/main/web/security';

const [nodes, edges, seconds] = [process.argv[2] ?? '5000', process.argv[3] ?? '20000', process.argv[4] ?? '60'];
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-graph-'));
await build({ root: path.resolve(import.meta.dirname, 'bench-graph'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = http.createServer((req, res) => {
  const file = path.join(outDir, new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/$/, '/index.html'));
  if (!file.startsWith(outDir) || !fs.existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': mimeType(file) }).end(fs.readFileSync(file));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: [...rootSandboxArgs(), ...(process.env.BENCH_GPU ? [] : ['--disable-gpu']), ...OFFLINE_CHROMIUM_ARGS],
});
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
const f = (x: number) => x.toFixed(1);
console.log(
  `graph of ${nodes} nodes, ${edges} edges; load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}`,
);
try {
  for (const mode of ['before', 'after']) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('404') && errors.push(m.text()));
    await page.goto(`http://127.0.0.1:${port}/?mode=${mode}&nodes=${nodes}&edges=${edges}&seconds=${seconds}`);
    await page.waitForFunction(() => 'result' in window, undefined, { timeout: (Number(seconds) + 120) * 1000, polling: 500 });
    const r = (await page.evaluate(() => (window as unknown as { result: unknown }).result)) as {
      work: number[];
      gaps: number[];
      lateness: number[];
      elapsed: number;
      settled: boolean;
    };
    const busy = r.work.filter((w) => w > 0);
    console.log(
      `${mode.padEnd(6)} frames ${r.gaps.length} in ${f(r.elapsed / 1000)} s${r.settled ? ' (settled)' : ''}; ` +
        `page-thread ms per frame p50 ${f(q(r.work, 0.5))} p95 ${f(q(r.work, 0.95))} max ${f(q(r.work, 1))} ` +
        `(frames with work: ${busy.length}, their p50 ${f(q(busy, 0.5))}); ` +
        `input wait (10 ms timer lateness) ms p50 ${f(q(r.lateness, 0.5))} p95 ${f(q(r.lateness, 0.95))} max ${f(q(r.lateness, 1))}; ` +
        `gap between frames ms p50 ${f(q(r.gaps, 0.5))} p95 ${f(q(r.gaps, 0.95))} max ${f(q(r.gaps, 1))}` +
        (errors.length ? `; errors: ${errors.join(' | ')}` : ''),
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  fs.rmSync(outDir, { recursive: true, force: true });
}
