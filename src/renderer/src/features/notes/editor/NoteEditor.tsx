import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import {
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  HEADING,
  INLINE_CODE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
} from '@lexical/markdown';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { EditorState } from 'lexical';
import { memo, useMemo, useState } from 'react';
import type { SerializedNoteDocument } from '../../../../../shared/notes';
import { CitationNode } from '../nodes/CitationNode';
import { EntityMentionNode } from '../nodes/EntityMentionNode';
import { NoteLinkNode } from '../nodes/NoteLinkNode';
import { CitationPlugin } from './CitationPlugin';
import { CitationStatusPlugin } from './CitationStatusPlugin';
import { CleanPastePlugin } from './CleanPastePlugin';
import { MentionsPlugin } from './MentionsPlugin';
import { NoteLinkPlugin } from './NoteLinkPlugin';
import { ToolbarPlugin } from './ToolbarPlugin';
import { OpenTokenPlugin } from './OpenTokenPlugin';
import type { CiteRequest } from '../cite';
import type { TokenTarget } from '../tokenTargets';

const TRANSFORMERS = [
  HEADING,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  INLINE_CODE,
  LINK,
];
const SAFE_URL = /^(https?:|mailto:)/i;

interface Props {
  noteId: string;
  document: SerializedNoteDocument;
  /** Told of every edit; serializing is left to the caller, when it saves, so typing stays cheap. */
  onChange: (serialize: () => SerializedNoteDocument) => void;
  onBlur: () => void;
  onError: (message: string) => void;
  /** Offers this editor to the workspace as the place citations go. */
  attach: (cite: (request: CiteRequest) => void) => () => void;
  /** Opens a link, mention or citation (Alt+Enter at the caret). */
  openToken: (target: TokenTarget) => void;
}

/** Memoised: the save status changes often and must not re-render a long document's editor. */
export const NoteEditor = memo(function NoteEditor({ noteId, document, onChange, onBlur, onError, attach, openToken }: Props) {
  // The document is read once per note; afterwards the editor owns it and autosave writes it back.
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: `note-${noteId}`,
      nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, CitationNode, EntityMentionNode, NoteLinkNode],
      editorState: JSON.stringify(document),
      onError: (error: Error) => onError(error.message),
      theme: {
        paragraph: 'note-p',
        quote: 'note-quote',
        heading: { h1: 'note-h1', h2: 'note-h2', h3: 'note-h3' },
        list: { ul: 'note-ul', ol: 'note-ol', listitem: 'note-li' },
        text: { bold: 'note-bold', italic: 'note-italic', code: 'note-code', strikethrough: 'note-strike' },
        link: 'note-a',
      },
    }),
    // A new note id is a new editor; the document is only its starting point.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- later documents come from the editor itself
    [noteId],
  );

  const handleChange = (state: EditorState) => onChange(() => state.toJSON() as unknown as SerializedNoteDocument);
  // The typeahead popups live inside the note's landmark, not loose at the end of the page.
  const [popupHost, setPopupHost] = useState<HTMLDivElement | null>(null);

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="note-editor" onBlur={onBlur}>
        <ToolbarPlugin />
        <RichTextPlugin
          contentEditable={<ContentEditable className="note-content" aria-label="Note text" spellCheck />}
          placeholder={
            <div className="note-placeholder">
              Write here. “@” mentions an entity, “[[” links a note; select words in a source and press Cite (or C) to quote them.
            </div>
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={(url) => SAFE_URL.test(url)} />
        <MarkdownShortcutPlugin transformers={TRANSFORMERS} />
        <OnChangePlugin ignoreSelectionChange onChange={handleChange} />
        <CleanPastePlugin />
        <CitationPlugin onError={onError} attach={attach} />
        <CitationStatusPlugin />
        <MentionsPlugin parent={popupHost ?? undefined} />
        <NoteLinkPlugin noteId={noteId} parent={popupHost ?? undefined} />
        <div className="typeahead-host" ref={setPopupHost} />
        <OpenTokenPlugin open={openToken} />
      </div>
    </LexicalComposer>
  );
});
