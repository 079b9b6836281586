import { z } from 'zod';
import { CitationPayloadSchema } from '../../../shared/contract/notes';
import { ApiError } from '../../../shared/errors';
import { lazy } from '../../../shared/lazy';
import {
  NOTE_NODE,
  serializedParagraph,
  type CitationPayload,
  type SerializedNoteDocument,
  type SerializedNoteNode,
} from '../../../shared/notes';

/** What a save derives from the document, in one walk. */
export interface DocumentFacts {
  plainText: string;
  citations: CitationPayload[];
  entityMentions: Map<string, number>;
  noteLinks: Map<string, number>;
  wordCount: number;
}

const BLOCK_TYPES = new Set(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'code', 'table', 'tablerow', 'tablecell']);
const MAX_DEPTH = 64;

const EntityMentionFields = lazy(() => z.object({ entityId: z.string().min(1).max(80) }));
const NoteLinkFields = lazy(() => z.object({ noteId: z.string().min(1).max(80) }));
const CitationFields = lazy(() => z.object({ citation: CitationPayloadSchema() }));

function fieldsOf<T>(schema: z.ZodType<T>, node: SerializedNoteNode, what: string): T {
  const parsed = schema.safeParse(node);
  if (!parsed.success)
    throw new ApiError('invalid_input', `The note contains a broken ${what}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
  return parsed.data;
}

export function countWords(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

export function analyzeDocument(document: SerializedNoteDocument): DocumentFacts {
  const citations: CitationPayload[] = [];
  const seenKeys = new Set<string>();
  const entityMentions = new Map<string, number>();
  const noteLinks = new Map<string, number>();
  const lines: string[] = [];
  let line = '';

  const endBlock = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };

  const visit = (node: SerializedNoteNode, depth: number) => {
    if (depth > MAX_DEPTH) throw new ApiError('invalid_input', 'The note is nested too deeply to save.');
    switch (node.type) {
      case NOTE_NODE.citation: {
        const citation = fieldsOf(CitationFields(), node, 'citation').citation;
        // A chip copied within one note shares its key; the first copy is the citation.
        if (!seenKeys.has(citation.key)) {
          seenKeys.add(citation.key);
          citations.push(citation);
        }
        return;
      }
      case NOTE_NODE.entityMention: {
        const { entityId } = fieldsOf(EntityMentionFields(), node, 'entity mention');
        entityMentions.set(entityId, (entityMentions.get(entityId) ?? 0) + 1);
        break;
      }
      case NOTE_NODE.noteLink: {
        const { noteId } = fieldsOf(NoteLinkFields(), node, 'note link');
        noteLinks.set(noteId, (noteLinks.get(noteId) ?? 0) + 1);
        break;
      }
      case 'linebreak':
        line += '\n';
        return;
      case 'tab':
        line += '\t';
        return;
    }
    if (typeof node.text === 'string') line += node.text;
    const block = BLOCK_TYPES.has(node.type);
    if (block) endBlock();
    if (Array.isArray(node.children)) for (const child of node.children) visit(child, depth + 1);
    if (block) endBlock();
  };

  visit(document.root, 0);
  endBlock();
  const plainText = lines.join('\n');
  return { plainText, citations, entityMentions, noteLinks, wordCount: countWords(plainText) };
}

/** An editor state with one empty paragraph, as Lexical writes it. */
export function emptyDocument(): SerializedNoteDocument {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [serializedParagraph([])],
    },
  };
}
