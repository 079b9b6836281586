import { isUndecided, NOTE_NODE, type CitationView, type SerializedNoteDocument, type SerializedNoteNode } from '../../../shared/notes';

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

const INLINE = /(\*\*|__)(.+?)\1|(\*|_)(?!\s)(.+?)\3|~~(.+?)~~|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|\\([\\`*_[\]~#>-])/gu;

export function parseInline(text: string, format = 0): SerializedNoteNode[] {
  const nodes: SerializedNoteNode[] = [];
  let last = 0;
  const pushText = (value: string, fmt: number) => {
    if (!value) return;
    const previous = nodes.at(-1);
    if (previous?.type === 'text' && previous.format === fmt) previous.text += value;
    else nodes.push(textNode(value, fmt));
  };
  for (const m of text.matchAll(INLINE)) {
    pushText(text.slice(last, m.index), format);
    last = m.index + m[0].length;
    if (m[2] !== undefined) nodes.push(...parseInline(m[2], format | FORMAT.bold));
    else if (m[4] !== undefined) nodes.push(...parseInline(m[4], format | FORMAT.italic));
    else if (m[5] !== undefined) nodes.push(...parseInline(m[5], format | FORMAT.strikethrough));
    else if (m[6] !== undefined) pushText(m[6], format | FORMAT.code);
    else if (m[7] !== undefined && m[8] !== undefined) {
      nodes.push(block('link', parseInline(m[7], format), { url: m[8], rel: null, target: null, title: null }));
    } else if (m[9] !== undefined) pushText(m[9], format);
  }
  pushText(text.slice(last), format);
  return nodes;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/u;
const BULLET = /^\s*[-*+]\s+(.*)$/u;
const NUMBERED = /^\s*(\d+)[.)]\s+(.*)$/u;
const QUOTE = /^\s*>\s?(.*)$/u;
const FENCE = /^\s*(```|~~~)/u;

export function markdownToDocument(markdown: string): SerializedNoteDocument {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: SerializedNoteNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trim().startsWith(fence[1]!); i++) body.push(lines[i]!);
      i++;
      blocks.push(
        paragraph(body.flatMap((l, k) => [...(k ? [{ type: 'linebreak', version: 1 }] : []), ...(l ? [textNode(l, FORMAT.code)] : [])])),
      );
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push(block('heading', parseInline(heading[2]!), { tag: `h${heading[1]!.length}` }));
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      for (; i < lines.length && QUOTE.test(lines[i]!); i++) body.push(QUOTE.exec(lines[i]!)![1]!);
      blocks.push(block('quote', parseInline(body.join(' ').trim())));
      continue;
    }
    const numbered = NUMBERED.exec(line);
    if (BULLET.test(line) || numbered) {
      const ordered = !!numbered;
      const pattern = ordered ? NUMBERED : BULLET;
      const items: SerializedNoteNode[] = [];
      for (; i < lines.length && pattern.test(lines[i]!); i++) {
        const m = pattern.exec(lines[i]!)!;
        items.push(block('listitem', parseInline((ordered ? m[2] : m[1])!.trim()), { value: items.length + 1 }));
      }
      blocks.push(
        block('list', items, {
          listType: ordered ? 'number' : 'bullet',
          start: ordered ? Number(numbered[1]) : 1,
          tag: ordered ? 'ol' : 'ul',
        }),
      );
      continue;
    }
    const body: string[] = [];
    for (
      ;
      i < lines.length &&
      lines[i]!.trim() &&
      !HEADING.test(lines[i]!) &&
      !QUOTE.test(lines[i]!) &&
      !FENCE.test(lines[i]!) &&
      !BULLET.test(lines[i]!) &&
      !NUMBERED.test(lines[i]!);
      i++
    ) {
      body.push(lines[i]!.trim());
    }
    blocks.push(paragraph(parseInline(body.join(' '))));
  }
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
              const review = c && 'status' in c && isUndecided(c.status) ? ' [needs review]' : '';
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
