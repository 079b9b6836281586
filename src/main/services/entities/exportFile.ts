import type { Handlers } from '../../../shared/contract';
import type { EntityExportFile } from '../../../shared/domain';
import type { Store } from '../store/store';
import type { EntitiesService } from './service';

type ExportInput = Parameters<Handlers['entities']['exportFile']>[0];

const MEDIA_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  graphml: 'application/graphml+xml',
  gexf: 'application/gexf+xml',
} as const;

const file = (name: string, format: ExportInput['format'], text: string, count: number): EntityExportFile => ({
  fileName: `${name}.${format}`,
  mediaType: MEDIA_TYPES[format],
  text,
  count,
});
const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/**
 * The entity views as files, one place for the app's Export buttons and the CLI. The writers
 * (papaparse, graphology) load here, on first export, not with the app.
 */
export async function entityExportFile(entities: EntitiesService, store: Store, input: ExportInput): Promise<EntityExportFile> {
  switch (input.what) {
    case 'entities': {
      const list = entities.list(input.type);
      const text = input.format === 'csv' ? (await import('./exports')).entitiesCsv(list) : json(list);
      return file(input.type ? `entities-${input.type}` : 'entities', input.format, text, list.length);
    }
    case 'mentions': {
      const details = entities.list(input.type).map((e) => entities.get(e.id));
      const text = input.format === 'csv' ? (await import('./exports')).mentionsCsv(details) : json(details);
      const count = details.reduce((sum, e) => sum + e.mentions.length, 0);
      return file(input.type ? `entity-mentions-${input.type}` : 'entity-mentions', input.format, text, count);
    }
    case 'graph': {
      const { what: _what, format, ...query } = input;
      const graph = await import('./graph');
      const data = graph.entityGraph(store, query);
      const text = format === 'graphml' ? graph.graphToGraphml(data) : format === 'gexf' ? graph.graphToGexf(data) : json(data);
      return file('entity-graph', format, text, data.nodes.length);
    }
    case 'timeline': {
      const { what: _what, format, ...filter } = input;
      const items = (await import('./timeline')).buildTimeline(store, filter);
      const text = format === 'csv' ? (await import('./exports')).timelineCsv(items) : json(items);
      return file('timeline', format, text, items.length);
    }
  }
}
