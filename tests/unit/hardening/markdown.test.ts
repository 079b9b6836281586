import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/main/services/import/markdown';
import { closeMarkdownWorker } from '../../../src/main/services/markdown/client';
import { MAX_MARKDOWN_NESTING } from '../../../src/main/services/markdown/parse';
import { markdownToDocument } from '../../../src/main/services/notes/markdown';
import { analyzeDocument } from '../../../src/main/services/notes/document';
import { freshNotebook } from '../helpers';

afterAll(() => closeMarkdownWorker());

const HOSTILE = {
  'unclosed links': '[a](b'.repeat(60_000),
  'unclosed link destinations': '[a]('.repeat(75_000),
  'emphasis openers': '*a'.repeat(150_000),
  'bracket openers': '['.repeat(300_000),
  'nested quotes': '>'.repeat(100_000) + ' deep',
  'nested lists': '- '.repeat(50_000) + 'deep',
};

describe('one linear Markdown parser', () => {
  // No time limit is asserted (the machine may be loaded): these complete, where the regular
  // expressions they replace ran for minutes, and deep nesting never overflows the stack.
  for (const [name, source] of Object.entries(HOSTILE)) {
    it(`reads 300 KB of ${name} for import and for notes`, () => {
      expect(parseMarkdown(source).passages.length).toBeGreaterThan(0);
      expect(markdownToDocument(source).root.children!.length).toBeGreaterThan(0);
    });
  }

  it(`caps nesting at ${MAX_MARKDOWN_NESTING} levels and keeps the words`, () => {
    const text = analyzeDocument(markdownToDocument('> '.repeat(500) + 'kept words')).plainText;
    expect(text).toContain('kept words');
  });

  it('keeps raw HTML as text and links only to web addresses', () => {
    const document = markdownToDocument('<img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](https://example.org/)');
    const json = JSON.stringify(document);
    expect(analyzeDocument(document).plainText).toContain('<img src=x onerror=alert(1)>');
    expect(json).not.toContain('"url":"javascript');
    expect(json).toContain('"url":"https://example.org/"');
    expect(parseMarkdown('---\ntitle: T\nurl: javascript:alert(1)\n---\nbody').metadata.url).toBeNull();
    expect(parseMarkdown('---\nurl: doi:10.1000/xyz\n---\nbody').metadata.url).toBe('https://doi.org/10.1000/xyz');
  });
});

describe('note create --from-markdown', () => {
  it('parses 300 KB of "[a](b" off the serving thread: other calls are answered meanwhile', async () => {
    const notebook = freshNotebook();
    try {
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      let created = false;
      let answeredMeanwhile = 0;
      const creating = notebook.host.notes.createFromMarkdown({ title: 'Hostile', markdown: '[a](b'.repeat(60_000) }).finally(() => {
        created = true;
      });
      // The serving thread keeps answering while the worker parses; a parse on this thread would
      // finish before the first of these calls could even start.
      while (!created) {
        // One call per turn of the event loop, as requests arrive at a server.
        await new Promise((resolve) => setImmediate(resolve));
        await notebook.host.sources.list({});
        if (!created) answeredMeanwhile++;
      }
      delay.disable();
      const note = await creating;
      expect(note.plainText).toContain('[a](b');
      expect(answeredMeanwhile).toBeGreaterThan(0);
      console.log(
        `serving thread while a 300 KB hostile draft was parsed: ${answeredMeanwhile} calls answered, longest event-loop delay ${Math.round(delay.max / 1e6)} ms`,
      );
    } finally {
      notebook.close();
    }
  });

  it('refuses a draft that is not valid Unicode, naming the problem, and writes nothing', async () => {
    const notebook = freshNotebook();
    try {
      await expect(notebook.host.notes.createFromMarkdown({ title: 'Broken', markdown: 'half a pair: \ud800 here' })).rejects.toMatchObject(
        {
          code: 'invalid_input',
          message: /markdown is not valid Unicode text \(an unpaired surrogate U\+D800/,
        },
      );
      expect(await notebook.host.notes.list({})).toEqual([]);
    } finally {
      notebook.close();
    }
  });
});
