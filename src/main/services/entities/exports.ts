import Papa from 'papaparse';
import type { EntityDetail, EntitySummary, TimelineItem } from '../../../shared/domain';

/**
 * CSV by papaparse: quotes where needed, and `escapeFormulae` so a name such as "=HYPERLINK(…)"
 * from a source is text in a spreadsheet, never a formula.
 */
const csv = (fields: string[], rows: unknown[][]) => Papa.unparse({ fields, data: rows }, { escapeFormulae: true, newline: '\n' }) + '\n';

export function entitiesCsv(list: EntitySummary[]): string {
  return csv(
    ['id', 'type', 'name', 'aliases', 'description', 'date', 'mentions', 'sources'],
    list.map((e) => [e.id, e.type, e.name, e.aliases.join(' | '), e.description, e.date ?? '', e.mentionCount, e.sourceCount]),
  );
}

export function mentionsCsv(details: EntityDetail[]): string {
  return csv(
    ['mention_id', 'entity_id', 'entity_name', 'source_id', 'source_title', 'passage', 'start', 'end', 'surface'],
    details.flatMap((e) =>
      e.mentions.map((m) => [
        m.mentionId,
        e.id,
        e.name,
        m.sourceId,
        m.sourceTitle ?? '',
        m.passageAnchor,
        m.before.length,
        m.before.length + m.match.length,
        m.surface,
      ]),
    ),
  );
}

export function timelineCsv(items: TimelineItem[]): string {
  return csv(
    ['date', 'kind', 'label', 'source_id', 'passage', 'entities'],
    items.map((i) => [i.date, i.kind, i.label, i.sourceId ?? '', i.passageAnchor ?? '', i.entityIds.join(' ')]),
  );
}
