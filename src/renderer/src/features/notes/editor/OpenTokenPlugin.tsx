import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, KEY_ENTER_COMMAND } from 'lexical';
import { useEffect, useRef } from 'react';
import { tokenTarget, type TokenTarget } from '../tokenTargets';

/** Alt+Enter with the caret on or just after a link, mention or citation opens it. */
export function OpenTokenPlugin({ open }: { open: (target: TokenTarget) => void }) {
  const [editor] = useLexicalComposerContext();
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(
    () =>
      editor.registerCommand(
        KEY_ENTER_COMMAND,
        (event) => {
          if (!event?.altKey) return false;
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return false;
          const anchor = selection.anchor.getNode();
          const candidates = [anchor, anchor.getPreviousSibling(), anchor.getNextSibling()];
          for (const node of candidates) {
            const target = node ? tokenTarget(editor.getElementByKey(node.getKey())) : null;
            if (!target) continue;
            event.preventDefault();
            openRef.current(target);
            return true;
          }
          return false;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  return null;
}
