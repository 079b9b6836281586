import { describe, expect, it } from 'vitest';
import { reanchor, type QuoteSelector } from '../../../src/main/services/notes/anchoring';
import { quoteAt } from '../../../src/main/services/notes/selection';

const ARTICLE = [
  'China: Ministry of State Security (MSS)',
  'There are few intelligence agencies with a more ambitious agenda than China’s Ministry of State Security. The MSS is responsible for the goverment’s foreign intelligence and counterintelligence missions, as well as domestic security programs.',
  'The director of the MSS is Chen Wenqing, appointed by President Xi in 2016.',
  'In August 2020, the U.S. Justice Department charged Alexander Ma, a former CIA officer, with spying for the MSS.',
  'The MSS is not the only Chinese intelligence service. Intelligence elements of the People’s Liberation Army have also played a major role.',
].join('\n');

function selectorFor(text: string, exact: string, occurrence = 0): QuoteSelector {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(exact, at + 1);
  if (at < 0) throw new Error(`"${exact}" not in text`);
  return quoteAt(text, at, at + exact.length);
}

/** The invariant every found anchor must keep: it points at words that really are there. */
function expectQuotes(text: string, result: ReturnType<typeof reanchor>, words: string) {
  expect(result.found).toBe(true);
  if (!result.found) return;
  expect(text.slice(result.start, result.end)).toBe(words);
}

describe('re-anchoring a quote in changed text', () => {
  it('keeps the position when the text is unchanged', () => {
    const quote = selectorFor(ARTICLE, 'appointed by President Xi in 2016');
    const result = reanchor(ARTICLE, quote, ARTICLE);
    expect(result).toMatchObject({ found: true, method: 'position', start: quote.start, end: quote.end });
  });

  it('follows a typo fixed inside the quote, approximately, and quotes the corrected words', () => {
    const quote = selectorFor(ARTICLE, 'responsible for the goverment’s foreign intelligence');
    const edited = ARTICLE.replace('goverment’s', 'government’s');
    const result = reanchor(edited, quote, ARTICLE);
    expect(result.found && result.method).toBe('fuzzy');
    expectQuotes(edited, result, 'responsible for the government’s foreign intelligence');
    expect(result.score).toBeGreaterThanOrEqual(0.8);
  });

  it('follows the quote when text is inserted before it', () => {
    const quote = selectorFor(ARTICLE, 'charged Alexander Ma, a former CIA officer');
    const inserted = 'Editor’s note: this article was updated in 2024 with new reporting.\n';
    const edited = inserted + ARTICLE;
    const result = reanchor(edited, quote, ARTICLE);
    expect(result).toMatchObject({ found: true, method: 'quote', start: quote.start + inserted.length });
    expectQuotes(edited, result, quote.exact);
  });

  it('follows the quote when its whole paragraph moves', () => {
    const lines = ARTICLE.split('\n');
    const quote = selectorFor(ARTICLE, lines[3]!);
    const moved = [lines[0], lines[3], lines[1], lines[2], lines[4]].join('\n');
    const result = reanchor(moved, quote, ARTICLE);
    expect(result).toMatchObject({ found: true, method: 'quote' });
    expectQuotes(moved, result, lines[3]!);
  });

  it('asks for review when the quote is deleted, and does not attach to neighbouring words', () => {
    const quote = selectorFor(ARTICLE, 'appointed by President Xi in 2016');
    const edited = ARTICLE.replace(
      'The director of the MSS is Chen Wenqing, appointed by President Xi in 2016.',
      'The director of the MSS is not named here.',
    );
    const result = reanchor(edited, quote, ARTICLE);
    expect(result.found).toBe(false);
  });

  it('asks for review when the words were rewritten beyond a small edit', () => {
    const quote = selectorFor(ARTICLE, 'with spying for the MSS');
    const edited = ARTICLE.replace('with spying for the MSS', 'with selling secrets to Beijing');
    expect(reanchor(edited, quote, ARTICLE).found).toBe(false);
  });

  describe('a quote that occurs twice', () => {
    const twice = `${ARTICLE}\nAnalysts agree: the MSS is responsible for foreign intelligence.\nCritics disagree: the MSS is responsible for foreign intelligence.`;
    const words = 'the MSS is responsible for foreign intelligence';

    it('uses the context to pick the cited occurrence after the text shifts', () => {
      const second = selectorFor(twice, words, 1);
      const edited = 'A new opening line.\n' + twice;
      const result = reanchor(edited, second, twice);
      expect(result).toMatchObject({ found: true, start: second.start + 'A new opening line.\n'.length });
      expectQuotes(edited, result, words);
    });

    it('asks for review when the contexts do not tell the occurrences apart', () => {
      // A boxed paragraph printed twice: the 32 characters either side are the same for both.
      const box = `Repeated in the sidebar, verbatim: ${words} — the sidebar text ends here.`;
      const same = `${ARTICLE}\n${box}\n${box}`;
      const first = selectorFor(same, words, 0);
      const edited = 'A new opening line.\n' + same;
      const result = reanchor(edited, first, same);
      expect(result.found).toBe(false);
      if (!result.found) {
        expect(result.reason).toMatch(/occur 2 times/);
        expect(edited.slice(result.suggestion!.start, result.suggestion!.end)).toBe(words);
      }
    });

    it('asks for review when the cited copy was deleted and a short quote survives elsewhere', () => {
      const short = `${ARTICLE}\nThe MSS said no.\nLater, the ministry said no.`;
      const cited = selectorFor(short, 'said no', 0);
      const edited = short.replace('\nThe MSS said no.', '\nThe MSS declined to comment.');
      const result = reanchor(edited, cited, short);
      expect(result.found).toBe(false);
    });
  });
});
