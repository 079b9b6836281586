import { useEffect, type RefObject } from 'react';
import { navigate } from '../../app/route';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { useCitationContext } from './citationContext';
import { citationHref, openEntity, tokenTarget, type TokenTarget } from './tokenTargets';

/** Opens what a token points at: a chip its passage, a [[link]] its note, an @mention its entity. */
export function useOpenToken(): (target: TokenTarget) => void {
  const { byKey } = useCitationContext();
  const { openNote } = useWorkspace();
  return (target) => {
    if (target.kind === 'note') openNote(target.noteId);
    else if (target.kind === 'entity') openEntity(target.entityId);
    else navigate(citationHref(byKey.get(target.key) ?? { sourceId: target.sourceId, passageAnchor: target.anchor }));
  };
}

/** A click on a token in the note opens it (the caret is not moved into it). */
export function TokenClicks({ container }: { container: RefObject<HTMLElement | null> }) {
  const open = useOpenToken();
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const click = (event: MouseEvent) => {
      if (event.button !== 0 || !(event.target instanceof Element) || !event.target.closest('.note-content')) return;
      const target = tokenTarget(event.target);
      if (!target) return;
      event.preventDefault();
      open(target);
    };
    root.addEventListener('click', click);
    return () => root.removeEventListener('click', click);
  }, [container, open]);
  return null;
}
