import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphToGexf, graphToGraphml } from '../../../src/main/services/entities/graph';
import { freshNotebook } from '../helpers';

type TestNotebook = ReturnType<typeof freshNotebook>;
let nb: TestNotebook;
beforeAll(() => (nb = freshNotebook()));
afterAll(() => nb.close());

const mentionsOf = async (id: string) => (await nb.host.entities.get({ id })).mentions;

describe('the entity workbench', () => {
  it('creates, renames, retypes and edits aliases, each kept in a history that can be undone', async () => {
    const made = await nb.host.entities.create({ type: 'person', name: 'Zhou Zebrafinch', aliases: ['Z. Zebrafinch'] });
    expect(made).toMatchObject({ id: 'zhou-zebrafinch', type: 'person', aliases: ['Z. Zebrafinch'] });
    await nb.host.entities.rename({ id: made.id, name: 'Zhou Zebra-Finch' });
    await nb.host.entities.setType({ id: made.id, type: 'organization' });
    await nb.host.entities.removeAlias({ id: made.id, alias: 'Z. Zebrafinch' });
    const now = await nb.host.entities.get({ id: made.id });
    expect(now).toMatchObject({ name: 'Zhou Zebra-Finch', type: 'organization', aliases: ['Zhou Zebrafinch'] });

    const history = await nb.host.entities.history({ id: made.id });
    expect(history.map((h) => h.action)).toEqual(['alias-remove', 'type', 'rename', 'create']);
    expect(history.map((h) => h.undoable)).toEqual([true, false, false, false]);
    await expect(nb.host.entities.undo({ editId: history[2]!.id })).rejects.toMatchObject({ code: 'conflict' });
    await nb.host.entities.undo({ editId: history[0]!.id });
    await nb.host.entities.undo({ editId: history[1]!.id });
    expect(await nb.host.entities.get({ id: made.id })).toMatchObject({
      type: 'person',
      aliases: expect.arrayContaining(['Z. Zebrafinch']),
    });
    expect((await nb.host.entities.history({ id: made.id }))[0]).toMatchObject({ undoneAt: expect.any(String), undoable: false });
  });

  it('adds an alias that links across the library, and undoing it takes the links away', async () => {
    const before = (await mentionsOf('mss')).length;
    await nb.host.entities.addAlias({ id: 'mss', alias: 'Guoanbu' });
    const withAlias = await nb.host.entities.get({ id: 'mss' });
    expect(withAlias.aliases).toContain('Guoanbu');
    const [edit] = await nb.host.entities.history({ id: 'mss' });
    await nb.host.entities.undo({ editId: edit!.id });
    expect((await mentionsOf('mss')).length).toBe(before);
  });

  it('unlinks one mention for good: re-linking after another edit does not bring it back; undo does', async () => {
    const [first] = await mentionsOf('beijing');
    const count = (await mentionsOf('beijing')).length;
    await nb.host.entities.unlinkMention({ mentionId: first!.mentionId });
    expect((await mentionsOf('beijing')).length).toBe(count - 1);
    await nb.host.entities.addAlias({ id: 'beijing', alias: 'Peking' });
    expect(
      (await mentionsOf('beijing')).some(
        (m) => m.sourceId === first!.sourceId && m.passageAnchor === first!.passageAnchor && m.before === first!.before,
      ),
    ).toBe(false);
    const [aliasEdit, unlinkEdit] = await nb.host.entities.history({ id: 'beijing' });
    await nb.host.entities.undo({ editId: aliasEdit!.id });
    await nb.host.entities.undo({ editId: unlinkEdit!.id });
    expect((await mentionsOf('beijing')).length).toBe(count);
  });

  it('merges: mentions and names move, the absorbed id keeps resolving; undo separates them again', async () => {
    const cia = (await mentionsOf('cia')).length;
    const fbi = (await mentionsOf('fbi')).length;
    const merged = await nb.host.entities.merge({ id: 'fbi', into: 'cia' });
    expect(merged.aliases).toContain('FBI');
    expect((await mentionsOf('cia')).length).toBe(cia + fbi);
    expect((await nb.host.entities.get({ id: 'fbi' })).id).toBe('cia');
    expect((await nb.host.entities.resolve({ ref: 'fbi' })).id).toBe('cia');
    const [edit] = await nb.host.entities.history({ id: 'cia' });
    expect(edit).toMatchObject({ action: 'merge', entityIds: ['fbi', 'cia'] });
    await nb.host.entities.undo({ editId: edit!.id });
    expect((await mentionsOf('fbi')).length).toBe(fbi);
    expect((await mentionsOf('cia')).length).toBe(cia);
  });

  it('splits chosen mentions into a new entity, and deletes an entity', async () => {
    const mentions = await mentionsOf('china');
    const chosen = mentions.slice(0, 2).map((m) => m.mentionId);
    const split = await nb.host.entities.split({ id: 'china', mentionIds: chosen, name: 'Mainland China', type: 'place' });
    // The chosen spans become a person's links of the new entity (new mention ids, same places).
    const where = (m: { sourceId: string; passageAnchor: string; before: string }) => `${m.sourceId}#${m.passageAnchor}@${m.before.length}`;
    expect((await mentionsOf(split.id)).map(where).sort()).toEqual(mentions.slice(0, 2).map(where).sort());
    expect((await mentionsOf('china')).length).toBe(mentions.length - 2);
    await nb.host.entities.delete({ id: split.id });
    await expect(nb.host.entities.get({ id: split.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(nb.host.entities.merge({ id: 'cia', into: 'cia' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('the graph and the timeline', () => {
  it('weights co-occurrence by passages, filters by type, lists the passages of an edge, and exports escaped files', async () => {
    const graph = await nb.host.entities.graph({});
    expect(graph.nodes.length).toBeGreaterThan(20);
    const edge = graph.edges.sort((a, b) => b.weight - a.weight)[0]!;
    const passages = await nb.host.entities.coMentions({ a: edge.source, b: edge.target });
    expect(passages.length).toBe(edge.weight);
    const people = await nb.host.entities.graph({ types: ['person'] });
    expect(people.nodes.every((n) => n.type === 'person')).toBe(true);
    const hostile = { nodes: [{ id: 'x', name: '<b>&"x"', type: 'person' as const, mentionCount: 1 }], edges: [] };
    expect(graphToGraphml(hostile)).toContain('&lt;b&gt;&amp;&quot;x&quot;');
    expect(graphToGexf(hostile)).toContain('label="&lt;b>&amp;&quot;x&quot;"');
    expect(graphToGexf(hostile)).not.toContain('<b>');
  });

  it('reads dates stated in passages with chrono-node, and filters by entity', async () => {
    const all = await nb.host.entities.timeline({});
    expect(all.some((i) => i.kind === 'stated' && /^\d{4}-\d{2}/.test(i.date))).toBe(true);
    expect(all.map((i) => i.date)).toEqual([...all.map((i) => i.date)].sort());
    const mss = await nb.host.entities.timeline({ entityId: 'mss' });
    expect(mss.length).toBeGreaterThan(0);
    expect(mss.every((i) => i.entityIds.includes('mss'))).toBe(true);
  });
});
