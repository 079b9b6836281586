import { segmentText } from '../../../src/main/services/corpus/segment';
import { sha256 } from '../../../src/main/services/corpus/seed';
import type { Notebook } from '../../../src/main/services/notebook';
import type { CitationPayload, NoteDetail, SerializedNoteDocument, SerializedNoteNode } from '../../../src/shared/notes';
import { NOTE_NODE, serializedParagraph, serializedText } from '../../../src/shared/notes';

export const text = (value: string, format = 0): SerializedNoteNode => serializedText(value, format);
export const paragraph = (...children: SerializedNoteNode[]): SerializedNoteNode => serializedParagraph(children);
export const citationNode = (citation: CitationPayload): SerializedNoteNode => ({ type: NOTE_NODE.citation, version: 1, citation });
export const mentionNode = (entityId: string, surface: string): SerializedNoteNode => ({
  ...text(surface),
  type: NOTE_NODE.entityMention,
  entityId,
});
export const noteLinkNode = (noteId: string, title: string): SerializedNoteNode => ({ ...text(title), type: NOTE_NODE.noteLink, noteId });
export const doc = (...blocks: SerializedNoteNode[]): SerializedNoteDocument => ({
  root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: blocks },
});

/** Cites the words `quote` in the first passage of `sourceId` containing them. */
export async function cite(notebook: Notebook, sourceId: string, quote: string, occurrence = 0): Promise<CitationPayload> {
  const version = notebook.repos.sources.currentVersion(sourceId)!;
  const hits = notebook.repos.passages.byVersion(version.id).flatMap((p) => {
    const found: { anchor: string; start: number }[] = [];
    for (let at = p.text.indexOf(quote); at !== -1; at = p.text.indexOf(quote, at + 1)) found.push({ anchor: p.anchor, start: at });
    return found;
  });
  const hit = hits[occurrence];
  if (!hit) throw new Error(`"${quote}" is not in ${sourceId}`);
  return notebook.host.notes.makeCitation({
    sourceId,
    passageAnchor: hit.anchor,
    start: hit.start,
    end: hit.start + quote.length,
  });
}

export async function noteCiting(notebook: Notebook, title: string, ...citations: CitationPayload[]): Promise<NoteDetail> {
  const note = await notebook.host.notes.create({ title });
  await notebook.host.notes.save({ id: note.id, document: doc(paragraph(text('Claim '), ...citations.map(citationNode))) });
  return notebook.host.notes.get({ id: note.id });
}

/**
 * What a re-import of a changed file will do: add a version with edited text and its passages,
 * make it current. Re-anchoring is then the caller's job, as it will be the import service's.
 */
export function addEditedVersion(notebook: Notebook, sourceId: string, edit: (text: string) => string): string {
  const source = notebook.repos.sources.get(sourceId)!;
  const old = notebook.repos.sources.currentVersion(sourceId)!;
  const edited = edit(old.text);
  if (edited === old.text) throw new Error('the edit changed nothing');
  const digest = sha256(edited);
  const id = `v-${digest.slice(0, 16)}`;
  notebook.store.write('Adding an edited version', () => {
    notebook.repos.sources.insertVersion({
      id,
      sourceId,
      sha256: digest,
      original: Buffer.from(edited),
      text: edited,
      metadata: source.metadata,
      fileName: old.fileName,
      mediaType: old.mediaType,
    });
    for (const passage of segmentText(edited)) notebook.repos.passages.insert(id, passage);
  });
  return id;
}
