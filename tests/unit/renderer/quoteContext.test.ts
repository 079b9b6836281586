import { describe, expect, it } from 'vitest';
import { collapseSpaces, contextAfter, contextBefore } from '../../../src/renderer/src/features/notes/quoteContext';

describe('the words around a quote', () => {
  it('drops a word cut in half by the fixed-length context, and keeps whole words', () => {
    const prefix = 'director of the MSS is Chen Wen, '; // 33 characters, cut inside "director"
    expect(contextBefore(prefix.slice(1))).toBe(' of the MSS is Chen Wen, ');
    const suffix = '. (For more on Chen, read this article.)'.slice(0, 32);
    expect(contextAfter(suffix)).toBe('. (For more on Chen, read this ');
  });

  it('keeps context that starts or ends with the text itself', () => {
    expect(contextBefore('The director ')).toBe('The director ');
    expect(contextAfter(' in 2016.')).toBe(' in 2016.');
  });

  it('collapses runs of white space but keeps the edge spaces', () => {
    expect(collapseSpaces(' a\n\n b ')).toBe(' a b ');
  });
});
