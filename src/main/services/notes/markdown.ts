import { webAddress } from '../../../shared/url';
import { parseMarkdownDocument, type Mark, type MdBlock, type MdInline } from '../markdown/parse';
import { NOTE_NODE, type CitationView, type SerializedNoteDocument, type SerializedNoteNode } from '../../../shared/notes';

/**
 * Markdown in and out of the note's Lexical JSON, for the CLI and export. The subset is the
 * editor's: headings, paragraphs, block quotes, lists, bold/italic/strikethrough/code, links.
 * Citations leave as Pandoc footnotes so a note stays citable outside Sourcebook.
 */

const FORMAT = { bold: 1, italic: 2, strikethrough: 4, code: 16 } as const;

const block = (type: string, children: SerializedNoteNode[], extra: Record<string, unknown> = {}): SerializedNoteNode => ({
  type,
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  ...extra,
  children,
});

const textNode = (text: string, format = 0): SerializedNoteNode => ({
  type: 'text',
  version: 1,
  text,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
});

const paragraph = (children: SerializedNoteNode[]) => block('paragraph', children, { textFormat: 0, textStyle: '' });

const MARK_FORMAT: Record<Mark, number> = FORMAT;

function inlineNodes(content: readonly MdInline[]): SerializedNoteNode[] {
  const nodes: SerializedNoteNode[] = [];
  for (const node of content) {
    if (node.kind === 'break') {
      nodes.push({ type: 'linebreak', version: 1 });
      continue;
    }
    if (node.kind === 'link') {
      // Only http(s) and DOI addresses become links; anything else stays as its words.
      const url = webAddress(node.href);
      if (url) nodes.push(block('link', inlineNodes(node.children), { url, rel: null, target: null, title: null }));
      else nodes.push(...inlineNodes(node.children));
      continue;
    }
    const format = node.marks.reduce((f, m) => f | MARK_FORMAT[m], 0);
    const previous = nodes.at(-1);
    if (previous?.type === 'text' && previous.format === format) previous.text += node.text;
    else if (node.text) nodes.push(textNode(node.text, format));
  }
  return nodes;
}

function lexicalBlocks(blocks: readonly MdBlock[]): SerializedNoteNode[] {
  return blocks.flatMap((b): SerializedNoteNode[] => {
    switch (b.kind) {
      case 'heading':
        return [block('heading', inlineNodes(b.content), { tag: `h${Math.min(b.level, 6)}` })];
      case 'paragraph':
        return [paragraph(inlineNodes(b.content))];
      case 'code':
        return [
          paragraph(
            b.text
              .split('\n')
              .flatMap((l, k) => [...(k ? [{ type: 'linebreak', version: 1 }] : []), ...(l ? [textNode(l, FORMAT.code)] : [])]),
          ),
        ];
      case 'quote': {
        // The editor's quote holds inline text; its paragraphs are joined by line breaks.
        const parts = lexicalBlocks(b.blocks).map((p) => p.children ?? []);
        return [
          block(
            'quote',
            parts.flatMap((children, k) => [...(k ? [{ type: 'linebreak', version: 1 }] : []), ...children]),
          ),
        ];
      }
      case 'list':
        return [
          block(
            'list',
            b.items.map((item, k) => {
              const inner = lexicalBlocks(item);
              const own = inner.filter((n) => n.type !== 'list').flatMap((n) => n.children ?? []);
              const nested = inner.filter((n) => n.type === 'list');
              return block('listitem', [...own, ...nested], { value: k + 1 });
            }),
            { listType: b.ordered ? 'number' : 'bullet', start: b.ordered ? b.start : 1, tag: b.ordered ? 'ol' : 'ul' },
          ),
        ];
      case 'table':
        return b.rows.map((row) =>
          paragraph(inlineNodes(row.flatMap((cell, k) => [...(k ? [{ kind: 'text' as const, text: ' · ', marks: [] }] : []), ...cell]))),
        );
    }
  });
}

