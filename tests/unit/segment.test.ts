import { describe, expect, it } from 'vitest';
import { isFurniture, segmentText } from '../../src/main/services/corpus/segment';
import { normalizeWhitespace } from '../../src/shared/text';

describe('segmentText', () => {
  it('keeps offsets that slice the original back to each passage, through NBSPs and CRLF', () => {
    const text = 'Title here\r\n\r\n  The\u00a0MSS  is\u00a0 busy.  \r\n• A bullet point with text.\r\nSpread the love\r\n';
    const passages = segmentText(text);
    expect(passages.map((p) => [p.kind, p.text])).toEqual([
      ['title', 'Title here'],
      ['paragraph', 'The MSS is busy.'],
      ['bullet', 'A bullet point with text.'],
    ]);
    for (const p of passages) expect(normalizeWhitespace(text.slice(p.start, p.end))).toBe(p.text);
  });

  it('tells headings from paragraphs in text without spaces: a sentence end of any script, words counted as ICU finds them', () => {
    const kinds = (body: string) => segmentText(`Title\n${body}\n`)[1]!.kind;
    // Chinese and Japanese end sentences with 。！？ and pause with ，、： — a heading does not.
    expect(kinds('中华人民共和国国家安全部近日通报，境外间谍情报机关利用网络招募人员。')).toBe('paragraph');
    expect(kinds('境外间谍情报机关利用网络招募人员，')).toBe('paragraph');
    expect(kinds('東京の国家安全保障局は声明を発表した！')).toBe('paragraph');
    expect(kinds('国家安全部发布消息')).toBe('heading');
    // Thai puts no mark at a sentence's end: a line of fourteen words is a paragraph, of two a heading.
    expect(kinds('นายหวังอี้กล่าวว่ากระทรวงความมั่นคงแห่งรัฐของจีนจับกุมสายลับ')).toBe('paragraph');
    expect(kinds('ข่าวสายลับ')).toBe('heading');
    // Khmer ends a sentence with ។
    expect(kinds('ក្រសួងសន្តិសុខរដ្ឋរបស់ចិន។')).toBe('paragraph');
    // English as before.
    expect(kinds('A Short Heading')).toBe('heading');
    expect(kinds('A short line that ends a sentence.')).toBe('paragraph');
  });

  it('drops a line repeated straight after itself, but not a repeat further on', () => {
    const passages = segmentText('Title\nSame line again.\nSame line again.\nOther.\nSame line again.\n');
    expect(passages.map((p) => p.text)).toEqual(['Title', 'Same line again.', 'Other.', 'Same line again.']);
    expect(new Set(passages.map((p) => p.anchor)).size).toBe(4);
  });

  it('applies a document layout: dropped lines, captions, bylines', () => {
    const passages = segmentText('Title\nRelated: something else\nPhoto: a caption\nBy the desk\nBody text.\n', {
      drop: ['Related:'],
      captions: ['Photo:'],
      bylines: ['By the desk'],
    });
    expect(passages.map((p) => p.kind)).toEqual(['title', 'caption', 'byline', 'paragraph']);
  });

  it('recognises common page furniture', () => {
    for (const line of [
      'Spread the love',
      'web hit counter',
      'Comments',
      'Comments are closed.',
      'Latest',
      'More From Me',
      '*',
      '5 min read',
    ]) {
      expect(isFurniture(line), line).toBe(true);
    }
    expect(isFurniture('Latest developments in the case')).toBe(false);
  });

  it('gives the same anchors to the same text, so anchors survive a re-seed', () => {
    expect(segmentText('A\nB para.\n').map((p) => p.anchor)).toEqual(segmentText('A\nB para.\n').map((p) => p.anchor));
  });
});
