import { describe, expect, it } from 'vitest';
import { wordSpans, wordSpansByPattern } from '../../../src/main/services/search/text';

describe('wordSpans', () => {
  it('finds the same words as the word pattern, on awkward text', () => {
    const samples = [
      '',
      'plain words, and digits 2024-06 here.',
      "Hewlett-Packard's O’Brien rock'n'roll l'été d'accord ʼokina can't 'quoted' it' x'1",
      'ministères Ærø São Paulo naïve Zoë — élan; e\u0301te\u0301 (combining marks)',
      'Xi\u00a0Jinping 习近平 北京 Москва Αθήνα العربية हिन्दी 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 emoji🙂word',
      '\u0301leading mark and trailing mark a\u0301',
      "ends with apostrophe' and ’ alone ʼ",
      'x²³ ½ ①② numbers ٣٤ and \ud800 lone surrogate \ud800a \udc00b',
    ];
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const alphabet = "aZ9 '’ʼ-\u0301é習😀\u00a0.,x";
    for (let n = 0; n < 300; n++) {
      const chars = Array.from(alphabet);
      samples.push(Array.from({ length: 30 }, () => chars[Math.floor(random() * chars.length)]).join(''));
    }
    for (const text of samples) expect([...wordSpans(text)], text).toEqual([...wordSpansByPattern(text)]);
  });

  it('reads every code point of the table it keeps (below U+0370) and just past it as the pattern does', () => {
    for (let c = 0; c < 0x400; c++) {
      if (c >= 0xd800) continue;
      const ch = String.fromCharCode(c);
      const text = `a${ch}b ${ch}x ${ch} x'${ch}y 9${ch}`;
      expect([...wordSpans(text)], `U+${c.toString(16)}`).toEqual([...wordSpansByPattern(text)]);
    }
  });

  it('stops after the words asked for', () => {
    expect([...wordSpans('one two three four', 2)]).toEqual([0, 3, 4, 7]);
  });
});
