import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../src/main/services/search/engine';
import { foldedWords, wordSpans, wordSpansByPattern } from '../../../src/main/services/search/text';
import type { PassageView } from '../../../src/main/services/search/types';

/**
 * Chinese and Japanese are written without spaces, so a word cannot be told from the run around
 * it: runs are indexed as overlapping pairs of characters and a typed run is found wherever it is
 * written, inside longer runs too, with highlights on exactly its characters.
 */
const PASSAGES = [
  '中华人民共和国国家安全部发布消息，提醒公众警惕境外间谍。',
  '国家安全机关依法查处了一起案件。',
  'The MSS (国家安全部) posted on WeChat about Capvision.',
  '東京の国家安全保障局は声明を発表した。',
  'カタカナのテストです。',
  '安全 and 部 apart: not the phrase.',
  'Cross-border data law; no Chinese here.',
  '中華人民共和國國家安全部發布消息。',
];

describe('text without spaces (Chinese, Japanese)', () => {
  const engine = new SearchEngine((ids) => {
    const out = new Map<number, PassageView>();
    for (const id of ids) out.set(id, { text: PASSAGES[id - 1]!, anchor: `a${id}`, ordinal: id, mentions: [] });
    return out;
  });
  engine.setSource({ id: 's1', title: 's1', issued: null }, '');
  PASSAGES.forEach((text, i) => engine.addPassage({ id: i + 1, sourceId: 's1', kind: 'paragraph', text, mentions: [] }));
  engine.vocabulary.prepare();

  const found = (query: string) =>
    (engine.query(query, { limit: 20, kinds: ['passage'] }).groups.find((g) => g.kind === 'passage')?.hits ?? [])
      .map((h) => Number(h.id))
      .sort();

  it('splits a run into overlapping pairs; a lone character stays a word; Latin words are untouched', () => {
    expect(foldedWords('国家安全部')).toEqual(['国家', '家安', '安全', '全部']);
    expect(foldedWords('MSS国家 law')).toEqual(['mss', '国家', 'law']);
    expect(foldedWords('部')).toEqual(['部']);
    expect(foldedWords('カタカナ')).toEqual(['カタ', 'タカ', 'カナ']);
    // The scan and the pattern it is tested against agree on every such text.
    for (const text of [...PASSAGES, '𠀀𠀁𠀂 a𠀃b', 'か\u3099き', '々〆〇'])
      expect(wordSpans(text), text).toEqual(wordSpansByPattern(text));
  });

  it('finds a word inside a longer run, and only where its characters stand together', () => {
    expect(found('国家安全部')).toEqual([1, 3, 8]);
    expect(found('安全部')).toEqual([1, 3, 8]);
    expect(found('国家安全')).toEqual([1, 2, 3, 4, 8]);
    expect(found('间谍')).toEqual([1]);
    expect(found('国家安全 WeChat')).toEqual([3]);
    expect(found('MSS 国家安全部')).toEqual([3]);
    expect(found('カタカナ')).toEqual([5]);
    expect(found('声明')).toEqual([4]);
    expect(found('安全部局')).toEqual([]);
    // Traditional and simplified characters are one: each finds the other.
    expect(found('国家安全部')).toContain(8);
    expect(found('國家安全部')).toEqual([1, 3, 8]);
    expect(found('发布消息')).toEqual([1, 8]);
  });

  it('finds a character typed alone in every run that holds it, and marks just that character', () => {
    // 部 ends 全部 (passage 3), starts 部发 (1, and 部發 in 8), stands alone (6).
    expect(found('部')).toEqual([1, 3, 6, 8]);
    expect(found('部 ')).toEqual([1, 3, 6, 8]);
    // 谍 only ends a pair (间谍).
    expect(found('谍')).toEqual([1]);
    const hit = engine
      .query('谍', { limit: 5, kinds: ['passage'] })
      .groups.find((g) => g.kind === 'passage')!
      .hits.find((h) => h.id === '1')!;
    expect((hit.matches ?? []).map((r) => PASSAGES[0]!.slice(r.start, r.end))).toEqual(['谍']);
    // In traditional text, the character as written.
    const traditional = engine
      .query('发', { limit: 10, kinds: ['passage'] })
      .groups.find((g) => g.kind === 'passage')!
      .hits.find((h) => h.id === '8')!;
    expect((traditional.matches ?? []).map((r) => PASSAGES[7]!.slice(r.start, r.end))).toEqual(['發']);
  });

  it('highlights exactly the characters typed', () => {
    const hit = engine
      .query('安全部', { limit: 5, kinds: ['passage'] })
      .groups.find((g) => g.kind === 'passage')!
      .hits.find((h) => h.id === '1')!;
    const text = PASSAGES[0]!;
    const ranges = hit.matches ?? [];
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['安全部']);
    // The snippet's marks too: one mark over the three characters, none overlapping.
    const snippet = hit.snippet;
    expect(snippet.ranges.map((r) => snippet.text.slice(r.start, r.end))).toEqual(['安全部']);
    // In traditional text, the characters as written are marked.
    const traditional = engine
      .query('国家安全部', { limit: 10, kinds: ['passage'] })
      .groups.find((g) => g.kind === 'passage')!
      .hits.find((h) => h.id === '8')!;
    expect((traditional.matches ?? []).map((r) => PASSAGES[7]!.slice(r.start, r.end))).toEqual(['國家安全部']);
  });
});

