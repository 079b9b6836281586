import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { ApiError } from '../../../shared/errors';

/**
 * The one Markdown parser for imports and notes: markdown-it, CommonMark-compliant, with its
 * pathological-input tests in its own suite (300 KB of "[a](b" parses in about a second here,
 * linear; micromark took over 100 s on the same input, and the hand-written regular expressions
 * this replaces froze the server for 21 s). Raw HTML is read as text (html: false): source text is
 * data, never markup. markdown-it stops reading blocks nested deeper than its maxNesting; a
 * document that deep is read as plain paragraphs instead, so no word is ever dropped.
 */
export const MAX_MARKDOWN_NESTING = 64;
/** Larger Markdown is refused before parsing (imports have their own per-file limits too). */
export const MAX_MARKDOWN_CHARS = 20_000_000;

const md = new MarkdownIt('commonmark', { html: false, linkify: false }).enable(['strikethrough', 'table']);
(md.options as { maxNesting: number }).maxNesting = MAX_MARKDOWN_NESTING;

export type Mark = 'bold' | 'italic' | 'strikethrough' | 'code';
export type MdInline =
  { kind: 'text'; text: string; marks: readonly Mark[] } | { kind: 'break' } | { kind: 'link'; href: string; children: MdInline[] };
export type MdBlock =
  | { kind: 'heading'; level: number; content: MdInline[] }
  | { kind: 'paragraph'; content: MdInline[] }
  | { kind: 'code'; text: string }
  | { kind: 'quote'; blocks: MdBlock[] }
  | { kind: 'list'; ordered: boolean; start: number; items: MdBlock[][] }
  | { kind: 'table'; rows: MdInline[][][] };

export interface MarkdownDocument {
  /** The YAML front matter's text, if the file starts with one. */
  frontMatter: string | null;
  blocks: MdBlock[];
}

/** `---` … `---` (or `...`) at the very start, within the first 200 lines; found by a linear scan. */
function splitFrontMatter(source: string): { frontMatter: string | null; body: string } {
  if (!/^---[ \t]*\r?\n/.test(source)) return { frontMatter: null, body: source };
  let at = source.indexOf('\n') + 1;
  for (let line = 0; line < 200 && at > 0 && at < source.length; line++) {
    const end = source.indexOf('\n', at);
    const text = source.slice(at, end === -1 ? source.length : end).trim();
    if (text === '---' || text === '...')
      return { frontMatter: source.slice(source.indexOf('\n') + 1, at), body: end === -1 ? '' : source.slice(end + 1) };
    at = end + 1;
  }
  return { frontMatter: null, body: source };
}

function inlines(tokens: readonly Token[]): MdInline[] {
  const root: MdInline[] = [];
  const stack: { children: MdInline[] }[] = [{ children: root }];
  const marks: Mark[] = [];
  const push = (node: MdInline) => stack.at(-1)!.children.push(node);
  const text = (value: string, extra?: Mark) => {
    if (value) push({ kind: 'text', text: value, marks: extra ? [...marks, extra] : [...marks] });
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'text_special':
        text(token.content);
        break;
      case 'code_inline':
        text(token.content, 'code');
        break;
      case 'softbreak':
        text(' ');
        break;
      case 'hardbreak':
        push({ kind: 'break' });
        break;
      case 'strong_open':
        marks.push('bold');
        break;
      case 'em_open':
        marks.push('italic');
        break;
      case 's_open':
        marks.push('strikethrough');
        break;
      case 'strong_close':
      case 'em_close':
      case 's_close':
        marks.pop();
        break;
      case 'link_open': {
        const link: MdInline & { kind: 'link' } = { kind: 'link', href: token.attrGet('href') ?? '', children: [] };
        push(link);
        stack.push(link);
        break;
      }
      case 'link_close':
        if (stack.length > 1) stack.pop();
        break;
      case 'image':
        text(token.children ? token.children.map((c) => c.content).join('') : token.content);
        break;
      default:
        text(token.content);
    }
  }
  return root;
}

/** The words of a document too deeply nested to read as Markdown: paragraphs split at blank lines. */
function plainParagraphs(body: string): MdBlock[] {
  return body
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((text) => ({ kind: 'paragraph', content: [{ kind: 'text', text, marks: [] }] }));
}

type Container = { blocks: MdBlock[] } | { list: MdBlock & { kind: 'list' } } | { row: MdInline[][] };

/** Markdown as blocks and inlines; throws too_large past MAX_MARKDOWN_CHARS. */
export function parseMarkdownDocument(source: string): MarkdownDocument {
  if (source.length > MAX_MARKDOWN_CHARS)
    throw new ApiError('too_large', `The Markdown is too large to read (over ${MAX_MARKDOWN_CHARS / 1_000_000} million characters).`);
  const { frontMatter, body } = splitFrontMatter(source);
  const tokens = md.parse(body, {});
  if (tokens.some((t) => t.level >= MAX_MARKDOWN_NESTING - 4)) return { frontMatter, blocks: plainParagraphs(body) };
  const root: MdBlock[] = [];
  // The token stream is flat (open … close); a stack of open containers rebuilds the nesting.
  const stack: Container[] = [{ blocks: root }];
  let heading = 0;
  let table: (MdBlock & { kind: 'table' }) | undefined;
  const blocks = (): MdBlock[] => {
    const top = stack.at(-1)!;
    if ('blocks' in top) return top.blocks;
    if ('list' in top) {
      const item: MdBlock[] = [];
      top.list.items.push(item);
      stack.push({ blocks: item });
      return item;
    }
    return root;
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'heading_open':
        heading = Number(token.tag.slice(1)) || 1;
        break;
      case 'inline': {
        const content = inlines(token.children ?? []);
        const top = stack.at(-1)!;
        if ('row' in top) top.row.push(content);
        else if (heading) blocks().push({ kind: 'heading', level: heading, content });
        else blocks().push({ kind: 'paragraph', content });
        heading = 0;
        break;
      }
      case 'fence':
      case 'code_block':
        blocks().push({ kind: 'code', text: token.content.replace(/\n$/, '') });
        break;
      case 'blockquote_open': {
        const quote: MdBlock & { kind: 'quote' } = { kind: 'quote', blocks: [] };
        blocks().push(quote);
        stack.push({ blocks: quote.blocks });
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const list: MdBlock & { kind: 'list' } = {
          kind: 'list',
          ordered: token.type === 'ordered_list_open',
          start: Number(token.attrGet('start') ?? 1) || 1,
          items: [],
        };
        blocks().push(list);
        stack.push({ list });
        break;
      }
      case 'list_item_open': {
        const top = stack.at(-1)!;
        if ('list' in top) {
          const item: MdBlock[] = [];
          top.list.items.push(item);
          stack.push({ blocks: item });
        }
        break;
      }
      case 'table_open':
        table = { kind: 'table', rows: [] };
        blocks().push(table);
        break;
      case 'tr_open':
        if (table) {
          const row: MdInline[][] = [];
          table.rows.push(row);
          stack.push({ row });
        }
        break;
      case 'tr_close':
      case 'list_item_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'blockquote_close':
        if (stack.length > 1) stack.pop();
        break;
      case 'table_close':
        table = undefined;
        break;
      default:
        break;
    }
  }
  return { frontMatter, blocks: root };
}

/** An inline run's words, marks dropped. */
export function inlineText(content: readonly MdInline[]): string {
  return content.map((node) => (node.kind === 'text' ? node.text : node.kind === 'break' ? ' ' : inlineText(node.children))).join('');
}
