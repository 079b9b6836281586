import type { CitationCheck, ExportFormat, ExportOptions, ReportModel, ResolvedReport } from '../../../shared/export';
import type { CitationVerdict, PinnedText } from './check';
import { buildEvidencePack } from './evidence';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { renderPrintHtml } from './render-print';
import { resolveReport } from './resolve';

/** Everything rendering needs, as plain data, so it can run on a worker thread without the store. */
export interface RenderJob {
  model: ReportModel;
  options: ExportOptions;
  check: CitationCheck;
  verdicts: [string, CitationVerdict][];
  /** Pinned texts by `sourceId \0 versionId`; only the evidence pack reads them. */
  pinned: [string, PinnedText][];
  resourcesDir: string;
  /** null: only the resolved report (preview). 'pdf': the HTML to print. */
  format: ExportFormat | null;
}

export type RenderOutput = { resolved: ResolvedReport; data?: Uint8Array; html?: string };

export const pinnedKey = (sourceId: string, versionId: string) => `${sourceId}\u0000${versionId}`;

export async function runRenderJob(job: RenderJob): Promise<RenderOutput> {
  const resolved = resolveReport(job.model, job.options, job.check, job.resourcesDir);
  const encode = (text: string) => new TextEncoder().encode(text);
  switch (job.format) {
    case null:
      return { resolved };
    case 'md':
      return { resolved, data: encode(renderMarkdown(resolved)) };
    case 'html':
      return { resolved, data: encode(renderHtml(resolved)) };
    case 'pdf':
      return { resolved, html: renderPrintHtml(resolved) };
    case 'docx':
      return { resolved, data: await renderDocx(resolved) };
    case 'zip': {
      const pinned = new Map(job.pinned);
      const lookup = (sourceId: string, versionId: string) => pinned.get(pinnedKey(sourceId, versionId));
      const files = { html: renderHtml(resolved), markdown: renderMarkdown(resolved) };
      return { resolved, data: buildEvidencePack(job.model, resolved, files, lookup, new Map(job.verdicts)) };
    }
  }
}
