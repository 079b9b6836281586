import { describe, expect, it } from 'vitest';
import {
  fitSourceMetadata,
  SOURCE_METADATA_LIMITS,
  SourceMetadataEditSchema,
  SourceMetadataSchema,
  emptySourceMetadata,
} from '../../src/shared/sourceMetadata';

const L = SOURCE_METADATA_LIMITS;

describe('one SourceMetadata schema', () => {
  it('holds every field to one set of limits', () => {
    const at = {
      ...emptySourceMetadata(),
      title: 'T'.repeat(L.title),
      authors: Array.from({ length: L.authors }, () => 'A'.repeat(L.author)),
    };
    expect(SourceMetadataSchema().safeParse(at).success).toBe(true);
    expect(SourceMetadataSchema().safeParse({ ...at, title: 'T'.repeat(L.title + 1) }).success).toBe(false);
    expect(SourceMetadataSchema().safeParse({ ...at, authors: [...at.authors, 'one more'] }).success).toBe(false);
    expect(SourceMetadataEditSchema().safeParse({ title: 'T'.repeat(L.title + 1) }).success).toBe(false);
    expect(SourceMetadataEditSchema().safeParse({ publisher: 'P'.repeat(L.publisher + 1) }).success).toBe(false);
  });

  it('trims an edit as typed, keeps a note’s spacing, and refuses blank authors or unknown fields', () => {
    expect(SourceMetadataEditSchema().parse({ title: '  A title  ', note: '  indented\n' })).toEqual({
      title: 'A title',
      note: '  indented\n',
    });
    expect(SourceMetadataEditSchema().safeParse({ authors: ['  '] }).success).toBe(false);
    expect(SourceMetadataEditSchema().safeParse({ colour: 'red' }).success).toBe(false);
  });

  it('shortens what a file says about itself to fit, marking the cut', () => {
    const fitted = fitSourceMetadata({
      ...emptySourceMetadata(),
      title: 'T'.repeat(L.title * 3),
      authors: Array.from({ length: L.authors + 5 }, (_, i) => ({ literal: `Author ${i} `.repeat(100) })),
    });
    expect(SourceMetadataSchema().safeParse(fitted).success).toBe(true);
    expect(fitted.title!.endsWith('…')).toBe(true);
    expect(fitted.authors).toHaveLength(L.authors);
    const small = { ...emptySourceMetadata(), title: 'Short', authors: [{ family: 'Person', given: 'A.' }] };
    expect(fitSourceMetadata(small)).toEqual(small);
  });
});
