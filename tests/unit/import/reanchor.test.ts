import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshNotebook } from '../helpers';
import { cite, noteCiting } from '../notes/helpers';

let nb: ReturnType<typeof freshNotebook>;
beforeEach(() => {
  nb = freshNotebook();
});
afterEach(() => nb.close());

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('a new version of an imported source', () => {
  it('re-anchors citations to it and lists the ones that need review', async () => {
    const v1 = 'Field report\n\nThe delegation arrived on Monday and met the minister.\nA second meeting was cancelled at short notice.\n';
    const first = await nb.host.imports.importFiles({ files: [{ fileName: 'report.txt', base64: b64(v1) }] });
    const sourceId = first.imported[0]!.sourceId;
    const kept = await cite(nb, sourceId, 'met the minister');
    const dropped = await cite(nb, sourceId, 'cancelled at short notice');
    const note = await noteCiting(nb, 'Trip', kept, dropped);

    const v2 = 'Field report\n\nUpdated. The delegation arrived on Monday and met the minister.\nNo second meeting took place.\n';
    const second = await nb.host.imports.importFiles({
      newVersionOf: sourceId,
      files: [{ fileName: 'report-v2.txt', base64: b64(v2) }],
    });
    expect(second.imported[0]).toMatchObject({ sourceId, newVersion: true });
    const review = second.imported[0]!.citationsToReview;
    expect(review.map((c) => [c.noteId, c.exact])).toEqual([[note.id, 'cancelled at short notice']]);
    expect(['changed', 'lost']).toContain(review[0]!.status);

    const after = await nb.host.notes.get({ id: note.id });
    const moved = after.citations.find((c) => c.exact === 'met the minister')!;
    expect(moved.versionId).toBe(second.imported[0]!.versionId);
    expect(['current', 'moved']).toContain(moved.status);
  });
});
