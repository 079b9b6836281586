import { describe, expect, it } from 'vitest';
import { guessEntityType } from '../../../src/renderer/src/features/entities/guessType';

describe('the type guessed for a name typed after @', () => {
  it('reads telling words, and takes a person otherwise', () => {
    expect(guessEntityType('Ministry of Quiet Affairs')).toBe('organization');
    expect(guessEntityType('NSA')).toBe('organization');
    expect(guessEntityType('Data Security Law')).toBe('law');
    expect(guessEntityType('Munich Security Conference')).toBe('event');
    expect(guessEntityType('Yangtze River')).toBe('place');
    expect(guessEntityType('Harriet Quillfeather')).toBe('person');
  });
});
