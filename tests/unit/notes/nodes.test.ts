import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { createEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../../src/main/services/notes/document';
import { markdownToDocument } from '../../../src/main/services/notes/markdown';
import { CitationNode } from '../../../src/renderer/src/features/notes/nodes/CitationNode';
import { EntityMentionNode } from '../../../src/renderer/src/features/notes/nodes/EntityMentionNode';
import { NoteLinkNode } from '../../../src/renderer/src/features/notes/nodes/NoteLinkNode';
import type { CitationPayload, SerializedNoteDocument } from '../../../src/shared/notes';
import { citationNode, doc, mentionNode, noteLinkNode, paragraph, text } from './helpers';

const citation: CitationPayload = {
  key: 'k-1',
  sourceId: 'seed-000',
  sourceTitle: 'China: Ministry of State Security (MSS)',
  versionId: 'v-1',
  versionSha256: 'a'.repeat(64),
  passageAnchor: 'p-abc',
  passageOrdinal: 5,
  exact: 'appointed by President Xi in 2016',
  prefix: 'MSS is Chen Wenqing, ',
  suffix: '. (For more on Chen',
  start: 100,
  end: 133,
};

function roundTrip(document: SerializedNoteDocument): SerializedNoteDocument {
  const editor = createEditor({
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, CitationNode, EntityMentionNode, NoteLinkNode],
    onError: (e) => {
      throw e;
    },
  });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(document)));
  return editor.getEditorState().toJSON() as unknown as SerializedNoteDocument;
}

/** The editor's nodes and the store's document walker must agree on the JSON between them. */
describe('the note editor nodes', () => {
  it('read documents the store writes and write documents the store reads', () => {
    const stored = doc(
      paragraph(
        text('Director '),
        mentionNode('chen-wenqing', 'Chen Wenqing'),
        text(' was appointed '),
        citationNode(citation),
        text(' see '),
        noteLinkNode('n-1234abcd', 'Huawei'),
      ),
    );
    const edited = roundTrip(stored);
    const facts = analyzeDocument(edited);
    expect(facts.citations).toEqual([citation]);
    expect([...facts.entityMentions]).toEqual([['chen-wenqing', 1]]);
    expect([...facts.noteLinks]).toEqual([['n-1234abcd', 1]]);
    expect(facts.plainText).toBe('Director Chen Wenqing was appointed  see Huawei');
    const chip = edited.root.children![0]!.children!.find((n) => n.type === 'sb-citation')!;
    expect(chip.text).toBe('China: Ministry of State S… · ¶5');
    expect(chip.mode).toBe('token');
  });

  it('open notes made from Markdown by the CLI', () => {
    const edited = roundTrip(markdownToDocument('## Heading\n\nSome **bold** [link](https://example.org)\n\n- one\n- two\n\n> quote'));
    expect(edited.root.children!.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'quote']);
    expect(analyzeDocument(edited).plainText).toBe('Heading\nSome bold link\none\ntwo\nquote');
  });
});
