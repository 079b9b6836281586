import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAnchor } from '../../../src/main/services/entities/decisions';
import { freshNotebook } from '../helpers';

type TestNotebook = ReturnType<typeof freshNotebook>;
let nb: TestNotebook;
beforeAll(() => (nb = freshNotebook()));
afterAll(() => nb.close());

const b64 = (s: string) => Buffer.from(s).toString('base64');
const inSource = async (entityId: string, sourceId: string) =>
  (await nb.host.entities.get({ id: entityId })).mentions.filter((m) => m.sourceId === sourceId);
const reimport = async (sourceId: string, fileName: string, text: string) => {
  const result = await nb.host.imports.importFiles({ newVersionOf: sourceId, files: [{ fileName, base64: b64(text) }] });
  expect(result.imported[0]).toMatchObject({ sourceId, newVersion: true });
};

const V1 =
  'Travel notes\n\nOfficials in Beijing announced a plan on Monday.\n\nLater the delegation flew to Beijing for talks with the security ministry.\n';

describe("a person's decisions about mentions", () => {
  it('survive a re-import of the same text and a new version with edited words around them, and stay in the history', async () => {
    const imported = await nb.host.imports.importFiles({ files: [{ fileName: 'notes.txt', base64: b64(V1) }] });
    const sourceId = imported.imported[0]!.sourceId;
    const before = await inSource('beijing', sourceId);
    expect(before.map((m) => m.after.slice(0, 10))).toEqual([' announced', ' for talks']);

    // Unlink the first "Beijing"; link "the security ministry" to the MSS by hand.
    await nb.host.entities.unlinkMention({ mentionId: before[0]!.mentionId });
    const detail = await nb.host.sources.get({ id: sourceId });
    const passage = detail.passages.find((p) => p.text.includes('security ministry'))!;
    const start = passage.text.indexOf('the security ministry');
    await nb.host.entities.linkSpan({ passageId: passage.id, start, end: start + 'the security ministry'.length, entityId: 'mss' });

    const check = async () => {
      const beijing = await inSource('beijing', sourceId);
      expect(beijing.map((m) => m.before.slice(-8) + m.match)).toEqual(['flew to Beijing']);
      expect((await inSource('mss', sourceId)).map((m) => m.match)).toEqual(['the security ministry']);
    };
    await check();

    // The same text again (one more line at the end): every passage is new, with new ids.
    await reimport(sourceId, 'notes-again.txt', `${V1}\n`);
    const again = await nb.host.sources.get({ id: sourceId });
    expect(again.passages.some((p) => p.id === passage.id)).toBe(false);
    await check();

    // Edited words around both decisions: still where they were made.
    await reimport(
      sourceId,
      'notes-v2.txt',
      'Travel notes, revised\n\nSenior officials in Beijing announced a plan on Tuesday.\n\nLater the whole delegation flew to Beijing for talks with the security ministry on trade.\n',
    );
    await check();

    const history = await nb.host.entities.history({ id: 'beijing' });
    expect(history[0]).toMatchObject({ action: 'unlink', undoable: true });
    expect((await nb.host.entities.history({ id: 'mss' }))[0]).toMatchObject({ action: 'link' });

    // Undo still works after the re-imports: the first "Beijing" is linked again.
    await nb.host.entities.undo({ editId: history[0]!.id });
    expect((await inSource('beijing', sourceId)).map((m) => m.after.slice(0, 10))).toEqual([' announced', ' for talks']);
  });
});

describe('a decision anchor', () => {
  const passages = [
    { id: 1, text: 'Apple pie is served. The Apple board met on Monday.' },
    { id: 2, text: 'Nothing here about fruit.' },
  ];
  it('finds the occurrence whose context agrees best', () => {
    expect(resolveAnchor({ exact: 'Apple', prefix: 'The ', suffix: ' board met' }, passages)).toEqual({ passageId: 1, start: 25, end: 30 });
  });
  it('waits on a tie or on words whose context no longer agrees', () => {
    expect(resolveAnchor({ exact: 'Apple', prefix: 'xx ', suffix: ' yy' }, passages)).toBeUndefined();
    expect(resolveAnchor({ exact: 'Pear', prefix: '', suffix: ' board' }, passages)).toBeUndefined();
    expect(resolveAnchor({ exact: 'fruit', prefix: 'about ', suffix: '.' }, passages)).toEqual({ passageId: 2, start: 19, end: 24 });
  });
});
