import type { Db } from '../db';
import { entitiesRepository } from './entities';
import { mentionsRepository } from './mentions';
import { metaRepository } from './meta';
import { passagesRepository } from './passages';
import { sourcesRepository } from './sources';

export function repositories(db: Db) {
  return {
    meta: metaRepository(db),
    sources: sourcesRepository(db),
    passages: passagesRepository(db),
    entities: entitiesRepository(db),
    mentions: mentionsRepository(db),
  };
}

export type Repositories = ReturnType<typeof repositories>;
