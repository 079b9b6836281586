import { describe, expect, it } from 'vitest';
import { foldForFinding } from '../../../src/shared/chineseVariants';
import { foldForMatch } from '../../../src/shared/text';

describe('text folded for finding (find bar, note and entity pickers)', () => {
  it('folds case, accents and traditional characters, one character for one', () => {
    expect(foldForFinding('國家安全部 Café')).toBe('国家安全部 cafe');
    expect(foldForFinding('中華人民共和國')).toBe(foldForFinding('中华人民共和国'));
    // The find bar folds character by character and maps offsets back: lengths must not change.
    for (const c of '國家安全部發布消息，提醒公眾警惕境外間諜。') expect(foldForFinding(c)).toHaveLength(c.length);
  });

  it('leaves the keys SQLite keeps as they were (foldForMatch does not fold variants)', () => {
    expect(foldForMatch('國家安全部')).toBe('國家安全部');
  });
});
