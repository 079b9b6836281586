import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinker } from '../../src/main/services/entities/linker';
import { seedSourceId } from '../../src/main/services/corpus/seed';
import { freshNotebook, ROOT } from './helpers';

interface TrapCase {
  file: string;
  surface: string;
  occurrence: number;
  expect?: string | null;
  notExpect?: string;
  why: string;
}

const traps = (JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/linker-traps.json'), 'utf8')) as { cases: TrapCase[] }).cases;

describe('linker rules', () => {
  const linker = createLinker([
    { entityId: 'xi', alias: 'Xi', exactCase: true, scope: '' },
    { entityId: 'xi', alias: 'President Xi', exactCase: false, scope: '' },
    { entityId: 'xi', alias: 'Xi Jinping', exactCase: false, scope: '' },
    { entityId: 'mss', alias: 'MSS', exactCase: false, scope: '' },
    { entityId: 'hp', alias: 'Hewlett-Packard', exactCase: false, scope: '' },
    { entityId: 'chen-a', alias: 'Chen', exactCase: true, scope: 'doc-a' },
    { entityId: 'protege', alias: 'protégé', exactCase: false, scope: '' },
  ]);
  const ids = (text: string, source = 'doc-x') => linker.link(text, source).map((l) => `${l.entityId}:${l.surface}`);

  it('prefers the longest alias', () => expect(ids('President Xi Jinping spoke')).toHaveLength(1));
  it('takes "President Xi" as one mention, not two', () => expect(ids('appointed by President Xi in 2016')).toEqual(['xi:President Xi']));
  it('respects word boundaries', () => expect(ids('Xiang and MSSX and Xinjiang')).toEqual([]));
  it('links possessives', () => expect(ids("the MSS's mission")).toEqual(['mss:MSS']));
  it('matches acronyms only in capitals', () => expect(ids('mss and Mss')).toEqual([]));
  it('treats hyphens and spaces alike', () =>
    expect(ids('Hewlett Packard and Hewlett-Packard')).toEqual(['hp:Hewlett Packard', 'hp:Hewlett-Packard']));
  it('ignores diacritics for folded aliases', () => expect(ids('a long time protege of')).toEqual(['protege:protege']));
  it('treats non-breaking spaces as spaces', () => expect(ids('President\u00a0Xi said')).toEqual(['xi:President\u00a0Xi']));
  it('finds a name inside Chinese or Japanese text, which puts no spaces between words', () => {
    const cjk = createLinker([
      { entityId: 'mss', alias: '国家安全部', exactCase: false, scope: '' },
      { entityId: 'mss', alias: 'MSS', exactCase: false, scope: '' },
      { entityId: 'tokyo', alias: '東京', exactCase: false, scope: '' },
    ]);
    const found = (text: string) => cjk.link(text, 'doc-x').map((l) => `${l.entityId}:${l.surface}@${l.start}`);
    expect(found('中华人民共和国国家安全部发布消息')).toEqual(['mss:国家安全部@7']);
    expect(found('MSS称，東京の会議')).toEqual(['mss:MSS@0', 'tokyo:東京@5']);
    // Latin words keep their boundaries; beside a Han character every place is one.
    expect(found('MSSX 国家安全部APP')).toEqual(['mss:国家安全部@5']);
    // Traditional characters are the simplified alias's too, and the span is the text as written.
    expect(found('中華人民共和國國家安全部發布消息')).toEqual(['mss:國家安全部@7']);
  });
  it('links a scoped bare name only in its own document', () => {
    expect(ids('Chen said', 'doc-a')).toEqual(['chen-a:Chen']);
    expect(ids('Chen said', 'doc-b')).toEqual([]);
  });
});

describe('seeded entity traps', () => {
  let notebook: ReturnType<typeof freshNotebook>;
  beforeAll(() => (notebook = freshNotebook()));
  afterAll(() => notebook.close());

  it.each(traps.map((t) => [`${t.file.slice(0, 3)} "${t.surface}" #${t.occurrence}: ${t.why}`, t] as const))('%s', (_, trap) => {
    const sourceId = seedSourceId(trap.file);
    const version = notebook.repos.sources.currentVersion(sourceId)!;
    let at = -1;
    for (let i = 0; i < trap.occurrence; i++) at = version.text.indexOf(trap.surface, at + 1);
    expect(at, `occurrence ${trap.occurrence} of "${trap.surface}"`).toBeGreaterThanOrEqual(0);
    const passage = notebook.repos.passages.byVersion(version.id).find((p) => p.start <= at && at < p.end);
    const covering = passage
      ? notebook.repos.mentions
          .byVersion(version.id)
          .filter((m) => m.passageId === passage.id)
          .filter((m) => {
            // Mention offsets are within the normalised passage text; map the raw hit by its surface position.
            const rawBefore = version.text.slice(passage.start, at);
            const normBefore = rawBefore.replace(/[\s\u00a0]+/gu, ' ').replace(/^ /, '');
            return m.start <= normBefore.length && normBefore.length < m.end;
          })
      : [];
    if (trap.expect !== undefined) {
      if (trap.expect === null) expect(covering.map((m) => m.entityId)).toEqual([]);
      else expect(covering.map((m) => m.entityId)).toContain(trap.expect);
    }
    if (trap.notExpect) expect(covering.map((m) => m.entityId)).not.toContain(trap.notExpect);
  });

  it('links every alias type the texts use for the MSS, Xi and the counter-espionage law', async () => {
    const surfaces = async (id: string) => new Set((await notebook.host.entities.get({ id })).mentions.map((m) => m.surface));
    expect([...(await surfaces('mss'))]).toEqual(expect.arrayContaining(['MSS', 'Ministry of State Security', 'SSM']));
    expect([...(await surfaces('xi-jinping'))]).toEqual(expect.arrayContaining(['Xi', 'President Xi', 'Xi Jinping']));
    expect((await surfaces('counterespionage-law')).size).toBeGreaterThanOrEqual(2);
  });
});
