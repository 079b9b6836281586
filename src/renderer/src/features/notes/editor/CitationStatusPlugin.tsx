import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $isElementNode, type LexicalNode } from 'lexical';
import { useEffect } from 'react';
import { UNDECIDED_STATUSES, type CitationView } from '../../../../../shared/notes';
import { useCitationContext } from '../citationContext';
import { $isCitationNode, CitationNode, citationLabel } from '../nodes/CitationNode';

const NEEDS_REVIEW = new Set<string>(UNDECIDED_STATUSES);

function $citationNodes(node: LexicalNode, into: CitationNode[] = []): CitationNode[] {
  if ($isCitationNode(node)) into.push(node);
  else if ($isElementNode(node)) for (const child of node.getChildren()) $citationNodes(child, into);
  return into;
}

/** What each state means, on the chip's tooltip (docs/citations.md). */
const STATUS_TITLE: Record<string, string> = {
  current: '',
  moved: 'Moved: the same words, found at a new place in the source’s current text.',
  changed: 'Changed: the words at the cited place differ in the source’s current text. Open Review to decide.',
  lost: 'Lost: the cited passage is gone from the source’s current text. Open Review to decide.',
  pinned: 'Pinned: cites the earlier version of the source these words were taken from.',
  unsaved: '',
};

const DELETED_TITLE = 'Pinned: the source was deleted from the library; the words are kept as cited, with the text they were taken from.';

function paint(element: HTMLElement, stored: CitationView | undefined) {
  const status = stored?.status ?? 'unsaved';
  const deleted = !!stored?.sourceDeleted;
  if (element.dataset.status === status && element.classList.contains('source-deleted') === deleted) return;
  element.classList.toggle('source-deleted', deleted);
  // data-status drives the chip's look and label (notes.css): each state is told apart, not only "needs review".
  element.dataset.status = status;
  element.classList.toggle('needs-review', NEEDS_REVIEW.has(status));
  element.classList.toggle('moved', status === 'moved');
  element.title = deleted ? DELETED_TITLE : (STATUS_TITLE[status] ?? '');
}

/**
 * Shows on each chip what the store says about its citation (current, moved, changed, lost, pinned), and keeps
 * the chip's "¶N" in step when re-anchoring moved the quote to another passage.
 */
export function CitationStatusPlugin() {
  const [editor] = useLexicalComposerContext();
  const { byKey } = useCitationContext();

  useEffect(() => {
    const repaint = () => {
      const relabel = new Map<string, string>();
      editor.getEditorState().read(() => {
        for (const node of $citationNodes($getRoot())) {
          const stored = byKey.get(node.getCitation().key);
          const element = editor.getElementByKey(node.getKey());
          if (element) paint(element, stored);
          if (stored && !NEEDS_REVIEW.has(stored.status) && citationLabel(stored) !== node.getTextContent())
            relabel.set(node.getKey(), citationLabel(stored));
        }
      });
      if (relabel.size === 0) return;
      editor.update(
        () => {
          for (const node of $citationNodes($getRoot())) {
            const label = relabel.get(node.getKey());
            if (label) node.setTextContent(label);
          }
        },
        { tag: 'history-merge' },
      );
    };
    repaint();
    // New chips (a fresh citation, undo, paste) are painted as soon as they are in the DOM.
    return editor.registerMutationListener(CitationNode, () => repaint(), { skipInitialization: true });
  }, [editor, byKey]);
  return null;
}