describe('which characters are Han or kana letters', () => {
  it('every code unit the fast path takes is a letter (or 〇) by Unicode, and the kana block marks and punctuation are not taken', async () => {
    const { isCjkUnit } = await import('../../../src/shared/text');
    for (let c = 0x3000; c < 0xd800; c++) {
      if (!isCjkUnit(c)) continue;
      expect(/[\p{L}\p{N}]/u.test(String.fromCharCode(c)), c.toString(16)).toBe(true);
    }
    for (const c of [0x30fb, 0x309b, 0x30a0, 0x3099, 0x3001, 0x3002, 0xff0c]) expect(isCjkUnit(c), c.toString(16)).toBe(false);
    // A katakana middle dot separates the words of a foreign name; kana keep their voicing marks, half-width kana are made full-width.
    expect(foldedWords('ドナルド・トランプ')).toEqual(['ドナ', 'ナル', 'ルド', 'トラ', 'ラン', 'ンプ']);
    expect(foldedWords('ﾄﾞﾅﾙﾄﾞ')).toEqual(['ドナ', 'ナル', 'ルド']);
  });
});

describe('a run of Chinese that is an entity’s alias', () => {
  const texts = [
    '中华人民共和国国家安全部发布消息。',
    'The MSS posted a warning on WeChat.',
    'A court in Shanghai heard the case.',
    '國家安全部發布消息，提醒公眾。',
    '安全部门 and nothing about the ministry.',
  ];
  // Passages 1, 2 and 4 mention the MSS (by its Chinese alias, by "MSS", in traditional characters).
  const mentions: Record<number, { entityId: string; start: number; end: number }[]> = {
    1: [{ entityId: 'mss', start: 7, end: 12 }],
    2: [{ entityId: 'mss', start: 4, end: 7 }],
    4: [{ entityId: 'mss', start: 0, end: 5 }],
  };
  const engine = new SearchEngine((ids) => {
    const out = new Map<number, PassageView>();
    for (const id of ids) out.set(id, { text: texts[id - 1]!, anchor: `a${id}`, ordinal: id, mentions: mentions[id] ?? [] });
    return out;
  });
  engine.setEntity({ id: 'mss', type: 'organization', name: 'Ministry of State Security', aliases: ['MSS', '国家安全部'] }, '');
  engine.setSource({ id: 's1', title: 's1', issued: null }, '');
  texts.forEach((text, i) =>
    engine.addPassage({ id: i + 1, sourceId: 's1', kind: 'paragraph', text, mentions: (mentions[i + 1] ?? []).map((m) => m.entityId) }),
  );
  engine.vocabulary.prepare();
  const search = (query: string) => engine.query(query, { limit: 20, kinds: ['passage'] }).groups.find((g) => g.kind === 'passage');
  const found = (query: string) => (search(query)?.hits ?? []).map((h) => Number(h.id)).sort();

  it('finds the passages mentioning the entity, in any script, as its name typed in Latin letters does', () => {
    expect(found('MSS')).toEqual([1, 2, 4]);
    expect(found('国家安全部')).toEqual([1, 2, 4]);
    expect(search('国家安全部')?.total).toBe(3);
    // Traditional characters name the same entity.
    expect(found('國家安全部')).toEqual([1, 2, 4]);
    // With another word: both must hold, the alias through a mention.
    expect(found('国家安全部 WeChat')).toEqual([2]);
    expect(found('WeChat 国家安全部')).toEqual([2]);
    // A run that is no alias is still found only where it is written.
    expect(found('安全部')).toEqual([1, 4, 5]);
    expect(found('发布消息')).toEqual([1, 4]);
    // The entity itself is found too.
    const entities = engine.query('國家安全部', { limit: 5 }).groups.find((g) => g.kind === 'entity');
    expect(entities?.hits.map((h) => h.id)).toEqual(['mss']);
  });

  it('marks the mention where the run is not written', () => {
    const hit = search('国家安全部')!.hits.find((h) => h.id === '2')!;
    expect((hit.matches ?? []).map((r) => texts[1]!.slice(r.start, r.end))).toEqual(['MSS']);
  });
});
