import { describe, expect, it } from 'vitest';
import { reanchor, type AnchorDecision, type QuoteSelector } from '../../../src/main/services/notes/anchoring';
import { normalizeText, toNormalSpan, toRawSpan } from '../../../src/main/services/notes/textNormalize';
import { quoteAt } from '../../../src/main/services/notes/selection';

const ARTICLE = [
  'China: Ministry of State Security (MSS)',
  'There are few intelligence agencies with a more ambitious agenda than China’s Ministry of State Security. The MSS is responsible for the goverment’s foreign intelligence and counterintelligence missions, as well as domestic security programs.',
  'The director of the MSS is Chen Wenqing, appointed by President Xi in 2016.',
  'In August 2020, the U.S. Justice Department charged Alexander Ma, a former CIA officer, with spying for the MSS.',
  'The ministry said it did not approve the export licences for the equipment.',
  'Police detained 12 officers of the bureau, which is run by Chen Wei.',
  'The MSS is not the only Chinese intelligence service. Intelligence elements of the People’s Liberation Army have also played a major role.',
].join('\n');

function selectorFor(text: string, exact: string, occurrence = 0): QuoteSelector {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(exact, at + 1);
  if (at < 0) throw new Error(`"${exact}" not in text`);
  return quoteAt(text, at, at + exact.length);
}

/** The invariant every silent placement keeps: it points at the same words. */
function expectPlaced(text: string, result: AnchorDecision, words: string, status: 'current' | 'moved' = 'moved') {
  expect(result.status).toBe(status);
  expect(text.slice(result.start, result.end)).toBe(words);
}

function expectReview(text: string, result: AnchorDecision, status: 'changed' | 'lost', proposal?: string) {
  expect(result.status).toBe(status);
  expect(result.start).toBeUndefined();
  if (proposal !== undefined) expect(text.slice(result.proposal!.start, result.proposal!.end)).toBe(proposal);
}

describe('the comparison form of a text', () => {
  it('folds typography, keeps words, and maps back to raw offsets', () => {
    const raw = 'He said “no” — twice;\u00a0the\u00ad re-\nport’s  ﬁnal…';
    const n = normalizeText(raw);
    expect(n.text).toBe('He said "no"-twice; the re-port\'s final...');
    const span = toNormalSpan(n, raw.indexOf('“'), raw.indexOf('twice') + 5);
    expect(n.text.slice(span.start, span.end)).toBe('"no"-twice');
    const back = toRawSpan(n, span.start, span.end);
    expect(raw.slice(back.start, back.end)).toBe('“no” — twice');
  });

  it('treats NFC and NFD spellings as the same words', () => {
    expect(normalizeText('Zhou Enlai’s café').text).toBe(normalizeText("Zhou Enlai's cafe\u0301").text);
  });
});

