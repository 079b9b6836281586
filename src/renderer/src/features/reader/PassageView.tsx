import type { ReactNode } from 'react';
import type { Passage } from '../../../../shared/domain';
import { segmentPassage, type Range } from './segments';

interface Props {
  passage: Passage;
  isTarget: boolean;
  highlights: Range[];
  entityHref: (entityId: string) => string;
  activeEntityId: string | null;
  /** The reader URL of this passage, so a passage number can be copied or opened as a link. */
  passageHref: string;
  /** Shown in the margin beside the passage number (e.g. how many notes cite it). */
  margin?: ReactNode;
  /** In an earlier version: the current text no longer has this passage as it reads here. */
  changedSince?: boolean;
}

function PassageText({
  passage,
  highlights,
  entityHref,
  activeEntityId,
}: Omit<Props, 'isTarget' | 'passageHref' | 'margin' | 'changedSince'>) {
  return (
    <span className="passage-text" data-passage-text>
      {segmentPassage(passage.text, passage.mentions, highlights).map((segment) => {
        const text = segment.highlighted ? <mark className="hit">{segment.text}</mark> : segment.text;
        if (!segment.mention) return <span key={segment.start}>{text}</span>;
        const m = segment.mention;
        return (
          <a
            key={segment.start}
            className={`mention ent-${m.entityType} ${activeEntityId === m.entityId ? 'active' : ''}`}
            href={entityHref(m.entityId)}
            data-entity-id={m.entityId}
            title={`${m.entityName} (${m.entityType})`}
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
  const className = `passage kind-${passage.kind} ${isTarget ? 'target' : ''} ${props.changedSince ? 'changed-since' : ''}`;
  const number = (
    <a className="passage-number" href={props.passageHref} aria-label={`Passage ${passage.ordinal}`} tabIndex={-1}>
      ¶{passage.ordinal}
    </a>
  );
  const numberWithMargin = props.margin ? (
    <>
      {number}
      {props.margin}
    </>
  ) : (
    number
  );
  const common = { id: passage.anchor, className, 'data-anchor': passage.anchor, 'data-ordinal': passage.ordinal, tabIndex: -1 };
  const body = <PassageText {...props} />;
  if (passage.kind === 'title')
    return (
      <h1 {...common}>
        {props.margin}
        {body}
      </h1>
    );
  if (passage.kind === 'heading')
    return (
      <h2 {...common}>
        {numberWithMargin}
        {body}
      </h2>
    );
  if (passage.kind === 'bullet')
    return (
      <div {...common}>
        {numberWithMargin}
        {body}
      </div>
    );
  if (passage.kind === 'caption')
    return (
      <figure {...common}>
        {numberWithMargin}
        <figcaption>{body}</figcaption>
      </figure>
    );
  return (
    <p {...common}>
      {numberWithMargin}
      {body}
    </p>
  );
}
