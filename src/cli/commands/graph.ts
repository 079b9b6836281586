import type { EntityType } from '../../shared/domain';
// graphology and papaparse load only for the command that writes with them: the CLI starts without them.
import type { Runner } from './types';

const types = (v: unknown) => (typeof v === 'string' ? { types: v.split(',') as EntityType[] } : {});

export const graphCommand: Runner = {
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

export const timelineCommand: Runner = {
  async run(ctx, _, options) {
    const entityId = typeof options.entity === 'string' ? (await ctx.host.entities.resolve({ ref: options.entity })).id : undefined;
    const items = await ctx.host.entities.timeline({ ...(entityId ? { entityId } : {}), ...types(options.type) });
    if (options.csv === true) return ctx.out((await import('../../main/services/entities/exports')).timelineCsv(items).trimEnd());
    if (ctx.json) return ctx.out(JSON.stringify(items, null, 2));
    for (const i of items) ctx.out(`${i.date}\t${i.kind}\t${i.label}`);
  },
};
