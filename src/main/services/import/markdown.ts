import type { SourceMetadata } from '../../../shared/domain';
import { webAddress } from '../../../shared/url';
import { inlineText, parseMarkdownDocument, type MdBlock } from '../markdown/parse';
import { documentFromBlocks, emptyMetadata, type Block, type ExtractedDocument } from './document';

/** `name: value` lines of YAML front matter: enough for title, author(s), date, publisher and url. */
function frontMatterFields(yaml: string | null): Partial<SourceMetadata> {
  if (!yaml) return {};
  const lines = yaml.split('\n');
  const field = (name: string) => {
    const line = lines.find((l) => l.toLowerCase().startsWith(`${name}:`));
    const value = line
      ?.slice(name.length + 1)
      .trim()
      .replace(/^["']|["']$/g, '');
    return value ? value : null;
  };
  const author = field('author') ?? field('authors');
  return {
    title: field('title'),
    issued: field('date'),
    publisher: field('publisher'),
    // Only http(s) and DOI addresses are kept: a javascript: or file: URL never enters the notebook.
    url: webAddress(field('url')),
    authors: author ? author.split(/\s*[;,]\s*/).filter(Boolean) : [],
  };
}

/** Markdown syntax is presentation: readers and search want the words, typed by kind of block. */
function toBlocks(blocks: readonly MdBlock[], out: Block[], state: { titled: boolean }): void {
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading': {
        const title = block.level === 1 && !state.titled;
        if (title) state.titled = true;
        out.push({ kind: title ? 'title' : 'heading', text: inlineText(block.content) });
        break;
      }
      case 'paragraph':
        out.push({ kind: 'paragraph', text: inlineText(block.content) });
        break;
      case 'code':
        for (const line of block.text.split('\n')) out.push({ kind: 'paragraph', text: line });
        break;
      case 'quote': {
        const words: Block[] = [];
        toBlocks(block.blocks, words, { titled: true });
        out.push({ kind: 'quote', text: words.map((b) => b.text).join(' ') });
        break;
      }
      case 'list':
        for (const item of block.items) {
          const inner: Block[] = [];
          toBlocks(item, inner, { titled: true });
          const [first, ...rest] = inner;
          if (first) out.push({ kind: 'bullet', text: first.text });
          out.push(...rest.map((b) => (b.kind === 'paragraph' ? { ...b, kind: 'bullet' as const } : b)));
        }
        break;
      case 'table':
        for (const row of block.rows)
          out.push({
            kind: 'paragraph',
            text: row
              .map(inlineText)
              .map((c) => c.trim())
              .filter(Boolean)
              .join(' · '),
          });
        break;
    }
  }
}

/** Markdown read by the one Markdown parser (markdown-it), in linear time whatever the input. */
export function parseMarkdown(source: string): ExtractedDocument {
  const { frontMatter, blocks } = parseMarkdownDocument(source);
  const front = frontMatterFields(frontMatter);
  const out: Block[] = [];
  toBlocks(blocks, out, { titled: false });
  const { text, passages } = documentFromBlocks(out);
  const metadata = { ...emptyMetadata(), ...front, title: front.title ?? passages.find((p) => p.kind === 'title')?.text ?? null };
  return { text, passages, metadata, canonicalUrl: front.url ?? null };
}
