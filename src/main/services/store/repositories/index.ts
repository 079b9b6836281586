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

export function repositories(db: Db) {
  return {
    meta: metaRepository(db),
    sources: sourcesRepository(db),
    passages: passagesRepository(db),
    entities: entitiesRepository(db),
    mentions: mentionsRepository(db),
    notes: notesRepository(db),
    noteRevisions: noteRevisionsRepository(db),
    citations: citationsRepository(db),
    links: linksRepository(db),
    imports: importsRepository(db),
    possibleMentions: possibleMentionsRepository(db),
    entityChanges: entityChangesRepository(db),
    entityEdits: entityEditsRepository(db),
    cooccurrence: cooccurrenceRepository(db),
    sourceTags: sourceTagsRepository(db),
    sourceTrash: sourceTrashRepository(db),
    entityDecisions: entityDecisionsRepository(db),
  };
}

export type Repositories = ReturnType<typeof repositories>;
