import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, startApp, stopApp, test, type RunningApp } from './fixtures';

/** What a page's call answered: its result, or the message of the error it threw. */
const callSourcesList = () =>
  window.api.sources.list({}).then(
    (list) => `ok:${list.length}`,
    (error: Error) => `error:${error.message}`,
  );

test.describe('the loopback shell signs in a window once, and only that window', () => {
  test('refuses calls without a session, from another origin, or with a foreign Host', async ({ app, request }) => {
    // The built app is public code; every call needs a session.
    expect((await request.get(app.origin + '/')).status()).toBe(200);
    const noSession = await request.post(app.origin + '/api/sources.list', { data: {}, headers: { Origin: app.origin } });
    expect(noSession.status()).toBe(403);
    expect(await noSession.text()).toMatch(/not signed in/);
    const forged = await request.post(app.origin + '/api/sources.list', {
      data: {},
      headers: { Origin: app.origin, 'X-Sourcebook-Session': 'guess' },
    });
    expect(forged.status()).toBe(403);
    const badLaunch = await request.post(app.origin + '/__session', {
      data: {},
      headers: { Origin: app.origin, 'X-Sourcebook-Launch': 'guess' },
    });
    expect(badLaunch.status()).toBe(403);
    // DNS rebinding: a foreign name that resolves to 127.0.0.1 still carries its own Host.
    for (const target of ['/', '/api/sources.list', '/__session'])
      expect((await request.get(app.origin + target, { headers: { Host: 'evil.example:80' } })).status(), target).toBe(421);
    // Another page of the same browser: its Origin is refused even with a valid launch token.
    const token = new URL(await app.newLink()).hash.replace('#launch=', '');
    const foreign = await request.post(app.origin + '/__session', {
      data: {},
      headers: { Origin: 'http://evil.example', 'X-Sourcebook-Launch': token },
    });
    expect(foreign.status()).toBe(403);
  });

  test('a launch link works once: the window signs in, a replay is refused, a reload stays signed in', async ({ app, browser }) => {
    const first = await browser.newContext();
    const page = await first.newPage();
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
    expect(await page.evaluate(callSourcesList)).toBe('ok:5');
    expect(page.url(), 'the token leaves the address bar').not.toContain('launch=');
    await page.reload();
    expect(await page.evaluate(callSourcesList)).toBe('ok:5');

    const second = await browser.newContext();
    const replay = await second.newPage();
    await replay.goto(app.url);
    expect(await replay.evaluate(callSourcesList)).toMatch(/^error:This launch link was already used or has expired/);
    // A fresh link (Enter in the terminal) signs in another window.
    // Pasted into the same tab it changes only the fragment; the page reloads itself to use it.
    const link = await app.newLink();
    await Promise.all([replay.waitForEvent('load'), replay.goto(link)]);
    expect(await replay.evaluate(callSourcesList)).toBe('ok:5');
    await first.close();
    await second.close();
  });

  test('the session is never a cookie and never reaches another port of 127.0.0.1', async ({ app, browser }) => {
    const seen: http.IncomingHttpHeaders[] = [];
    const other = http.createServer((req, res) => {
      seen.push(req.headers);
      res.end('another local server');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(app.url);
      expect(await page.evaluate(callSourcesList)).toBe('ok:5');
      const session = await page.evaluate(() => sessionStorage.getItem('sourcebook.session'));
      expect(session).toBeTruthy();
      expect(await context.cookies()).toEqual([]);
      const visitor = await context.newPage();
      await visitor.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
      expect(seen.length).toBeGreaterThan(0);
      for (const headers of seen) {
        expect(headers.cookie).toBeUndefined();
        expect(JSON.stringify(headers)).not.toContain(session!);
      }
    } finally {
      await context.close();
      other.close();
    }
  });

  test('two notebooks open at once in one browser keep their own sessions', async ({ app, browser }) => {
    test.setTimeout(150_000); // two notebooks start
    let second: RunningApp | undefined;
    const context = await browser.newContext();
    try {
      second = await startApp();
      const one = await context.newPage();
      const two = await context.newPage();
      await one.goto(app.url);
      await two.goto(second.url);
      const created = await one.evaluate(() => window.api.notes.create({ title: 'Only in the first notebook' }).then((n) => n.id));
      expect(await two.evaluate(() => window.api.notes.list({}).then((l) => l.length))).toBe(0);
      expect(await one.evaluate(() => window.api.notes.list({}).then((l) => l.map((n) => n.id)))).toEqual([created]);
      await one.reload();
      expect(await one.evaluate(callSourcesList)).toBe('ok:5');
      expect(await two.evaluate(callSourcesList)).toBe('ok:5');
    } finally {
      await context.close();
      if (second) await stopApp(second);
    }
  });

  test('a note too large to send is refused with a clear message; large notes the app makes are saved', async ({ app, browser }) => {
    test.setTimeout(180_000);
    // The browser logs the 413 to the console on its own, so this page is not the strict fixture.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url);
    const outcome = await page.evaluate(async () => {
      const note = await window.api.notes.create({ title: 'Big' });
      const documentOf = (chars: number) => ({
        root: {
          type: 'root',
          children: [{ type: 'paragraph', children: [{ type: 'text', text: 'x'.repeat(chars), format: 0, version: 1 }] }],
        },
      });
      // About what a 1 MB Markdown draft becomes: well over the old 4 MiB limit.
      const saved = await window.api.notes.save({ id: note.id, document: documentOf(5_000_000) as never }).then(
        () => 'saved',
        (e: Error) => e.message,
      );
      const refused = await window.api.notes.save({ id: note.id, document: documentOf(50_500_000) as never }).then(
        () => 'saved',
        (e: Error & { code?: string }) => `${e.code}: ${e.message}`,
      );
      return { saved, refused };
    });
    expect(outcome.saved).toBe('saved');
    expect(outcome.refused).toMatch(/^too_large: This is too large to send to Sourcebook .*still in this window/);
    await context.close();
  });

  test('when Sourcebook has stopped, the page says its edits are still there and never advises a reload', async ({ app, browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url);
    expect(await page.evaluate(callSourcesList)).toBe('ok:5');
    await stopApp(app);
    const message = await page.evaluate(callSourcesList);
    expect(message).toMatch(/cannot be reached.*your edits are still in this window: do not reload/);
    await context.close();
  });
});
