import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { freshNotebook } from '../helpers';

type TestNotebook = ReturnType<typeof freshNotebook>;
let nb: TestNotebook;
beforeAll(() => (nb = freshNotebook()));
afterAll(() => nb.close());

const rows = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;

/** The files the app's Export buttons download and the CLI prints: one call, the views' filters. */
describe('entity views as files', () => {
  it('writes the entities and every mention, of all types or one, as CSV and JSON', async () => {
    const all = await nb.host.entities.list({});
    const csv = await nb.host.entities.exportFile({ what: 'entities', format: 'csv' });
    expect(csv).toMatchObject({ fileName: 'entities.csv', mediaType: 'text/csv; charset=utf-8', count: all.length });
    expect(rows(csv.text).map((r) => r.id)).toEqual(all.map((e) => e.id));
    const people = await nb.host.entities.exportFile({ what: 'entities', format: 'json', type: 'person' });
    const parsed = JSON.parse(people.text) as { type: string }[];
    expect(people.fileName).toBe('entities-person.json');
    expect(parsed.length).toBe(all.filter((e) => e.type === 'person').length);
    expect(new Set(parsed.map((e) => e.type))).toEqual(new Set(['person']));

    const mentions = await nb.host.entities.exportFile({ what: 'mentions', format: 'csv', type: 'organization' });
    const mentionRows = rows(mentions.text);
    expect(mentions.count).toBe(mentionRows.length);
    expect(mentionRows.length).toBe(all.filter((e) => e.type === 'organization').reduce((sum, e) => sum + e.mentionCount, 0));
    // Each row's offsets cut its surface out of the passage as the reader shows it.
    const mss = mentionRows.find((r) => r.entity_id === 'mss')!;
    expect(Number(mss.end) - Number(mss.start)).toBe(mss.surface!.length);
  });

  it('writes the graph with its filters (GraphML, GEXF, JSON) and the timeline with its own (CSV, JSON)', async () => {
    const query = { types: ['person' as const, 'organization' as const], minWeight: 2 };
    const graph = await nb.host.entities.graph(query);
    const json = await nb.host.entities.exportFile({ what: 'graph', format: 'json', ...query });
    expect(JSON.parse(json.text)).toEqual(graph);
    const graphml = await nb.host.entities.exportFile({ what: 'graph', format: 'graphml', ...query });
    expect(graphml).toMatchObject({ fileName: 'entity-graph.graphml', mediaType: 'application/graphml+xml', count: graph.nodes.length });
    expect(graphml.text.match(/<node /g)).toHaveLength(graph.nodes.length);
    expect(graphml.text.match(/<edge /g)).toHaveLength(graph.edges.length);
    const gexf = await nb.host.entities.exportFile({ what: 'graph', format: 'gexf', ...query });
    expect(gexf.text).toContain('<gexf');

    const items = await nb.host.entities.timeline({ entityId: 'mss' });
    const timeline = await nb.host.entities.exportFile({ what: 'timeline', format: 'csv', entityId: 'mss' });
    expect(timeline.count).toBe(items.length);
    expect(rows(timeline.text).map((r) => r.date)).toEqual(items.map((i) => i.date));
  });

  it('refuses a format a view has not, saying which ones it has', async () => {
    await expect(nb.host.entities.exportFile({ what: 'graph', format: 'csv' } as never)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/format.*json.*graphml.*gexf/),
    });
    await expect(nb.host.entities.exportFile({ what: 'timeline', format: 'gexf' } as never)).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
