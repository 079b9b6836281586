import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { relinkSources } from '../../../src/main/services/entities/relink';
import { commitImport } from '../../../src/main/services/import/commit';
import { prepareImport } from '../../../src/main/services/import/prepare';
import { migrations } from '../../../src/main/services/store/migrations';
import { migrate, openDatabase } from '../../../src/main/services/store/db';
import { freshNotebook } from '../helpers';

type TestNotebook = ReturnType<typeof freshNotebook>;
let nb: TestNotebook;
beforeEach(() => (nb = freshNotebook()));
afterEach(() => nb.close());

async function importText(text: string, fileName = 'note.txt') {
  const prepared = await prepareImport(nb.repos, fileName, Buffer.from(text));
  const { sourceId, versionId } = commitImport(nb.store, prepared);
  return { sourceId, versionId };
}

describe('re-linking imported sources', () => {
  it('applies changed alias verdicts and keeps what a person decided', async () => {
    const { sourceId, versionId } = await importText('Orchard notes\n\nMy laptop was made by Apple. The State Council met. Apple again.');
    const possible = () => nb.repos.possibleMentions.byVersion(versionId);
    const links = () => nb.repos.mentions.byVersion(versionId);
    expect(links().map((m) => m.entityId)).toEqual([]);
    expect(possible().map((p) => `${p.surface}→${p.entityId}`)).toEqual(['Apple→apple', 'State Council→state-council', 'Apple→apple']);

    // A person dismisses the State Council and links one span themselves.
    const stateCouncil = possible().find((p) => p.entityId === 'state-council')!;
    nb.db.prepare(`UPDATE possible_mention SET status = 'dismissed' WHERE id = ?`).run(stateCouncil.id);
    const passageId = possible()[0]!.passageId;
    nb.repos.mentions.insert({
      entityId: 'china',
      passageId,
      start: 3,
      end: 9,
      surface: 'laptop',
      origin: 'user',
      method: 'user',
      confidence: 1,
      alias: null,
    });

    // The rules change: Apple is declared a strong alias; State Council too.
    nb.repos.entities.setAliasStrength('apple', 'Apple', '', 'strong');
    nb.repos.entities.setAliasStrength('state-council', 'State Council', '', 'strong');
    const result = nb.store.write('Re-linking', () => relinkSources(nb.repos, [sourceId]));
    expect(result).toMatchObject({ sources: 1, mentions: 2, possible: 0 });

    expect(links().map((m) => `${m.surface}→${m.entityId}/${m.method}`)).toEqual([
      'laptop→china/user',
      'Apple→apple/name',
      'Apple→apple/name',
    ]);
    // The dismissed span stays dismissed and is not turned into a link.
    expect(possible().map((p) => `${p.surface}/${p.status}`)).toEqual(['State Council/dismissed']);
  });

  it('re-links seed sources as curated and changes nothing when nothing changed', () => {
    const before = nb.repos.mentions.count();
    const result = nb.store.write('Re-linking', () => relinkSources(nb.repos));
    expect(result.removed).toBe(0);
    expect(nb.repos.mentions.count()).toBe(before);
    expect(new Set(nb.repos.mentions.byVersion(nb.repos.sources.get('seed-003')!.currentVersionId!).map((m) => m.method))).toEqual(
      new Set(['curated']),
    );
  });

  it('counts possible mentions nowhere links are counted', async () => {
    await importText('Police\n\nThe MPS said the Ministry of Public Security would reply.');
    const mps = (await nb.host.entities.list({})).find((e) => e.id === 'ministry-of-public-security')!;
    const seededMentions = nb.repos.mentions.byEntity('ministry-of-public-security').length;
    expect(mps.mentionCount).toBe(seededMentions);
    expect(nb.repos.possibleMentions.byEntity('ministry-of-public-security').map((p) => p.surface)).toEqual([
      'MPS',
      'Ministry of Public Security',
    ]);
  });
});

describe('migration 0007', () => {
  it('backfills how existing mentions were made', () => {
    const db = openDatabase(':memory:', { migrations: migrations.filter((m) => m.version <= 4) });
    const now = '2024-01-01T00:00:00Z';
    db.exec(`
      INSERT INTO source VALUES ('seed-000', 'seed', NULL, '{}', 'v-seed', '${now}'), ('src-1', 'import', NULL, '{}', 'v-imp', '${now}');
      INSERT INTO source_version VALUES ('v-seed', 'seed-000', 'a', x'00', 'MSS text', '{}', NULL, 'text/plain', '${now}'),
                                        ('v-imp', 'src-1', 'b', x'00', 'Apple MSS', '{}', NULL, 'text/plain', '${now}');
      INSERT INTO passage VALUES (1, 'v-seed', 'p1', 0, 'paragraph', 'MSS text', 0, 8, NULL), (2, 'v-imp', 'p1', 0, 'paragraph', 'Apple MSS x', 0, 11, NULL);
      INSERT INTO entity VALUES ('mss', 'organization', 'Ministry of State Security', '', NULL, 'curated'), ('apple', 'organization', 'Apple', '', NULL, 'curated');
      INSERT INTO entity_alias VALUES ('mss', 'organization', 'MSS', 'mss', 0, ''), ('apple', 'organization', 'Apple', 'apple', 0, '');
      INSERT INTO mention (entity_id, passage_id, start, "end", surface, origin) VALUES
        ('mss', 1, 0, 3, 'MSS', 'linked'), ('apple', 2, 0, 5, 'Apple', 'linked'), ('mss', 2, 6, 9, 'MSS', 'linked'), ('mss', 2, 10, 11, 'x', 'user');
    `);
    migrate(db, migrations);
    expect(db.prepare(`SELECT surface, method, confidence, alias FROM mention ORDER BY id`).all()).toEqual([
      { surface: 'MSS', method: 'curated', confidence: 1, alias: 'MSS' },
      { surface: 'Apple', method: 'name', confidence: 0.95, alias: 'Apple' },
      { surface: 'MSS', method: 'alias', confidence: 0.7, alias: 'MSS' },
      { surface: 'x', method: 'user', confidence: 1, alias: null },
    ]);
    expect(db.prepare(`SELECT DISTINCT origin FROM entity_alias`).pluck().all()).toEqual(['curated']);
    db.close();
  });
});
