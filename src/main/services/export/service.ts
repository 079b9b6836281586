import type { TaskProgress } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import {
  DEFAULT_EXPORT_OPTIONS,
  EXPORT_EXTENSIONS,
  EXPORT_MEDIA_TYPES,
  BIBLIOGRAPHY_EXTENSIONS,
  sanitizeFileName,
  type BibliographyFormat,
  type CitationCheck,
  type ExportFormat,
  type ExportOptions,
  type ExportResult,
  type ReportModel,
  type ReportSource,
  type ResolvedReport,
} from '../../../shared/export';
import type { Repositories } from '../store/repositories';
import { formatBibliography } from './bibliography';
import { checkReport, sha256Hex, type PinnedText, type PinnedTextLookup } from './check';
import { chromiumPrintToPdf, type PrintToPdf } from './render-pdf';
import type { OriginalFile } from './evidence';
import { pinnedKey, runRenderJob, type RenderJob } from './render-job';
import { createRenderWorker } from './worker-client';
import type { WorkerGroup } from '../workers';
import { citedSourceIds, notesToReport, reportSource, type GetNote } from './from-notes';

export interface ExportDeps {
  repos: Repositories;
  resourcesDir: string;
  /** Reads a note with its stored citations (the notes feature's `notes.get`). */
  getNote?: GetNote;
  printToPdf?: PrintToPdf;
  /** Render on the calling thread (benchmarks of the rendering itself); the app uses the worker. */
  inline?: boolean;
  progress?: (payload: TaskProgress) => void;
  /** Who starts the render worker: the notebook's group, so closing the notebook stops it. */
  workers?: Pick<WorkerGroup, 'start'>;
}

export type ReportInput = { noteIds?: string[]; title?: string; report?: ReportModel };

/** Pinned texts come from the store; versions are immutable, so a lookup is cached per export. */
export function storeLookup(repos: Repositories): PinnedTextLookup {
  const cache = new Map<string, PinnedText | undefined>();
  return (sourceId, versionId) => {
    const key = `${sourceId}\u0000${versionId}`;
    if (!cache.has(key)) {
      const version = repos.sources.version(versionId);
      cache.set(key, version && version.sourceId === sourceId ? { text: version.text, sha256: sha256Hex(version.text) } : undefined);
    }
    return cache.get(key);
  };
}

export function createExportService(deps: ExportDeps) {
  const { repos } = deps;
  const printToPdf = deps.printToPdf ?? chromiumPrintToPdf();
  const worker = createRenderWorker(deps.workers);

  function storeSource(id: string): ReportSource {
    const source = reportSource(repos, id);
    if (!source) throw new ApiError('not_found', `No source with id "${id}".`);
    return source;
  }

  /** The store is the truth for metadata: a report given whole gets its sources' current records. */
  function hydrate(model: ReportModel): ReportModel {
    return {
      ...model,
      sources: model.sources.map((s) => reportSource(repos, s.id) ?? s),
    };
  }

  async function reportFrom(input: ReportInput): Promise<ReportModel> {
    if (input.report) return hydrate(input.report);
    if (!deps.getNote) throw new ApiError('invalid_input', 'Exporting notes is not available in this build: the notes feature is missing.');
    return notesToReport(deps.getNote, repos, input.noteIds ?? [], input.title);
  }

  /** Reads and checks on this thread (fast, needs the store); formats and renders on the worker. */
  async function render(input: ReportInput, options: Partial<ExportOptions> | undefined, format: ExportFormat | null) {
    const model = await reportFrom(input);
    const lookup = storeLookup(repos);
    const { check, verdicts } = checkReport(model, lookup);
    const pinned: [string, PinnedText][] = [];
    const originals: [string, OriginalFile][] = [];
    if (format === 'zip') {
      const seen = new Set<string>();
      for (const c of model.citations) {
        const key = pinnedKey(c.sourceId, c.versionId);
        const text = lookup(c.sourceId, c.versionId);
        if (!text || seen.has(key)) continue;
        seen.add(key);
        pinned.push([key, text]);
        const version = repos.sources.version(c.versionId);
        const bytes = version ? repos.sources.original(version.id) : undefined;
        if (version && bytes)
          originals.push([key, { bytes, mediaType: version.mediaType, fileName: version.fileName, versionSha256: version.sha256 }]);
      }
    }
    const job: RenderJob = {
      model,
      options: { ...DEFAULT_EXPORT_OPTIONS, ...stripUndefined(options ?? {}) },
      check,
      verdicts: [...verdicts],
      pinned,
      originals,
      resourcesDir: deps.resourcesDir,
      format,
    };
    const output = deps.inline ? await runRenderJob(job) : await worker.render(job);
    return { model, check, output };
  }

  return {
    close: () => worker.close(),

    async check(input: ReportInput): Promise<CitationCheck> {
      const model = await reportFrom(input);
      return checkReport(model, storeLookup(repos)).check;
    },

    async preview(input: ReportInput, options?: Partial<ExportOptions>): Promise<ResolvedReport> {
      return (await render(input, options, null)).output.resolved;
    },

    /** Renders one format; bytes only, the caller decides where they are written. */
    async run(input: ReportInput, format: ExportFormat, options?: Partial<ExportOptions>): Promise<ExportResult & { data: Uint8Array }> {
      const task = `export-${Date.now()}`;
      const step = (label: string, done: number, finished = false) => deps.progress?.({ task, label, done, total: 3, finished });
      step(`Formatting citations for ${format.toUpperCase()}`, 0);
      let data: Uint8Array;
      let model: ReportModel;
      let check: CitationCheck;
      try {
        const rendered = await render(input, options, format);
        ({ model, check } = rendered);
        if (format === 'pdf') {
          step('Printing PDF', 2);
          data = await printToPdf(rendered.output.html!);
        } else data = rendered.output.data!;
      } finally {
        step('Done', 3, true);
      }
      const fileName = sanitizeFileName(model.title, EXPORT_EXTENSIONS[format]);
      return {
        fileName,
        mediaType: EXPORT_MEDIA_TYPES[format],
        base64: Buffer.from(data).toString('base64'),
        bytes: data.length,
        check,
        data,
      };
    },

    async bibliography(input: { format: BibliographyFormat; sourceIds?: string[]; noteIds?: string[] }) {
      let ids: string[];
      if (input.sourceIds) ids = input.sourceIds;
      else if (input.noteIds) {
        if (!deps.getNote)
          throw new ApiError('invalid_input', 'Bibliographies of notes need the notes feature, which is missing in this build.');
        ids = await citedSourceIds(deps.getNote, input.noteIds);
      } else ids = repos.sources.list().map((s) => s.id);
      const sources = [...new Set(ids)].map((id) => ({ ...storeSource(id), tags: repos.sourceTags.bySource(id) }));
      const text = formatBibliography(sources, input.format);
      const mediaType = {
        csljson: 'application/vnd.citationstyles.csl+json',
        bibtex: 'application/x-bibtex; charset=utf-8',
        ris: 'application/x-research-info-systems',
      }[input.format];
      return { fileName: sanitizeFileName('bibliography', BIBLIOGRAPHY_EXTENSIONS[input.format]), mediaType, text, count: sources.length };
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
