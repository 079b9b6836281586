import type { SourceMetadata } from '../../../shared/domain';
import { parseAuthorList } from '../../../shared/names';
import { documentFromBlocks, emptyMetadata, type Block, type ExtractedDocument } from './document';
import { fill } from './found';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  mdash: '—',
  ndash: '–',
  hellip: '…',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Markdown syntax is presentation: readers and search want the words, so it is removed, not kept. */
export function stripInline(text: string): string {
  return decodeEntities(
    text
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/!\[([^\]]*)\]\[[^\]]*\]/g, '$1')
      .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/<((?:https?|mailto):[^>\s]+)>/gi, '$1')
      .replace(/<\/?[a-z][^>]*>/gi, '')
      .replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, '$2')
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2')
      .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
      .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1'),
  );
}

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+\s*)?$/;
const BULLET = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;
const FENCE = /^ {0,3}(```|~~~)/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const SETEXT = /^ {0,3}(=+|-+)\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const REFERENCE = /^ {0,3}\[[^\]]+\]:\s+\S+/;

function frontMatter(lines: string[]): { metadata: Partial<SourceMetadata>; bodyStart: number } {
  if (lines[0]?.trim() !== '---') return { metadata: {}, bodyStart: 0 };
  const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
  if (end === -1 || end > 200) return { metadata: {}, bodyStart: 0 };
  const field = (name: string) => {
    const line = lines.slice(1, end).find((l) => l.toLowerCase().startsWith(`${name}:`));
    const value = line
      ?.slice(name.length + 1)
      .trim()
      .replace(/^["']|["']$/g, '');
    return value ? value : null;
  };
  const author = field('author') ?? field('authors');
  return {
    metadata: {
      title: field('title'),
      issued: field('date'),
      publisher: field('publisher'),
      url: field('url'),
      // "King, Martin Luther, Jr." is one name: several are separated by ";" (or "and").
      authors: author ? parseAuthorList(author) : [],
    },
    bodyStart: end + 1,
  };
}

/** A line-oriented reading of CommonMark good enough for notes and exported articles. */
export function parseMarkdown(source: string): ExtractedDocument {
  const lines = source.split('\n');
  const { metadata: front, bodyStart } = frontMatter(lines);
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let current: Block | undefined;
  let fence: string | undefined;

  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: stripInline(paragraph.join(' ')) });
    if (current) blocks.push({ ...current, text: stripInline(current.text) });
    paragraph = [];
    current = undefined;
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence) {
      if (line.trimStart().startsWith(fence)) {
        fence = undefined;
        flush();
      } else if (line.trim()) paragraph.push(line);
      else flush();
      continue;
    }
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      flush();
      fence = fenceMatch[1];
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    if (paragraph.length && !current && SETEXT.test(line)) {
      blocks.push({ kind: 'heading', text: stripInline(paragraph.join(' ')) });
      paragraph = [];
      continue;
    }
    if (RULE.test(line) || TABLE_SEPARATOR.test(line) || REFERENCE.test(line)) {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({
        kind: heading[1] === '#' && !blocks.some((b) => b.kind === 'title') ? 'title' : 'heading',
        text: stripInline(heading[2]!),
      });
      continue;
    }
    const quote = QUOTE.exec(line);
    if (quote) {
      if (current?.kind !== 'quote') flush();
      current = { kind: 'quote', text: current?.kind === 'quote' ? `${current.text} ${quote[1]}` : quote[1]! };
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      flush();
      current = { kind: 'bullet', text: bullet[1]! };
      continue;
    }
    const cells = line.trim().startsWith('|')
      ? line
          .trim()
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((c) => c.trim())
      : undefined;
    if (cells) {
      flush();
      blocks.push({ kind: 'paragraph', text: stripInline(cells.filter(Boolean).join(' · ')) });
      continue;
    }
    if (current) current.text += ` ${line.trim()}`;
    else paragraph.push(line.trim());
  }
  flush();

  const { text, passages } = documentFromBlocks(blocks);
  const metadata = emptyMetadata();
  for (const field of ['title', 'authors', 'issued', 'publisher', 'url'] as const) fill(metadata, field, front[field], 'front-matter', 'high');
  fill(metadata, 'title', passages.find((p) => p.kind === 'title')?.text, 'document-text', 'medium');
  return { text, passages, metadata, canonicalUrl: front.url ?? null };
}
