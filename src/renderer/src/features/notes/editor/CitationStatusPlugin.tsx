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

function paint(element: HTMLElement, stored: CitationView | undefined) {
  const status = stored?.status ?? 'unsaved';
  if (element.dataset.status === status) return;
  element.dataset.status = status;
  element.classList.toggle('needs-review', NEEDS_REVIEW.has(status));
  element.classList.toggle('moved', status === 'moved');
  element.title = NEEDS_REVIEW.has(status)
    ? 'Needs review: the source text changed and this quote could not be found with confidence.'
    : '';
}

/**
 * Shows on each chip what the store says about its citation (ok, moved, needs review), and keeps
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
