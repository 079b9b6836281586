import type { Db } from '../db';
import { entitiesRepository } from './entities';
import { importsRepository } from './imports';
import { mentionsRepository } from './mentions';
import { metaRepository } from './meta';
import { passagesRepository } from './passages';
import { sourcesRepository } from './sources';
import { notesRepository } from './notes';
import { noteRevisionsRepository } from './noteRevisions';
import { citationsRepository } from './citations';
import { linksRepository } from './links';
import { possibleMentionsRepository } from './possibleMentions';
import { entityChangesRepository } from './entityChanges';
import { entityEditsRepository } from './entityEdits';
import { cooccurrenceRepository } from './cooccurrence';
import { sourceTagsRepository } from './sourceTags';
import { sourceTrashRepository } from './sourceTrash';
import { entityDecisionsRepository } from './entityDecisions';

const makers = {
  meta: metaRepository,
  sources: sourcesRepository,
  passages: passagesRepository,
  entities: entitiesRepository,
  mentions: mentionsRepository,
  notes: notesRepository,
  noteRevisions: noteRevisionsRepository,
  citations: citationsRepository,
  links: linksRepository,
  imports: importsRepository,
  possibleMentions: possibleMentionsRepository,
  entityChanges: entityChangesRepository,
  entityEdits: entityEditsRepository,
  cooccurrence: cooccurrenceRepository,
  sourceTags: sourceTagsRepository,
  sourceTrash: sourceTrashRepository,
  entityDecisions: entityDecisionsRepository,
} as const;

export type Repositories = { readonly [K in keyof typeof makers]: ReturnType<(typeof makers)[K]> };

/**
 * Every repository, each made (its statements prepared) when first used: preparing all 140
 * statements takes longer than a CLI command that reads one table (`sourcebook sources`).
 */
export function repositories(db: Db): Repositories {
  const made: Partial<Record<keyof Repositories, unknown>> = {};
  const repos = {} as Repositories;
  for (const name of Object.keys(makers) as (keyof Repositories)[]) {
    Object.defineProperty(repos, name, {
      enumerable: true,
      get: () => (made[name] ??= makers[name](db)),
    });
  }
  return Object.freeze(repos);
}
