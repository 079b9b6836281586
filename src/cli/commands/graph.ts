import type { EntityType } from '../../shared/domain';
// graphology and papaparse load only for the command that writes with them: the CLI starts without them.
import type { Command } from './types';

const types = (v: unknown) => (typeof v === 'string' ? { types: v.split(',') as EntityType[] } : {});

export const graphCommand: Command = {
  name: 'graph',
  usage: 'graph [--type person,organization] [--source ID] [--min-weight N] --json | --graphml | --gexf',
  summary: 'The co-occurrence graph of entities (passages in which both appear), as JSON, GraphML or GEXF (opens in Gephi).',
  options: {
    type: { type: 'string', description: 'only these types, comma-separated' },
    source: { type: 'string', description: 'only this source' },
    'min-weight': { type: 'string', description: 'only edges seen in at least N passages' },
    graphml: { type: 'boolean', description: 'print GraphML' },
    gexf: { type: 'boolean', description: 'print GEXF' },
  },
  async run(ctx, _, options) {
    const graph = await ctx.host.entities.graph({
      ...types(options.type),
      ...(typeof options.source === 'string' ? { sourceId: options.source } : {}),
      ...(typeof options['min-weight'] === 'string' ? { minWeight: Number(options['min-weight']) } : {}),
    });
    if (options.graphml === true) return ctx.out((await import('../../main/services/entities/graph')).graphToGraphml(graph).trimEnd());
    if (options.gexf === true) return ctx.out((await import('../../main/services/entities/graph')).graphToGexf(graph).trimEnd());
    if (ctx.json) return ctx.out(JSON.stringify(graph, null, 2));
    ctx.out(`${graph.nodes.length} entities, ${graph.edges.length} links; --json, --graphml or --gexf prints them.`);
  },
};

export const timelineCommand: Command = {
  name: 'timeline',
  usage: 'timeline [--entity REF] [--type person,event] --json | --csv',
  summary: 'Dated events, source dates and dates stated in passages (read by chrono-node), oldest first.',
  options: {
    entity: { type: 'string', description: 'only items about this entity' },
    type: { type: 'string', description: 'only items about entities of these types' },
    csv: { type: 'boolean', description: 'print CSV' },
  },
  async run(ctx, _, options) {
    const entityId = typeof options.entity === 'string' ? (await ctx.host.entities.resolve({ ref: options.entity })).id : undefined;
    const items = await ctx.host.entities.timeline({ ...(entityId ? { entityId } : {}), ...types(options.type) });
    if (options.csv === true) return ctx.out((await import('../../main/services/entities/exports')).timelineCsv(items).trimEnd());
    if (ctx.json) return ctx.out(JSON.stringify(items, null, 2));
    for (const i of items) ctx.out(`${i.date}\t${i.kind}\t${i.label}`);
  },
};
