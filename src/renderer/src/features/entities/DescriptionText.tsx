import type { SourceSummary } from '../../../../shared/domain';
import { routeHref } from '../../app/route';

/** Apostrophes and ellipses vary between a description and a title; compare without them. */
const fold = (s: string) => s.replace(/[’‘]/g, "'").replace(/…$/, '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * A description names sources by their title in quotation marks (“China spy agency widens
 * remit…”): each such title becomes a link to the passage where the source first names the entity,
 * or to the source. The description itself stays text; only known titles become links.
 */
export function DescriptionText({
  text,
  sources,
  firstPassage,
}: {
  text: string;
  sources: SourceSummary[];
  firstPassage: (sourceId: string) => string | undefined;
}) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(/“([^”]{4,200})”/g)) {
    const quoted = fold(match[1]!);
    const source = sources.find((s) => s.metadata.title && fold(s.metadata.title).startsWith(quoted));
    if (!source) continue;
    parts.push(text.slice(last, match.index));
    const anchor = firstPassage(source.id);
    parts.push(
      <a
        key={match.index}
        href={routeHref('source', anchor ? [source.id, anchor] : [source.id])}
        title={source.metadata.title ?? undefined}
      >
        {match[0]}
      </a>,
    );
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return <p className="description">{parts}</p>;
}
