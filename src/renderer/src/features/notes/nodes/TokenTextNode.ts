import { TextNode } from 'lexical';

/**
 * Shared behaviour of the note's inline tokens (citation chips, entity mentions, note links):
 * each is one indivisible unit of text that typing next to it never extends. Not registered
 * with the editor itself; each concrete token keeps its own type, clone and JSON.
 */
export abstract class TokenTextNode extends TextNode {
  override isTextEntity(): true {
    return true;
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }
}
