import { $applyNodeReplacement, type EditorConfig, type LexicalNode, type NodeKey, type SerializedTextNode, type Spread } from 'lexical';
import { TokenTextNode } from './TokenTextNode';
import { NOTE_NODE, type CitationPayload } from '../../../../../shared/notes';

export type SerializedCitationNode = Spread<{ citation: CitationPayload }, SerializedTextNode>;

function shortTitle(title: string | null, sourceId: string): string {
  const t = title ?? sourceId;
  return t.length > 28 ? t.slice(0, 26).trimEnd() + '…' : t;
}

export function citationLabel(c: Pick<CitationPayload, 'sourceTitle' | 'sourceId' | 'passageOrdinal'>): string {
  return `${shortTitle(c.sourceTitle, c.sourceId)} · ¶${c.passageOrdinal}`;
}

/**
 * An inline, atomic chip ("source · ¶N") holding the citation as it was made. It is a token-mode
 * text node drawn as a chip rather than a React decorator: a long note holds hundreds, and a
 * React portal per chip made such notes slow to open. Where the quote is anchored now, and its
 * review status, come from the store (CitationStatusPlugin), never from this node.
 */
export class CitationNode extends TokenTextNode {
  __citation: CitationPayload;

  static override getType(): string {
    return NOTE_NODE.citation;
  }

  static override clone(node: CitationNode): CitationNode {
    return new CitationNode(node.__citation, node.__text, node.__key);
  }

  static override importJSON(serialized: SerializedCitationNode): CitationNode {
    return $createCitationNode(serialized.citation);
  }

  constructor(citation: CitationPayload, label?: string, key?: NodeKey) {
    super(label ?? citationLabel(citation), key);
    this.__citation = citation;
  }

  override exportJSON(): SerializedCitationNode {
    return { ...super.exportJSON(), type: NOTE_NODE.citation, citation: this.__citation };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.classList.add('citation-chip');
    dom.dataset.citationKey = this.__citation.key;
    dom.dataset.sourceId = this.__citation.sourceId;
    dom.dataset.anchor = this.__citation.passageAnchor;
    dom.spellcheck = false;
    return dom;
  }

  getCitation(): CitationPayload {
    return this.getLatest().__citation;
  }
}

export function $createCitationNode(citation: CitationPayload): CitationNode {
  return $applyNodeReplacement(new CitationNode(citation).setMode('token'));
}

export function $isCitationNode(node: LexicalNode | null | undefined): node is CitationNode {
  return node instanceof CitationNode;
}
