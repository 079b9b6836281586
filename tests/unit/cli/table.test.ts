import { describe, expect, it } from 'vitest';
import { table } from '../../../src/cli/format';

describe('the CLI table', () => {
  it('lines columns up by what a terminal shows: a Chinese character takes two columns, an accent none', () => {
    const out = table([
      ['ID', 'TITLE', 'TAGS'],
      ['n-1', '间谍', 'x'],
      ['n-2', 'Spies', 'y'],
      ['n-3', 'Cafe\u0301', 'z'],
    ]);
    expect(out.split('\n')).toEqual(['ID   TITLE  TAGS', 'n-1  间谍   x', 'n-2  Spies  y', 'n-3  Cafe\u0301   z']);
  });
});
