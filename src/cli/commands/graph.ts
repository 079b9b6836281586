import type { EntityType } from '../../shared/domain';
import type { Runner } from './types';

const types = (v: unknown) => (typeof v === 'string' ? { types: v.split(',') as EntityType[] } : {});

export const graphCommand: Runner = {
  async run(ctx, _, options) {
    const query = {
      ...types(options.type),
      ...(typeof options.source === 'string' ? { sourceId: options.source } : {}),
      ...(typeof options['min-weight'] === 'string' ? { minWeight: Number(options['min-weight']) } : {}),
    };
    // Files are the ones the app's Export buttons download.
    const format = options.graphml === true ? 'graphml' : options.gexf === true ? 'gexf' : null;
    if (format) return ctx.out((await ctx.host.entities.exportFile({ what: 'graph', format, ...query })).text.trimEnd());
    const graph = await ctx.host.entities.graph(query);
    if (ctx.json) return ctx.out(JSON.stringify(graph, null, 2));
    ctx.out(`${graph.nodes.length} entities, ${graph.edges.length} links; --json, --graphml or --gexf prints them.`);
  },
};

export const timelineCommand: Runner = {
  async run(ctx, _, options) {
    const entityId = typeof options.entity === 'string' ? (await ctx.host.entities.resolve({ ref: options.entity })).id : undefined;
    const filter = { ...(entityId ? { entityId } : {}), ...types(options.type) };
    if (options.csv === true)
      return ctx.out((await ctx.host.entities.exportFile({ what: 'timeline', format: 'csv', ...filter })).text.trimEnd());
    const items = await ctx.host.entities.timeline(filter);
    if (ctx.json) return ctx.out(JSON.stringify(items, null, 2));
    for (const i of items) ctx.out(`${i.date}\t${i.kind}\t${i.label}`);
  },
};
