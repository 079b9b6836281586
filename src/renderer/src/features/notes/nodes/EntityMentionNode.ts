import { $applyNodeReplacement, type EditorConfig, type LexicalNode, type NodeKey, type SerializedTextNode, type Spread } from 'lexical';
import { TokenTextNode } from './TokenTextNode';
import { NOTE_NODE } from '../../../../../shared/notes';

export type SerializedEntityMentionNode = Spread<{ entityId: string; entityType: string }, SerializedTextNode>;

/** A typed "@" mention: its text is what the writer sees, its entityId is what backlinks use. */
export class EntityMentionNode extends TokenTextNode {
  __entityId: string;
  __entityType: string;

  static override getType(): string {
    return NOTE_NODE.entityMention;
  }

  static override clone(node: EntityMentionNode): EntityMentionNode {
    return new EntityMentionNode(node.__entityId, node.__entityType, node.__text, node.__key);
  }

  static override importJSON(serialized: SerializedEntityMentionNode): EntityMentionNode {
    return $createEntityMentionNode(serialized.entityId, serialized.entityType, serialized.text).updateFromJSON(serialized);
  }

  constructor(entityId: string, entityType: string, text: string, key?: NodeKey) {
    super(text, key);
    this.__entityId = entityId;
    this.__entityType = entityType;
  }

  override exportJSON(): SerializedEntityMentionNode {
    return { ...super.exportJSON(), type: NOTE_NODE.entityMention, entityId: this.__entityId, entityType: this.__entityType };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.className = `note-mention ent-${this.__entityType}`;
    dom.dataset.entityId = this.__entityId;
    return dom;
  }

  getEntityId(): string {
    return this.getLatest().__entityId;
  }
}

export function $createEntityMentionNode(entityId: string, entityType: string, text: string): EntityMentionNode {
  return $applyNodeReplacement(new EntityMentionNode(entityId, entityType, text).setMode('token'));
}

export function $isEntityMentionNode(node: LexicalNode | null | undefined): node is EntityMentionNode {
  return node instanceof EntityMentionNode;
}