/**
 * Markdown to the editor's document, through the one Markdown parser (linear in the input; see
 * ../markdown/parse). Runs in a worker when a note is created from Markdown (markdown-client).
 */
export function markdownToDocument(markdown: string): SerializedNoteDocument {
  const blocks = lexicalBlocks(parseMarkdownDocument(markdown.replace(/\r\n?/g, '\n')).blocks);
  if (blocks.length === 0) blocks.push(paragraph([]));
  return { root: block('root', blocks) };
}

const escapeText = (text: string) => text.replace(/([\\`*_[\]~])/g, '\\$1');

/** Writes the document as Markdown; each citation becomes [^n] with its quote and source below. */
export function documentToMarkdown(title: string, document: SerializedNoteDocument, citations: readonly CitationView[]): string {
  const byKey = new Map(citations.map((c) => [c.key, c]));
  const footnotes: string[] = [];
  const numbers = new Map<string, number>();

  const inline = (nodes: SerializedNoteNode[] | undefined): string =>
    (nodes ?? [])
      .map((node) => {
        switch (node.type) {
          case 'text': {
            const format = typeof node.format === 'number' ? node.format : 0;
            let out = format & FORMAT.code ? '`' + (node.text ?? '') + '`' : escapeText(node.text ?? '');
            if (format & FORMAT.strikethrough) out = `~~${out}~~`;
            if (format & FORMAT.italic) out = `*${out}*`;
            if (format & FORMAT.bold) out = `**${out}**`;
            return out;
          }
          case 'linebreak':
            return '  \n';
          case 'link':
          case 'autolink':
            return `[${inline(node.children)}](${String(node.url ?? '')})`;
          case NOTE_NODE.noteLink:
            return `[[${node.text ?? String(node.title ?? '')}]]`;
          case NOTE_NODE.citation: {
            const payload = node.citation as CitationView | undefined;
            const key = payload?.key ?? '';
            let n = numbers.get(key);
            if (n === undefined) {
              n = numbers.size + 1;
              numbers.set(key, n);
              const c = byKey.get(key) ?? payload;
              const where = c
                ? `${c.sourceTitle ?? c.sourceId}, ¶${c.passageOrdinal} (${c.sourceId}#${c.passageAnchor})`
                : 'unknown source';
              const review = c && 'status' in c && (c.status === 'review' || c.status === 'orphaned') ? ' [needs review]' : '';
              footnotes.push(`[^${n}]: “${(c?.exact ?? '').replace(/\s+/g, ' ').trim()}” — ${where}.${review}`);
            }
            return `[^${n}]`;
          }
          default:
            return typeof node.text === 'string' ? escapeText(node.text) : inline(node.children);
        }
      })
      .join('');

  const blocks = (nodes: SerializedNoteNode[] | undefined, depth = 0): string[] =>
    (nodes ?? []).flatMap((node): string[] => {
      switch (node.type) {
        case 'heading':
          return [`${'#'.repeat(Number(String(node.tag ?? 'h1').slice(1)) || 1)} ${inline(node.children)}`];
        case 'quote':
          return [
            inline(node.children)
              .split('\n')
              .map((l) => `> ${l}`)
              .join('\n'),
          ];
        case 'list': {
          const ordered = node.listType === 'number';
          const pad = '   '.repeat(depth);
          let n = typeof node.start === 'number' ? node.start : 1;
          const lines: string[] = [];
          for (const item of node.children ?? []) {
            const nested = (item.children ?? []).filter((c) => c.type === 'list');
            const own = (item.children ?? []).filter((c) => c.type !== 'list');
            if (own.length) lines.push(`${pad}${ordered ? `${n++}.` : '-'} ${inline(own)}`);
            for (const list of nested) lines.push(...blocks([list], depth + 1));
          }
          return [lines.join('\n')];
        }
        default:
          return node.children ? [inline(node.children)] : [];
      }
    });

  const body = blocks(document.root.children).filter((b) => b.trim().length > 0);
  return [`# ${escapeText(title)}`, ...body, ...(footnotes.length ? [footnotes.join('\n')] : [])].join('\n\n') + '\n';
}
