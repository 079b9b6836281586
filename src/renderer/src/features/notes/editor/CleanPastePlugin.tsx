import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isElementNode, $isTextNode, COMMAND_PRIORITY_HIGH, SELECTION_INSERT_CLIPBOARD_NODES_COMMAND, type LexicalNode } from 'lexical';
import { useEffect } from 'react';

function $stripStyles(node: LexicalNode): void {
  if ($isTextNode(node) && node.getStyle() !== '') node.setStyle('');
  if ($isElementNode(node)) for (const child of node.getChildren()) $stripStyles(child);
}

/**
 * Pasted HTML is already parsed into the registered nodes only (never kept as markup); this also
 * drops the inline styles other apps attach to text (fonts, colours), keeping bold/italic/code.
 * It acts on the pasted nodes alone: a transform on every TextNode would re-walk a long note on open.
 */
export function CleanPastePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
        ({ nodes }) => {
          for (const node of nodes) $stripStyles(node);
          return false;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  return null;
}
