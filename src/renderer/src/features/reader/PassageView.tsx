import type { KeyboardEvent, ReactNode } from 'react';
import type { Passage } from '../../../../shared/domain';
import { segmentPassage, type CitedRange, type Range } from './segments';

interface Props {
  passage: Passage;
  isTarget: boolean;
  highlights: Range[];
  /** Words notes cite, marked for as long as they are cited. */
  cited: CitedRange[];
  entityHref: (entityId: string) => string;
  activeEntityId: string | null;
  /** The reader URL of this passage, so a passage number can be copied or opened as a link. */
  passageHref: string;
  /** Shown in the margin beside the passage number (e.g. how many notes cite it). */
  margin?: ReactNode;
  /** The page this passage starts on, shown where a new page begins (PDF sources). */
  pageLabel?: string;
}

const citedTitle = (notes: string[]) => `Cited in ${notes.map((n) => `“${n}”`).join(', ')}`;

/**
 * A passage's names are one Tab stop: the first is in the tab order, ← and → move between the
 * others (the roving tabindex pattern), so a source with a hundred names is not a hundred stops.
 */
function moveAmongMentions(event: KeyboardEvent<HTMLElement>) {
  if ((event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
  const current = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('.mention') : null;
  if (!current) return;
  const all = [...event.currentTarget.querySelectorAll<HTMLElement>('.mention')];
  const next = all[all.indexOf(current) + (event.key === 'ArrowRight' ? 1 : -1)];
  event.preventDefault();
  if (!next) return;
  current.tabIndex = -1;
  next.tabIndex = 0;
  next.focus();
}

function PassageText({ passage, highlights, cited, entityHref, activeEntityId }: Omit<Props, 'isTarget' | 'passageHref' | 'margin'>) {
  let first = true;
  return (
    <span className="passage-text" data-passage-text onKeyDown={moveAmongMentions}>
      {segmentPassage(passage.text, passage.mentions, highlights, cited).map((segment) => {
        let text: ReactNode = segment.text;
        if (segment.highlighted) text = <mark className="hit">{text}</mark>;
        if (segment.citedBy)
          text = (
            <span className="cited" title={citedTitle(segment.citedBy)}>
              {text}
            </span>
          );
        if (!segment.mention) return <span key={segment.start}>{text}</span>;
        const m = segment.mention;
        const tabIndex = first ? 0 : -1;
        first = false;
        return (
          <a
            key={segment.start}
            className={`mention ent-${m.entityType} ${activeEntityId === m.entityId ? 'active' : ''}`}
            href={entityHref(m.entityId)}
            data-entity-id={m.entityId}
            title={`${m.entityName} (${m.entityType})`}
            tabIndex={tabIndex}
          >
            {text}
          </a>
        );
      })}
    </span>
  );
}

export function PassageView(props: Props) {
  const { passage, isTarget } = props;
  const className = `passage kind-${passage.kind} ${isTarget ? 'target' : ''}`;
  const margin = (
    <span className="passage-margin">
      {props.pageLabel && <span className="page-label">{props.pageLabel}</span>}
      {passage.kind !== 'title' && (
        <a className="passage-number" href={props.passageHref} aria-label={`Passage ${passage.ordinal}`} tabIndex={-1}>
          ¶{passage.ordinal}
        </a>
      )}
      {props.margin}
    </span>
  );
  const common = {
    id: passage.anchor,
    className,
    'data-anchor': passage.anchor,
    'data-ordinal': passage.ordinal,
    ...(passage.page !== null ? { 'data-page': passage.page } : {}),
    tabIndex: -1,
  };
  const body = <PassageText {...props} />;
  if (passage.kind === 'title')
    return (
      <h1 {...common}>
        {margin}
        {body}
      </h1>
    );
  if (passage.kind === 'heading')
    return (
      <h2 {...common}>
        {margin}
        {body}
      </h2>
    );
  if (passage.kind === 'bullet')
    return (
      <div {...common}>
        {margin}
        {body}
      </div>
    );
  if (passage.kind === 'caption')
    return (
      <figure {...common}>
        {margin}
        <figcaption>{body}</figcaption>
      </figure>
    );
  return (
    <p {...common}>
      {margin}
      {body}
    </p>
  );
}
