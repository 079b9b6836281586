import type { CitationView } from '../../../../shared/notes';
import { navigate, parseRoute, routeHref, withQuery } from '../../app/route';

/** Reader URL of a cited passage, the quoted words highlighted. */
export function citationHref(
  c: Pick<CitationView, 'sourceId' | 'passageAnchor'> & { passageRange?: CitationView['passageRange'] },
): string {
  const range = c.passageRange ? `${c.passageRange.start}-${c.passageRange.end}` : undefined;
  return routeHref('source', [c.sourceId, c.passageAnchor], { hl: range });
}

/** The entity panel over whatever view is showing. */
export function openEntity(entityId: string): void {
  navigate(withQuery(parseRoute(window.location.hash), { entity: entityId }));
}

/** What a token in a note points at, read from its element. */
export type TokenTarget =
  | { kind: 'citation'; key: string; sourceId: string; anchor: string }
  | { kind: 'note'; noteId: string }
  | { kind: 'entity'; entityId: string };

export function tokenTarget(element: Element | null): TokenTarget | null {
  const token = element?.closest<HTMLElement>('.citation-chip, .note-link, .note-mention');
  if (!token) return null;
  if (token.classList.contains('citation-chip'))
    return {
      kind: 'citation',
      key: token.dataset.citationKey ?? '',
      sourceId: token.dataset.sourceId ?? '',
      anchor: token.dataset.anchor ?? '',
    };
  if (token.classList.contains('note-link')) return token.dataset.noteId ? { kind: 'note', noteId: token.dataset.noteId } : null;
  return token.dataset.entityId ? { kind: 'entity', entityId: token.dataset.entityId } : null;
}
