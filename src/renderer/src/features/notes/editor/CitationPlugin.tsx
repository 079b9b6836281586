import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createQuoteNode } from '@lexical/rich-text';
import {
  $createParagraphNode,
  $createTextNode,
  $getNearestNodeFromDOMNode,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  createCommand,
  type LexicalEditor,
} from 'lexical';
import { useEffect } from 'react';
import type { CitationPayload } from '../../../../../shared/notes';
import { normalizeWhitespace } from '../../../../../shared/text';
import { api } from '../../../api';
import { CITE_DRAG_TYPE, type CiteRequest } from '../cite';
import { $createCitationNode } from '../nodes/CitationNode';

export const INSERT_CITATION_COMMAND = createCommand<{ citation: CitationPayload; withQuote: boolean }>('INSERT_CITATION_COMMAND');

function $insertCitation(citation: CitationPayload, withQuote: boolean): void {
  const chip = $createCitationNode(citation);
  const selection = $getSelection();
  if (withQuote) {
    const quote = $createQuoteNode().append($createTextNode(`“${normalizeWhitespace(citation.exact)}” `), chip);
    const top = $isRangeSelection(selection) ? selection.anchor.getNode().getTopLevelElement() : null;
    if (top) top.insertAfter(quote);
    else $getRoot().append(quote);
    const after = $createParagraphNode();
    quote.insertAfter(after);
    after.select();
    return;
  }
  if ($isRangeSelection(selection)) {
    $insertNodes([chip]);
    return;
  }
  // The editor never had a cursor: the citation goes at the end, where the writer will look.
  const last = $getRoot().getLastChild();
  const paragraph = last && last.getType() === 'paragraph' ? last : $getRoot().append($createParagraphNode()).getLastChild()!;
  (paragraph as ReturnType<typeof $createParagraphNode>).append(chip);
  chip.selectNext();
}

async function cite(editor: LexicalEditor, request: CiteRequest, onError: (message: string) => void) {
  try {
    const citation = await api().notes.makeCitation({
      sourceId: request.sourceId,
      passageAnchor: request.passageAnchor,
      start: request.start,
      end: request.end,
    });
    editor.dispatchCommand(INSERT_CITATION_COMMAND, { citation, withQuote: request.withQuote });
  } catch (error) {
    onError(error instanceof Error ? error.message : String(error));
  }
}

/** Puts the caret where a drag was dropped, so the citation lands there. */
function $selectAtPoint(event: DragEvent): void {
  const range = document.caretRangeFromPoint?.(event.clientX, event.clientY);
  if (!range) return;
  const node = $getNearestNodeFromDOMNode(range.startContainer);
  if ($isTextNode(node)) node.select(range.startOffset, range.startOffset);
  else node?.selectEnd();
}

interface Props {
  onError: (message: string) => void;
  /** Offers this editor as the place citations go; returns how to withdraw it. */
  attach: (cite: (request: CiteRequest) => void) => () => void;
}

export function CitationPlugin({ onError, attach }: Props) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const unregisterInsert = editor.registerCommand(
      INSERT_CITATION_COMMAND,
      ({ citation, withQuote }) => {
        $insertCitation(citation, withQuote);
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    );
    const unregisterDragOver = editor.registerCommand(
      DRAGOVER_COMMAND,
      (event) => {
        if (!event.dataTransfer?.types.includes(CITE_DRAG_TYPE)) return false;
        event.preventDefault();
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    );
    const unregisterDrop = editor.registerCommand(
      DROP_COMMAND,
      (event) => {
        const raw = event.dataTransfer?.getData(CITE_DRAG_TYPE);
        if (!raw) return false;
        event.preventDefault();
        $selectAtPoint(event);
        void cite(editor, { ...(JSON.parse(raw) as CiteRequest), withQuote: false }, onError);
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    );
    const detach = attach((request) => void cite(editor, request, onError));
    return () => {
      unregisterInsert();
      unregisterDragOver();
      unregisterDrop();
      detach();
    };
  }, [editor, onError, attach]);
  return null;
}
