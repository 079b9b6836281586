import { describe, expect, it } from 'vitest';
import { documentToMarkdown, markdownToDocument } from '../../../src/main/services/notes/markdown';
import { analyzeDocument } from '../../../src/main/services/notes/document';
import type { CitationView } from '../../../src/shared/notes';
import { citationNode, doc, paragraph, text } from './helpers';

const SAMPLE = [
  '## Findings',
  '',
  'The **MSS** runs *foreign* intelligence, says `ASPI`; see [the report](https://example.org/r).',
  '',
  '- first point',
  '- second point',
  '',
  '1. one',
  '2. two',
  '',
  '> a quoted line',
].join('\n');

describe('Markdown', () => {
  it('reads headings, emphasis, code, links, lists and quotes into the editor document and writes them back', () => {
    const document = markdownToDocument(SAMPLE);
    expect(document.root.children!.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'list', 'quote']);
    expect(analyzeDocument(document).plainText).toBe(
      'Findings\nThe MSS runs foreign intelligence, says ASPI; see the report.\nfirst point\nsecond point\none\ntwo\na quoted line',
    );
    expect(documentToMarkdown('T', document, [])).toBe(`# T\n\n${SAMPLE}\n`);
  });

  it('writes citations as Pandoc footnotes, numbered once per citation, with their current words', () => {
    const payload = {
      key: 'k1',
      sourceId: 'seed-000',
      sourceTitle: 'Old title',
      versionId: 'v-1',
      versionSha256: 'a'.repeat(64),
      passageAnchor: 'p-1',
      passageOrdinal: 5,
      exact: 'old words',
      prefix: '',
      suffix: '',
      start: 0,
      end: 9,
    };
    const stored: CitationView = {
      ...payload,
      noteId: 'n-x',
      textSha256: 'b'.repeat(64),
      sourceTitle: 'China: MSS',
      exact: 'moved  words',
      passageOrdinal: 6,
      status: 'moved',
      history: [],
      currentVersionId: 'v-2',
      passageRange: null,
    };
    const document = doc(paragraph(text('Claim one'), citationNode(payload), text(' and again'), citationNode(payload)));
    expect(documentToMarkdown('Note', document, [stored])).toBe(
      '# Note\n\nClaim one[^1] and again[^1]\n\n[^1]: “moved words” — China: MSS, ¶6 (seed-000#p-1).\n',
    );
  });

  it('escapes Markdown characters typed as text', () => {
    const document = doc(paragraph(text('2 * 3 = [six]_')));
    expect(documentToMarkdown('T', document, [])).toBe('# T\n\n2 \\* 3 = \\[six\\]\\_\n');
    expect(analyzeDocument(markdownToDocument('2 \\* 3 = \\[six\\]\\_')).plainText).toBe('2 * 3 = [six]_');
  });
});
