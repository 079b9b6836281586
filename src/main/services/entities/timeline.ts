import * as chrono from 'chrono-node';
import type { EntityType, TimelineItem } from '../../../shared/domain';
import type { Store } from '../store/store';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "2013-03" when the text names a month but no day: never more precise than what it says. Only
 * dates that write their year count: "earlier this month" is dated by the reader's clock, not the text.
 */
function isoOf(result: chrono.ParsedResult): string | undefined {
  const c = result.start;
  if (!c.isCertain('year') || !/\b\d{4}\b/.test(result.text)) return undefined;
  const year = c.get('year')!;
  if (!c.isCertain('month')) return undefined;
  const month = `${year}-${pad(c.get('month')!)}`;
  return c.isCertain('day') ? `${month}-${pad(c.get('day')!)}` : month;
}

/** A few words either side of the date, as the item's label. */
function around(text: string, index: number, length: number): string {
  const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, index - 60)));
  const end = text.indexOf(' ', Math.min(text.length, index + length + 60));
  return `${start > 0 ? '…' : ''}${text.slice(start, end === -1 ? undefined : end).trim()}${end === -1 ? '' : '…'}`;
}

/**
 * Dated things: events with a date, sources with an issued date, and dates stated in passages
 * that mention an entity (read by chrono-node; only dates whose year and month are stated).
 */
export function buildTimeline(store: Store, filter: { entityId?: string; types?: EntityType[] }): TimelineItem[] {
  const { db, repos } = store;
  const items: TimelineItem[] = [];
  const typeOf = new Map(repos.entities.list().map((e) => [e.id, e.type]));
  for (const e of repos.entities.list('event')) {
    if (!e.date) continue;
    const first = repos.mentions.byEntity(e.id)[0];
    items.push({
      date: e.date,
      kind: 'event',
      label: e.name,
      sourceId: first?.sourceId ?? null,
      passageAnchor: first?.passageAnchor ?? null,
      entityIds: [e.id],
    });
  }
  const rows = db
    .prepare(
      `SELECT s.id AS sourceId, json_extract(s.metadata, '$.title') AS title, json_extract(s.metadata, '$.issued') AS issued,
              p.id AS passageId, p.anchor, p.text, group_concat(DISTINCT m.entity_id) AS entityIds
         FROM source s JOIN passage p ON p.version_id = s.current_version_id JOIN mention m ON m.passage_id = p.id
        GROUP BY p.id ORDER BY s.id, p.ordinal LIMIT 50000`,
    )
    .all() as { sourceId: string; title: string | null; issued: string | null; anchor: string; text: string; entityIds: string }[];
  const bySource = new Map<string, { title: string | null; issued: string | null; entities: Set<string> }>();
  for (const r of rows) {
    const entityIds = r.entityIds.split(',');
    const source =
      bySource.get(r.sourceId) ?? bySource.set(r.sourceId, { title: r.title, issued: r.issued, entities: new Set() }).get(r.sourceId)!;
    entityIds.forEach((id) => source.entities.add(id));
    const reference = r.issued && /^\d{4}/.test(r.issued) ? new Date(`${r.issued.slice(0, 4)}-06-30T00:00:00Z`) : new Date();
    for (const found of chrono.parse(r.text, reference)) {
      const date = isoOf(found);
      if (date)
        items.push({
          date,
          kind: 'stated',
          label: around(r.text, found.index, found.text.length),
          sourceId: r.sourceId,
          passageAnchor: r.anchor,
          entityIds,
        });
    }
  }
  for (const [sourceId, s] of bySource) {
    if (s.issued)
      items.push({ date: s.issued, kind: 'source', label: s.title ?? sourceId, sourceId, passageAnchor: null, entityIds: [...s.entities] });
  }
  return items
    .filter((i) => !filter.entityId || i.entityIds.includes(filter.entityId))
    .filter((i) => !filter.types?.length || i.entityIds.some((id) => filter.types!.includes(typeOf.get(id)!)))
    .sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}
