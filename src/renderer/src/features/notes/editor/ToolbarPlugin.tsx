import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $createParagraphNode, $getSelection, FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND, type TextFormatType } from 'lexical';

const FORMATS: { format: TextFormatType; label: string; title: string }[] = [
  { format: 'bold', label: 'B', title: 'Bold (Ctrl+B)' },
  { format: 'italic', label: 'I', title: 'Italic (Ctrl+I)' },
  { format: 'code', label: '<>', title: 'Code' },
];

/** A small toolbar; every action is also a Markdown shortcut or a keyboard shortcut. */
export function ToolbarPlugin() {
  const [editor] = useLexicalComposerContext();
  const block = (create: () => Parameters<typeof $setBlocksType>[1] extends () => infer T ? T : never) => () =>
    editor.update(() => $setBlocksType($getSelection(), create));
  return (
    <div className="note-toolbar" role="toolbar" aria-label="Formatting">
      <button type="button" title="Undo (Ctrl+Z)" onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
        ↶
      </button>
      <button type="button" title="Redo (Ctrl+Shift+Z)" onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
        ↷
      </button>
      <span className="sep" />
      {FORMATS.map((f) => (
        <button
          key={f.format}
          type="button"
          title={f.title}
          className={`fmt-${f.format}`}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, f.format)}
        >
          {f.label}
        </button>
      ))}
      <span className="sep" />
      <button type="button" title="Paragraph" onClick={block(() => $createParagraphNode())}>
        ¶
      </button>
      <button type="button" title="Heading (# )" onClick={block(() => $createHeadingNode('h2'))}>
        H
      </button>
      <button type="button" title="Quote (> )" onClick={block(() => $createQuoteNode())}>
        “”
      </button>
      <button type="button" title="Bulleted list (- )" onClick={() => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)}>
        •
      </button>
      <button type="button" title="Numbered list (1. )" onClick={() => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)}>
        1.
      </button>
    </div>
  );
}
