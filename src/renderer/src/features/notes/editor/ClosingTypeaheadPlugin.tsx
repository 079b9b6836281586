import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LexicalTypeaheadMenuPlugin, type MenuOption, type MenuTextMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { $getSelection, $isRangeSelection, $isTextNode, type LexicalEditor } from 'lexical';
import { useEffect, useRef, useState, type ComponentProps } from 'react';

type Props<O extends MenuOption> = ComponentProps<typeof LexicalTypeaheadMenuPlugin<O>> & {
  triggerFn: (text: string, editor: LexicalEditor) => MenuTextMatch | null;
};

/** The text of the caret's text node up to the caret, or null when the caret is not in plain text. */
function $textUpToCaret(): string | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const node = selection.anchor.getNode();
  if (selection.anchor.type !== 'text' || !$isTextNode(node) || !node.isSimpleText()) return null;
  return node.getTextContent().slice(0, selection.anchor.offset);
}

/**
 * Lexical's typeahead, closed for certain once its trigger text is gone.
 *
 * Why: the plugin opens its menu inside a React transition but closes it from an update listener
 * that still sees the menu as closed until that transition commits. A key pressed in between (a
 * quick Backspace over "@", which leaves an empty paragraph) was ignored, and the menu then opened
 * over text that no longer triggers it, and kept arrow keys and Escape from the editor. Here a
 * listener of our own sees every update; when the trigger goes away it remounts the plugin, which
 * drops any opening still on its way.
 */
export function ClosingTypeaheadPlugin<O extends MenuOption>(props: Props<O>) {
  const [editor] = useLexicalComposerContext();
  const [session, setSession] = useState(0);
  const triggered = useRef(false);
  const { triggerFn } = props;

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const text = editorState.read($textUpToCaret);
        const now = text !== null && triggerFn(text, editor) !== null;
        if (triggered.current && !now) setSession((s) => s + 1);
        triggered.current = now;
      }),
    [editor, triggerFn],
  );

  return <LexicalTypeaheadMenuPlugin<O> key={session} {...props} />;
}
