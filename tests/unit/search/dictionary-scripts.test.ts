import { describe, expect, it } from 'vitest';
import { createLinker } from '../../../src/main/services/entities/linker';
import { SearchEngine } from '../../../src/main/services/search/engine';
import { foldedWords, wordSpans, wordSpansByPattern } from '../../../src/main/services/search/text';
import type { PassageView } from '../../../src/main/services/search/types';

/**
 * Thai, Lao, Burmese and Khmer are written without spaces between words. Before, a whole run was
 * one word, so a word inside a sentence was never found and no entity was linked inside one.
 * Their words are now found by ICU's dictionaries (Intl.Segmenter), keeping their marks.
 */
const PASSAGES = [
  // "Mr Wang Yi said that China's Ministry of State Security arrested a spy."
  'นายหวังอี้กล่าวว่ากระทรวงความมั่นคงแห่งรัฐของจีนจับกุมสายลับ',
  // "The Thai government issued a statement."
  'รัฐบาลไทยออกแถลงการณ์',
  // "China's Ministry of State Security" in Khmer.
  'ក្រសួងសន្តិសុខរដ្ឋរបស់ចិន',
  'The MSSของจีน and 国家安全部 in one line.',
  // "This piece of wood" and "he does not go": ไม้ (wood) and ไม่ (not) differ by a tone mark.
  'ไม้ชิ้นนี้',
  'เขาไม่ไป',
];

describe('Thai, Lao, Burmese and Khmer text', () => {
  const engine = new SearchEngine((ids) => {
    const out = new Map<number, PassageView>();
    for (const id of ids) out.set(id, { text: PASSAGES[id - 1]!, anchor: `a${id}`, ordinal: id, mentions: [] });
    return out;
  });
  engine.setSource({ id: 's1', title: 's1', issued: null }, '');
  PASSAGES.forEach((text, i) => engine.addPassage({ id: i + 1, sourceId: 's1', kind: 'paragraph', text, mentions: [] }));
  engine.vocabulary.prepare();
  const passageHits = (query: string) =>
    engine.query(query, { limit: 20, kinds: ['passage'] }).groups.find((g) => g.kind === 'passage')?.hits ?? [];
  const found = (query: string) =>
    passageHits(query)
      .map((h) => Number(h.id))
      .sort();

  it('splits a run into its words, by the dictionaries, keeping marks; Latin and Han beside them as before', () => {
    expect(foldedWords(PASSAGES[0]!)).toEqual([
      'นาย',
      'หวัง',
      'อี้',
      'กล่าว',
      'ว่า',
      'กระทรวง',
      'ความ',
      'มั่นคง',
      'แห่ง',
      'รัฐ',
      'ของ',
      'จีน',
      'จับกุม',
      'สายลับ',
    ]);
    expect(foldedWords(PASSAGES[2]!)).toEqual(['ក្រសួង', 'សន្តិសុខ', 'រដ្ឋ', 'របស់', 'ចិន']);
    expect(foldedWords('MSSของจีน 国家安全部')).toEqual(['mss', 'ของ', 'จีน', '国家', '家安', '安全', '全部']);
    expect(foldedWords('ไม้')).not.toEqual(foldedWords('ไม่'));
    // The scan and the pattern it is tested against agree, Lao (no dictionary here: one word) and Burmese too.
    for (const text of [...PASSAGES, 'ກະຊວງປ້ອງກັນຄວາມສະຫງົບ ຂອງຈີນ', 'မြန်မာနိုင်ငံတွင်နေထိုင်သည်', 'จีน国家ของ'])
      expect(wordSpans(text), text).toEqual(wordSpansByPattern(text));
  });

  it('finds a word inside a sentence, and not inside a longer word', () => {
    expect(found('กระทรวง')).toEqual([1]);
    expect(found('หวังอี้')).toEqual([1]);
    expect(found('จีน')).toEqual([1, 4]);
    expect(found('สันติ')).toEqual([]);
    expect(found('សន្តិសុខ')).toEqual([3]);
    // รัฐ (state) is a word in passage 1; in passage 2 it only begins รัฐบาล (government).
    expect(found('รัฐ ')).toEqual([1]);
    // Typed without a space between words, as Thai is written: all of them are needed.
    expect(found('ความมั่นคงแห่งรัฐ')).toEqual([1]);
    // A tone mark is part of the word.
    expect(found('ไม่ ')).toEqual([6]);
    expect(found('ไม้ ')).toEqual([5]);
  });

  it('completes the last word while it is being typed', () => {
    expect(found('กระทร')).toEqual([1]);
    expect(found('รัฐบา')).toEqual([2]);
    // The dictionaries split the unfinished run otherwise (ความ|มั่น|คง|แห่ง|รั): it is split against the index.
    expect(found('ความมั่นคงแห่งรั')).toEqual([1]);
  });

  it('marks the words found, not the whole run', () => {
    const hit = passageHits('กระทรวง').find((h) => h.id === '1')!;
    expect((hit.matches ?? []).map((r) => PASSAGES[0]!.slice(r.start, r.end))).toEqual(['กระทรวง']);
  });
});

describe('entity names in Thai, Lao, Burmese and Khmer text', () => {
  const linker = createLinker([
    { entityId: 'wang-yi', alias: 'หวังอี้', exactCase: false, scope: '' },
    { entityId: 'state', alias: 'รัฐ', exactCase: false, scope: '' },
    { entityId: 'mss', alias: 'ក្រសួងសន្តិសុខរដ្ឋ', exactCase: false, scope: '' },
    { entityId: 'wood', alias: 'ไม้', exactCase: false, scope: '' },
  ]);
  const found = (text: string) => linker.link(text, 'doc-x').map((l) => `${l.entityId}:${l.surface}@${l.start}`);

  it('finds a name between words of a sentence, where the dictionaries put word boundaries', () => {
    expect(found(PASSAGES[0]!)).toEqual(['wang-yi:หวังอี้@3', `state:รัฐ@${PASSAGES[0]!.indexOf('รัฐ')}`]);
    expect(found(PASSAGES[2]!)).toEqual(['mss:ក្រសួងសន្តិសុខរដ្ឋ@0']);
    // Against a Latin word, where the script changes, as search splits it (ICU keeps "MSSหวังอี้" whole).
    expect(found('MSSหวังอี้กล่าว')).toEqual(['wang-yi:หวังอี้@3']);
  });

  it('does not find a name that only begins a longer word, nor one that differs by a mark', () => {
    expect(found(PASSAGES[1]!)).toEqual([]);
    expect(found(PASSAGES[5]!)).toEqual([]);
    expect(found(PASSAGES[4]!)).toEqual(['wood:ไม้@0']);
  });
});
