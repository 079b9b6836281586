import { $applyNodeReplacement, type EditorConfig, type LexicalNode, type NodeKey, type SerializedTextNode, type Spread } from 'lexical';
import { TokenTextNode } from './TokenTextNode';
import { NOTE_NODE } from '../../../../../shared/notes';

export type SerializedNoteLinkNode = Spread<{ noteId: string }, SerializedTextNode>;

/** A "[[" link to another note; the store derives note backlinks from its noteId. */
export class NoteLinkNode extends TokenTextNode {
  __noteId: string;

  static override getType(): string {
    return NOTE_NODE.noteLink;
  }

  static override clone(node: NoteLinkNode): NoteLinkNode {
    return new NoteLinkNode(node.__noteId, node.__text, node.__key);
  }

  static override importJSON(serialized: SerializedNoteLinkNode): NoteLinkNode {
    return $createNoteLinkNode(serialized.noteId, serialized.text).updateFromJSON(serialized);
  }

  constructor(noteId: string, text: string, key?: NodeKey) {
    super(text, key);
    this.__noteId = noteId;
  }

  override exportJSON(): SerializedNoteLinkNode {
    return { ...super.exportJSON(), type: NOTE_NODE.noteLink, noteId: this.__noteId };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.className = 'note-link';
    dom.dataset.noteId = this.__noteId;
    return dom;
  }

  getNoteId(): string {
    return this.getLatest().__noteId;
  }
}

export function $createNoteLinkNode(noteId: string, title: string): NoteLinkNode {
  return $applyNodeReplacement(new NoteLinkNode(noteId, title).setMode('token'));
}

export function $isNoteLinkNode(node: LexicalNode | null | undefined): node is NoteLinkNode {
  return node instanceof NoteLinkNode;
}
