import type { SearchHit } from '../../../../shared/search';
import { routeHref } from '../../app/route';
import { formatRanges } from '../reader/segments';

/** Where a result opens: a passage in the reader scrolled to it with the matched words marked. */
export function hitHref(hit: SearchHit): string {
  switch (hit.kind) {
    case 'passage':
      return routeHref('source', [hit.sourceId ?? '', hit.anchor ?? ''], {
        hl: hit.matches?.length ? formatRanges(hit.matches) : undefined,
      });
    case 'source':
      return routeHref('source', [hit.id]);
    case 'entity':
      return routeHref('entities', [], { entity: hit.id });
    case 'note':
      return routeHref('notes', [hit.id]);
  }
}

export const KIND_LABELS: Record<SearchHit['kind'], string> = { passage: 'Passages', source: 'Sources', entity: 'Entities', note: 'Notes' };
