import { hasDictionaryScript } from '../../../shared/dictionaryScripts';
import { foldedWords, foldWord, wordSpans } from './text';
import type { Vocabulary } from './vocabulary';

/** No word of these scripts the index holds is longer; a longer piece is not looked up. */
const LONGEST_WORD = 48;

/**
 * The words of one typed word, folded. Thai, Lao, Burmese and Khmer typed without spaces are split
 * into words the index holds, the fewest that cover the run, the last one possibly a word still
 * being typed (`lastMayBePrefix`): ICU's dictionaries split an unfinished word, and even the words
 * before it, otherwise than the finished text (กระทร is กระ|ทร, ความมั่นคงแห่งรั is
 * ความ|มั่น|คง|แห่ง|รั, where the text has ความ|มั่นคง|แห่ง|รัฐ). Where the index holds no such
 * split, the dictionaries' words. Everything else as foldedWords.
 */
export function typedWords(vocabulary: Vocabulary, typed: string, lastMayBePrefix: boolean): string[] {
  if (!hasDictionaryScript(typed)) return foldedWords(typed);
  const spans = wordSpans(typed);
  const out: string[] = [];
  for (let k = 0; k < spans.length; k += 2) {
    const start = spans[k]!;
    let end = spans[k + 1]!;
    if (!hasDictionaryScript(typed, start, end)) {
      const word = foldWord(typed.slice(start, end));
      if (word) out.push(word);
      continue;
    }
    // The words ICU found side by side make one run, split again against the index.
    let last = k;
    while (last + 2 < spans.length && spans[last + 2] === end && hasDictionaryScript(typed, end, spans[last + 3]!)) {
      last += 2;
      end = spans[last + 1]!;
    }
    const run = foldWord(typed.slice(start, end));
    const known = coverByKnownWords(vocabulary, run, lastMayBePrefix && last + 2 >= spans.length);
    if (known) for (const word of known) out.push(word);
    else for (let j = k; j <= last; j += 2) out.push(foldWord(typed.slice(spans[j]!, spans[j + 1]!)));
    k = last;
  }
  return out;
}

/** The fewest words the index holds that make up `run` (the last one may be a prefix), or null. */
function coverByKnownWords(vocabulary: Vocabulary, run: string, lastMayBePrefix: boolean): string[] | null {
  const n = run.length;
  const fewest = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(-1);
  fewest[0] = 0;
  const known = (piece: string) => {
    const id = vocabulary.idOf(piece);
    return id !== undefined && vocabulary.frequency(id) > 0;
  };
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - LONGEST_WORD); start < end; start++) {
      if (fewest[start]! + 1 >= fewest[end]!) continue;
      const piece = run.slice(start, end);
      if (known(piece) || (end === n && lastMayBePrefix && vocabulary.withPrefix(piece, 1).length > 0)) {
        fewest[end] = fewest[start]! + 1;
        from[end] = start;
      }
    }
  }
  if (fewest[n] === Infinity) return null;
  const words: string[] = [];
  for (let end = n; end > 0; end = from[end]!) words.unshift(run.slice(from[end]!, end));
  return words;
}
