import type { EntityType } from '../../../shared/domain';

export const TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  law: 'Law',
  event: 'Event',
};

export const TYPE_PLURALS: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organisations',
  place: 'Places',
  law: 'Laws & regulations',
  event: 'Events',
};

export function EntityTypeBadge({ type }: { type: EntityType }) {
  return <span className={`type-badge ent-${type}`}>{TYPE_LABELS[type]}</span>;
}
