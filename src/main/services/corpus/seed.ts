import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { EntityType } from '../../../shared/contract/ids';
import { SourceMetadataSchema } from '../../../shared/sourceMetadata';
import type { Repositories } from '../store/repositories';
import type { Store } from '../store/store';
import { createDocumentLinker } from '../entities/documentLinker';
import { knownAliases, storeLinks } from '../entities/linking';
import { lazy } from '../../../shared/lazy';
import { segmentText, type DocumentLayout } from './segment';
import { nodeCrypto } from '../nodeCrypto';

const SeedSources = lazy(() => z.object({ sources: z.array(SourceMetadataSchema().extend({ file: z.string() })) }));

const SeedAlias = lazy(() =>
  z.union([
    z.string(),
    z.object({
      text: z.string(),
      exactCase: z.boolean().optional(),
      onlyIn: z.array(z.string()).optional(),
      /** The curators' verdict where the words mislead (entities/aliasClass.ts decides otherwise). */
      strength: z.enum(['strong', 'generic']).optional(),
    }),
  ]),
);

const SeedEntities = lazy(() =>
  z.object({
    entities: z.array(
      z.object({
        id: z.string(),
        type: EntityType(),
        name: z.string(),
        nameStrength: z.enum(['strong', 'generic']).optional(),
        aliases: z.array(SeedAlias()).default([]),
        description: z.string().default(''),
        date: z.string().nullable().optional(),
      }),
    ),
  }),
);

const SeedLayout = lazy(() => z.object({ documents: z.record(z.string(), z.custom<DocumentLayout>()) }));

export const SEEDED_KEY = 'seeded_at';

/** "000_3f91….txt" → "seed-000": short, stable ids that survive a re-seed of a new notebook. */
export function seedSourceId(file: string): string {
  return `seed-${file.split('_')[0]}`;
}

export function sha256(bytes: Buffer | string): string {
  return nodeCrypto().createHash('sha256').update(bytes).digest('hex');
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${path.basename(file)} is not valid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export interface SeedResult {
  seeded: boolean;
  sources: number;
  passages: number;
  entities: number;
  mentions: number;
}

/**
 * Fills an empty notebook with the shipped corpus, in one transaction: a crash half-way leaves an
 * empty notebook that seeds again next launch, never a half-seeded one. Launching again is a no-op.
 */
export function seedIfEmpty(store: Store, seedDir: string): SeedResult {
  const { repos } = store;
  if (repos.meta.get(SEEDED_KEY)) return seedResult(false, repos);

  const sources = readJson(path.join(seedDir, 'sources.json'), SeedSources()).sources;
  const entities = readJson(path.join(seedDir, 'entities.json'), SeedEntities()).entities;
  const layouts = readJson(path.join(seedDir, 'layout.json'), SeedLayout()).documents;

  store.write('Seeding the notebook', () => {
    if (repos.meta.get(SEEDED_KEY)) return;
    for (const entity of entities) {
      const entityAliases = entity.aliases.flatMap((a) => {
        const spec = typeof a === 'string' ? { text: a } : a;
        const scopes = spec.onlyIn?.map(seedSourceId) ?? [''];
        return scopes.map((scope) => ({ alias: spec.text, exactCase: spec.exactCase ?? false, scope, strength: spec.strength }));
      });
      repos.entities.insert(
        {
          id: entity.id,
          type: entity.type,
          name: entity.name,
          description: entity.description,
          date: entity.date ?? null,
          origin: 'curated',
        },
        entityAliases,
      );
      const verdicts = [{ alias: entity.name, scope: '', strength: entity.nameStrength }, ...entityAliases];
      for (const v of verdicts) if (v.strength) repos.entities.setAliasStrength(entity.id, v.alias, v.scope, v.strength);
    }
    // A bare name restricted to one document does not also link everywhere as the canonical name (knownAliases).
    const linker = createDocumentLinker(knownAliases(repos));

    for (const { file, ...metadata } of sources) {
      const original = fs.readFileSync(path.join(seedDir, file));
      const text = new TextDecoder('utf-8', { fatal: true }).decode(original);
      const id = seedSourceId(file);
      const digest = sha256(original);
      repos.sources.insert({ id, kind: 'seed', canonicalUrl: metadata.url, metadata });
      const versionId = `v-${digest.slice(0, 16)}`;
      repos.sources.insertVersion({
        id: versionId,
        sourceId: id,
        sha256: digest,
        original,
        text,
        metadata,
        fileName: file,
        mediaType: 'text/plain',
      });
      const passages = segmentText(text, layouts[file]);
      const passageIds = passages.map((passage) => repos.passages.insert(versionId, passage));
      const linked = linker.link(
        passages.map((p) => p.text),
        { sourceId: id, curatedSource: true },
      );
      storeLinks(repos, passageIds, linked);
    }
    repos.meta.set(SEEDED_KEY, new Date().toISOString());
  });

  return seedResult(true, repos);
}

/**
 * Counting every passage and mention costs a scan of each table at every open of a large notebook,
 * while only `open --json` and tests read the counts: they are counted when first read.
 */
function seedResult(seeded: boolean, repos: Repositories): SeedResult {
  let counted: Omit<SeedResult, 'seeded'> | undefined;
  const counts = () =>
    (counted ??= {
      sources: repos.sources.count(),
      passages: repos.passages.count(),
      entities: repos.entities.count(),
      mentions: repos.mentions.count(),
    });
  return {
    seeded,
    get sources() {
      return counts().sources;
    },
    get passages() {
      return counts().passages;
    },
    get entities() {
      return counts().entities;
    },
    get mentions() {
      return counts().mentions;
    },
  };
}
