import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { Repositories } from '../../../src/main/services/store/repositories';
import type { AnchorEvent, SerializedNoteDocument } from '../../../src/shared/notes';
import type { SourceMetadata } from '../../../src/shared/sourceMetadata';
import { freshNotebook } from '../helpers';
import { cite, noteCiting } from '../notes/helpers';

/** What a repository method hands back, one element of it. */
type Returned<R extends keyof Repositories, M extends keyof Repositories[R]> = Repositories[R][M] extends (...args: never[]) => infer T
  ? NonNullable<T> extends readonly (infer E)[]
    ? E
    : NonNullable<T>
  : never;

/** The keys of T spelled like SQL columns (`source_id`): a record must have none. */
type SnakeKeys<T> = { [K in keyof T]: K extends `${string}_${string}` ? K : never }[keyof T];

/** Every record a repository returns for the main entities, as the compiler sees them. */
type Records = {
  source: Returned<'sources', 'get'>;
  sources: Returned<'sources', 'list'>;
  version: Returned<'sources', 'version'>;
  currentVersion: Returned<'sources', 'currentVersion'>;
  passage: Returned<'passages', 'byVersion'>;
  note: Returned<'notes', 'get'>;
  noteInList: Returned<'notes', 'list'>;
  noteSummary: Returned<'notes', 'summary'>;
  revision: Returned<'noteRevisions', 'get'>;
  revisions: Returned<'noteRevisions', 'list'>;
  citation: Returned<'citations', 'byNote'>;
  citationByKey: Returned<'citations', 'byNoteKey'>;
  passageCitations: Returned<'citations', 'byPassage'>;
  entity: Returned<'entities', 'get'>;
  alias: Returned<'entities', 'aliases'>;
  mention: Returned<'mentions', 'byVersion'>;
  mentionInContext: Returned<'mentions', 'byEntity'>;
  suggestion: Returned<'imports', 'suggestion'>;
};

/** A field that still holds a JSON column's text: an object or array written as a string. */
function jsonText(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return false;
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}

function expectDecoded(what: string, record: object | undefined): void {
  expect(record, `${what} was found`).toBeDefined();
  for (const [key, value] of Object.entries(record!)) {
    expect(key, `${what}.${key} is camelCase`).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(jsonText(value), `${what}.${key} is decoded, not JSON text`).toBe(false);
  }
}

describe('repositories return decoded records', () => {
  let notebook: ReturnType<typeof freshNotebook>;
  let noteId: string;

  beforeAll(async () => {
    notebook = freshNotebook();
    const citation = await cite(notebook, 'seed-000', 'Ministry of State Security');
    const note = await noteCiting(notebook, 'Records', citation);
    await notebook.host.notes.tag({ id: note.id, tags: ['shapes'] });
    noteId = note.id;
  });
  afterAll(() => notebook.close());

  it('has no snake_case field and no JSON text in any record type', () => {
    // Every entry names a real record (a `never` would pass the next line vacuously), and none has a snake_case key.
    expectTypeOf<{ [K in keyof Records]: [Records[K]] extends [never] ? K : never }[keyof Records]>().toEqualTypeOf<never>();
    expectTypeOf<{ [K in keyof Records]: SnakeKeys<Records[K]> }[keyof Records]>().toEqualTypeOf<never>();
    expectTypeOf<Records['source']['metadata']>().toEqualTypeOf<SourceMetadata>();
    expectTypeOf<Records['note']['tags']>().toEqualTypeOf<string[]>();
    expectTypeOf<Records['citation']['history']>().toEqualTypeOf<AnchorEvent[]>();
    expectTypeOf<Records['revision']['document']>().toEqualTypeOf<SerializedNoteDocument>();
    expectTypeOf<Records['alias']['exactCase']>().toEqualTypeOf<boolean>();
  });

  it('hands over camelCase fields with JSON columns parsed, for a seeded notebook with a note', () => {
    const { repos } = notebook;
    const source = repos.sources.get('seed-000')!;
    const version = repos.sources.currentVersion('seed-000')!;
    const passages = repos.passages.byVersion(version.id);
    const citations = repos.citations.byNote(noteId);
    const revisions = repos.noteRevisions.list(noteId);
    const entity = repos.entities.get('mss');
    const records: [string, object | undefined][] = [
      ['source', source],
      ...repos.sources.list().map((s): [string, object] => [`sources[${s.id}]`, s]),
      ['version', repos.sources.version(version.id)],
      ['currentVersion', version],
      ['passage', passages[0]],
      ['note', repos.notes.get(noteId)],
      ['noteInList', repos.notes.list(false)[0]],
      ['noteSummary', repos.notes.summary(noteId)],
      ['revision', repos.noteRevisions.get(revisions[0]!.id)],
      ['revisions', revisions[0]],
      ['citation', citations[0]],
      ['citationByKey', repos.citations.byNoteKey(noteId, citations[0]!.key)],
      ['passageCitations', repos.citations.byPassage('seed-000')[0]],
      ['entity', entity],
      ['alias', repos.entities.aliases('mss')[0]],
      ['allAliases', repos.entities.allAliases()[0]],
      ['mention', repos.mentions.byVersion(version.id)[0]],
      ['mentionInContext', repos.mentions.byEntity('mss')[0]],
    ];
    for (const [what, record] of records) expectDecoded(what, record);

    expect(source.metadata).toMatchObject({ authors: ['Brianna Taylor'] });
    expect(repos.notes.get(noteId)!.tags).toEqual(['shapes']);
    expect(repos.notes.document(noteId)!.root.type).toBe('root');
    expect(citations[0]!.history).toEqual([]);
    expect(typeof repos.entities.aliases('mss')[0]!.exactCase).toBe('boolean');
  });

  it('says a damaged JSON column is damaged, in the app’s words', () => {
    notebook.db.prepare(`UPDATE source SET metadata = '{"title": 3}' WHERE id = 'seed-001'`).run();
    expect(() => notebook.repos.sources.get('seed-001')).toThrow(
      expect.objectContaining({ code: 'corrupt', message: expect.stringMatching(/details of source seed-001/) }),
    );
  });

  it('still opens details written before a field or a limit existed', () => {
    const long = 'T'.repeat(5000);
    notebook.db.prepare(`UPDATE source SET metadata = ? WHERE id = 'seed-002'`).run(JSON.stringify({ title: long, authors: ['A'] }));
    expect(notebook.repos.sources.get('seed-002')!.metadata).toEqual({
      title: long,
      authors: ['A'],
      issued: null,
      publisher: null,
      url: null,
      note: null,
    });
  });
});