describe('re-anchoring a quote in a new version', () => {
  it('keeps a quote whose text is unchanged: current', () => {
    const quote = selectorFor(ARTICLE, 'appointed by President Xi in 2016');
    expectPlaced(ARTICLE, reanchor(ARTICLE, quote, ARTICLE), quote.exact, 'current');
  });

  it('moves silently when text is inserted before the quote', () => {
    const quote = selectorFor(ARTICLE, 'charged Alexander Ma, a former CIA officer');
    const edited = 'Editor’s note: this article was updated in 2024 with new reporting.\n' + ARTICLE;
    const result = reanchor(edited, quote, ARTICLE);
    expectPlaced(edited, result, quote.exact);
    expect(result.finding).toBe('shifted');
  });

  it('moves silently when only the typography of the quoted words changed', () => {
    const quote = selectorFor(ARTICLE, 'few intelligence agencies with a more ambitious agenda than China’s Ministry');
    const edited = ARTICLE.replace('China’s Ministry', "China's  Ministry");
    const result = reanchor(edited, quote, ARTICLE);
    expect(result.status).toBe('moved');
    expect(edited.slice(result.start, result.end)).toBe("few intelligence agencies with a more ambitious agenda than China's  Ministry");
  });

  it('follows the quote when its whole paragraph moves', () => {
    const lines = ARTICLE.split('\n');
    const quote = selectorFor(ARTICLE, lines[3]!);
    const moved = [lines[0], lines[3], lines[1], lines[2], ...lines.slice(4)].join('\n');
    expectPlaced(moved, reanchor(moved, quote, ARTICLE), lines[3]!);
  });

  it('sends a fixed typo inside the quote to review, with the new words proposed and never applied', () => {
    const quote = selectorFor(ARTICLE, 'responsible for the goverment’s foreign intelligence');
    const edited = ARTICLE.replace('goverment’s', 'government’s');
    const result = reanchor(edited, quote, ARTICLE);
    expectReview(edited, result, 'changed', 'responsible for the government’s foreign intelligence');
    expect(result.finding).toBe('edited');
  });

  it.each([
    ['a negation', 'did not approve the export licences', 'did approve the export licences'],
    ['a number', 'detained 12 officers of the bureau', 'detained 120 officers of the bureau'],
    ['a name', 'which is run by Chen Wei', 'which is run by Chen Hui'],
    ['a date', 'In August 2020, the U.S. Justice Department', 'In August 2021, the U.S. Justice Department'],
  ])('sends %s changed inside the quote to review', (_, before, after) => {
    const quote = selectorFor(ARTICLE, before);
    const edited = ARTICLE.replace(before, after);
    expectReview(edited, reanchor(edited, quote, ARTICLE), 'changed', after);
  });

  it('does not take "12" inside "120" for the quoted number', () => {
    const quote = selectorFor(ARTICLE, '12');
    const edited = ARTICLE.replace('12 officers', '120 officers');
    expect(reanchor(edited, quote, ARTICLE).status).not.toMatch(/current|moved/);
  });

  it('loses a deleted quote, and does not attach to neighbouring words', () => {
    const quote = selectorFor(ARTICLE, 'appointed by President Xi in 2016');
    const edited = ARTICLE.replace(
      'The director of the MSS is Chen Wenqing, appointed by President Xi in 2016.',
      'The director of the MSS is not named here.',
    );
    expect(reanchor(edited, quote, ARTICLE).status).toMatch(/changed|lost/);
  });

  it('does not move to a lookalike that remains when the cited paragraph is deleted', () => {
    const text = `${ARTICLE}\nThe ban applies across all regions of the country.\nA later rule applies across most regions of the country.`;
    const quote = selectorFor(text, 'applies across all regions of the country');
    const edited = text.replace('\nThe ban applies across all regions of the country.', '');
    const result = reanchor(edited, quote, text);
    expectReview(edited, result, 'lost');
    expect(result.finding).toBe('lookalike');
  });

  describe('a quote that occurs twice', () => {
    const twice = `${ARTICLE}\nAnalysts agree: the MSS is responsible for foreign intelligence.\nCritics disagree: the MSS is responsible for foreign intelligence.`;
    const words = 'the MSS is responsible for foreign intelligence';

    it('follows the cited occurrence after the text shifts', () => {
      const second = selectorFor(twice, words, 1);
      const edited = 'A new opening line.\n' + twice;
      const result = reanchor(edited, second, twice);
      expectPlaced(edited, result, words);
      expect(result.start).toBe(second.start + 'A new opening line.\n'.length);
    });

    it('sends the cited copy to review when one letter changes in it, never to the untouched other copy', () => {
      const block = `Repeated block: ${words}, and its budget grew.`;
      const text = `${ARTICLE}\n${block}\nBetween the copies.\n${block}`;
      const second = selectorFor(text, words, 1);
      const edited = text.slice(0, second.start) + text.slice(second.start).replace('foreign', 'foriegn');
      const result = reanchor(edited, second, text);
      expectReview(edited, result, 'changed', 'the MSS is responsible for foriegn intelligence');
    });

    it('asks for review when the cited copy was deleted and the other copy was there all along', () => {
      const short = `${ARTICLE}\nThe MSS said no.\nLater, the ministry said no.`;
      const cited = selectorFor(short, 'said no', 0);
      const edited = short.replace('\nThe MSS said no.', '\nThe MSS declined to comment.');
      expect(reanchor(edited, cited, short).status).toMatch(/changed|lost/);
    });

    it('asks for review when a block is duplicated and nothing tells the copies apart', () => {
      // The quote sits deep inside the box: the words around it are the same in both copies.
      const box = `Sidebar, printed verbatim at some length: ${words} — and the sidebar goes on for a while before it ends.`;
      const text = `${ARTICLE}\n${box}`;
      const quote = selectorFor(text, words);
      const edited = `${ARTICLE}\n${box}\n${box}`;
      const result = reanchor(edited, quote, text);
      expect(result.status).toBe('changed');
      expect(result.finding).toBe('ambiguous');
      expect(result.occurrences).toBe(2);
    });
  });
});
