import { ApiError } from '../../../shared/errors';
import type { ReportBlock, ReportCitation, ReportInline, ReportModel, ReportSource, TextMark } from '../../../shared/export';
import { isUndecided, NOTE_NODE, type CitationView, type NoteDetail, type SerializedNoteNode } from '../../../shared/notes';
import type { Repositories } from '../store/repositories';

/** Lexical's text format bits. */
const FORMAT = { bold: 1, italic: 2, code: 16 } as const;

export type GetNote = (id: string) => NoteDetail | Promise<NoteDetail>;

function marksOf(node: SerializedNoteNode): TextMark[] | undefined {
  const format = typeof node.format === 'number' ? node.format : 0;
  const marks: TextMark[] = [];
  if (format & FORMAT.bold) marks.push('bold');
  if (format & FORMAT.italic) marks.push('italic');
  if (format & FORMAT.code) marks.push('code');
  return marks.length ? marks : undefined;
}

function plainText(nodes: SerializedNoteNode[] | undefined): string {
  return (nodes ?? []).map((n) => (typeof n.text === 'string' ? n.text : n.type === 'linebreak' ? ' ' : plainText(n.children))).join('');
}

/**
 * Maps notes (Lexical JSON and their stored citations) to a report, in the order given. The stored
 * citation rows are the truth for status and position: a chip's payload may predate re-anchoring.
 */
export async function notesToReport(
  getNote: GetNote,
  repos: Repositories,
  noteIds: string[],
  title: string | undefined,
): Promise<ReportModel> {
  if (new Set(noteIds).size !== noteIds.length) throw new ApiError('invalid_input', 'A note is named twice in the report.');
  const notes: NoteDetail[] = [];
  for (const id of noteIds) {
    const note = await getNote(id);
    if (note.deletedAt) throw new ApiError('invalid_input', `The note "${note.title}" (${id}) is in the trash: restore it to export it.`);
    notes.push(note);
  }
  const citations: ReportCitation[] = [];
  const sourceIds = new Set<string>();
  const pages = new Map<string, Map<string, number | null>>();
  const pageOf = (versionId: string, anchor: string): number | null => {
    let byAnchor = pages.get(versionId);
    if (!byAnchor) {
      byAnchor = new Map(repos.passages.byVersion(versionId).map((p) => [p.anchor, p.page]));
      pages.set(versionId, byAnchor);
    }
    return byAnchor.get(anchor) ?? null;
  };

  const toCitation = (noteId: string, view: CitationView): ReportCitation => {
    const last = view.history.at(-1);
    return {
      id: `${noteId}:${view.key}`,
      sourceId: view.sourceId,
      versionId: view.versionId,
      quote: view.exact,
      start: view.start,
      end: view.end,
      textSha256: view.textSha256,
      // The paragraph of the pinned version: a citation in review still quotes that text exactly.
      paragraph: view.passageOrdinal,
      page: pageOf(view.versionId, view.passageAnchor),
      status: view.status,
      statusDetail: isUndecided(view.status) ? (last?.reason ?? null) : view.sourceDeleted ? SOURCE_DELETED : null,
    };
  };

  const sections = notes.map((note) => {
    const views = new Map(note.citations.map((c) => [c.key, c]));
    const added = new Set<string>();
    const inlines = (nodes: SerializedNoteNode[] | undefined): ReportInline[] =>
      (nodes ?? []).flatMap((node): ReportInline[] => {
        switch (node.type) {
          case 'text':
            return node.text ? [{ kind: 'text', text: node.text, marks: marksOf(node) }] : [];
          case 'linebreak':
            return [{ kind: 'break' }];
          case 'tab':
            return [{ kind: 'text', text: '\t' }];
          case 'link':
          case 'autolink':
            return [
              {
                kind: 'link',
                href: String(node.url ?? ''),
                text: plainText(node.children),
                marks: node.children?.[0] ? marksOf(node.children[0]) : undefined,
              },
            ];
          case NOTE_NODE.noteLink:
            return [{ kind: 'noteLink', noteId: String(node.noteId ?? ''), text: typeof node.text === 'string' ? node.text : '' }];
          case NOTE_NODE.citation: {
            const payload = node.citation as { key?: string } | undefined;
            const view = payload?.key ? views.get(payload.key) : undefined;
            const id = `${note.id}:${payload?.key ?? 'unknown'}`;
            if (view && !added.has(id)) {
              added.add(id);
              citations.push(toCitation(note.id, view));
              sourceIds.add(view.sourceId);
            }
            return [{ kind: 'cite', citationId: id }];
          }
          default:
            return typeof node.text === 'string' ? [{ kind: 'text', text: node.text, marks: marksOf(node) }] : inlines(node.children);
        }
      });
    const blocks = (nodes: SerializedNoteNode[] | undefined): ReportBlock[] =>
      (nodes ?? []).flatMap((node): ReportBlock[] => {
        switch (node.type) {
          case 'heading': {
            const level = Math.min(3, Math.max(1, Number(String(node.tag ?? 'h1').slice(1)) || 1)) as 1 | 2 | 3;
            return [{ kind: 'heading', level, content: inlines(node.children) }];
          }
          case 'quote':
            return [{ kind: 'quote', content: inlines(node.children) }];
          case 'list': {
            // Nested lists are flattened into their parent: reports keep one list level.
            const items: ReportInline[][] = [];
            const collect = (list: SerializedNoteNode) => {
              for (const item of list.children ?? []) {
                const own = (item.children ?? []).filter((c) => c.type !== 'list');
                if (own.length) items.push(inlines(own));
                for (const nested of (item.children ?? []).filter((c) => c.type === 'list')) collect(nested);
              }
            };
            collect(node);
            return [{ kind: 'list', ordered: node.listType === 'number', items }];
          }
          case 'code':
            return [{ kind: 'paragraph', content: inlines(node.children).map((i) => (i.kind === 'text' ? { ...i, marks: ['code'] } : i)) }];
          default: {
            const content = inlines(node.children);
            return content.length ? [{ kind: 'paragraph', content }] : [];
          }
        }
      });
    return { id: note.id, title: note.title, blocks: blocks(note.document.root.children) };
  });

  const sources = [...sourceIds].flatMap((id) => reportSource(repos, id) ?? []);

  return {
    title: title ?? defaultReportTitle(notes.map((n) => n.title)),
    author: null,
    date: new Date().toISOString().slice(0, 10),
    sections,
    citations,
    sources,
  };
}

