import type { PassageKind } from '../../../shared/domain';
import type { Block } from './document';

/** The few DOM members the walk needs, so linkedom's loose typings do not leak into callers. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements whose content is never reading text, whatever a page puts in them. */
export const NEVER_TEXT = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'MATH',
  'CANVAS',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'HEAD',
  'TITLE',
  'LINK',
  'META',
  'BASE',
  'AUDIO',
  'VIDEO',
  'SOURCE',
  'TRACK',
  'MAP',
  'DIALOG',
]);

const BLOCK_KIND: Record<string, PassageKind> = {
  H1: 'heading',
  H2: 'heading',
  H3: 'heading',
  H4: 'heading',
  H5: 'heading',
  H6: 'heading',
  LI: 'bullet',
  DT: 'paragraph',
  DD: 'paragraph',
  FIGCAPTION: 'caption',
  CAPTION: 'caption',
  PRE: 'paragraph',
  P: 'paragraph',
  TR: 'paragraph',
  ADDRESS: 'paragraph',
};

const CONTAINERS = new Set([
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'BODY',
  'HTML',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'FIGURE',
  'BLOCKQUOTE',
  'DETAILS',
  'SUMMARY',
  'FORM',
  'FIELDSET',
  'CENTER',
  'HR',
  'BR',
  'MENU',
  'HGROUP',
  'LEGEND',
  '#DOCUMENT',
  '#DOCUMENT-FRAGMENT',
]);

/**
 * Turns a DOM into passages: each block element becomes one passage of its text; inline markup
 * (links, emphasis) contributes only its words. Nothing of the markup itself survives.
 */
export function blocksFromDom(root: DomNode): Block[] {
  const blocks: Block[] = [];
  let inline = '';
  let inlineKind: PassageKind = 'paragraph';

  const flush = () => {
    if (inline.trim()) blocks.push({ kind: inlineKind, text: inline });
    inline = '';
    inlineKind = 'paragraph';
  };

  const visit = (node: DomNode, inherited: PassageKind | undefined) => {
    if (node.nodeType === TEXT_NODE) {
      if (!inline) inlineKind = inherited ?? 'paragraph';
      inline += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeName !== '#document' && node.nodeName !== '#document-fragment') return;
    const name = node.nodeName.toUpperCase();
    if (NEVER_TEXT.has(name)) return;
    if (name === 'BR') {
      inline += ' ';
      return;
    }
    const kind = BLOCK_KIND[name];
    const isBlock = kind !== undefined || CONTAINERS.has(name);
    if (!isBlock) {
      for (const child of Array.from(node.childNodes)) visit(child, inherited);
      if (name === 'TD' || name === 'TH') inline += ' · ';
      return;
    }
    flush();
    // A paragraph inside a list item or a quotation is still part of that item or quotation.
    const own = kind === 'paragraph' && (inherited === 'bullet' || inherited === 'quote') ? inherited : kind;
    const childKind: PassageKind | undefined = name === 'BLOCKQUOTE' || inherited === 'quote' ? 'quote' : (own ?? inherited);
    for (const child of Array.from(node.childNodes)) visit(child, childKind);
    if (own !== undefined && inline.trim()) inlineKind = childKind === 'quote' && own === 'paragraph' ? 'quote' : own;
    if (name === 'TR') inline = inline.replace(/\s*·\s*$/, '');
    flush();
  };

  visit(root, undefined);
  flush();
  return blocks;
}