/** What an export says of a citation whose source was deleted: its quote and pinned text are kept. */
export const SOURCE_DELETED = 'the source was deleted from the library; the quote is kept as cited, with its pinned text';

/** A source as a report cites it, from the store: its details as the library shows them, and its current text's file. */
export function reportSource(repos: Repositories, id: string): ReportSource | undefined {
  const source = repos.sources.get(id);
  if (!source) return undefined;
  const version = repos.sources.currentVersion(id);
  return {
    id,
    metadata: source.metadata,
    mediaType: version?.mediaType ?? 'text/plain',
    fileName: version?.fileName ?? null,
    accessed: (version?.createdAt ?? source.createdAt).slice(0, 10),
    ...(source.deletedAt ? { deletedAt: source.deletedAt } : {}),
  };
}

/** Every source the notes cite, in first-cited order. */
export async function citedSourceIds(getNote: GetNote, noteIds: string[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const id of noteIds) for (const c of (await getNote(id)).citations) ids.add(c.sourceId);
  return [...ids];
}

/**
 * A report without a title of its own takes its first note's title: the note the writer put
 * first is the one the report is about (the export view's placeholder says so). "Report" only
 * when that note has no title either.
 */
export function defaultReportTitle(noteTitles: string[]): string {
  return noteTitles.find((t, i) => i === 0 && t.trim())?.trim() ?? 'Report';
}
