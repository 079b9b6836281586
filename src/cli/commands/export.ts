import fs from 'node:fs';
import { writeFileAtomically } from '../../main/services/files/atomic';
import { ApiError } from '../../shared/errors';
import {
  BIBLIOGRAPHY_FORMATS,
  CITATION_PROBLEM_LABELS,
  EXPORT_FORMATS,
  type BibliographyFormat,
  type PaperSize,
  type ReportLocale,
  type CitationCheck,
  type CitationStyle,
  type ExportFormat,
  type ExportOptions,
  type ReportModel,
} from '../../shared/export';
import { terminalSafe } from '../../shared/text';
import type { Runner } from './types';
import { writeOut } from '../output';

function problemLines(check: CitationCheck): string[] {
  return check.problems.map(
    (p) => `  ${CITATION_PROBLEM_LABELS[p.status]}: ${p.citationId} in "${p.sectionTitle}" (${p.sourceId || 'no source'}): ${p.message}`,
  );
}

async function readModel(file: string): Promise<ReportModel> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ApiError('invalid_input', `${file}: ${(error as Error).message}`);
  }
  // The schema (zod) is loaded only by the command that reads a model file.
  const { ReportModelSchema } = await import('../../shared/contract/exports');
  const parsed = ReportModelSchema().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ApiError('invalid_input', `${file}: ${issue.path.join('.') || 'report'}: ${issue.message}`);
  }
  return parsed.data;
}

export const exportCommand: Runner = {
  async run(ctx, positionals, options) {
    const format = options.format as ExportFormat | undefined;
    if (!format) throw new ApiError('invalid_input', `--format is required (${EXPORT_FORMATS.join(', ')}).`);
    const output = options.output as string | undefined;
    if (!output) throw new ApiError('invalid_input', '-o FILE is required: exports are written only where you say.');
    // What the user typed is checked by the contract at dispatch (unknown formats, a bad model file).
    const what: { report: ReportModel } | { noteIds: string[]; title?: string } = options.model
      ? { report: await readModel(options.model as string) }
      : { noteIds: positionals, ...(typeof options.title === 'string' ? { title: options.title } : {}) };
    if (!options.model && positionals.length === 0)
      throw new ApiError('invalid_input', 'Name() at least one note id (see `sourcebook notes`), or give --model.');
    const exportOptions: Partial<ExportOptions> = {
      ...(options.style ? { style: options.style as CitationStyle } : {}),
      ...(options.locale ? { locale: options.locale as ReportLocale } : {}),
      ...(options.paper ? { paper: options.paper as PaperSize } : {}),
      notes: options.endnotes ? 'endnotes' : 'footnotes',
      includeBibliography: options['no-bibliography'] !== true,
      includeQuotes: options['no-quotes'] !== true,
    };
    if (options.strict) {
      const check = await ctx.host.export.check(what);
      if (check.problems.length)
        throw new ApiError(
          'conflict',
          `--strict: ${check.problems.length} citation(s) are not yet reviewed or fail their check; nothing written:\n${problemLines(check).join('\n')}`,
        );
    }
    const result = await ctx.host.export.run({ ...what, format, options: exportOptions });
    const file = writeFileAtomically(output, Buffer.from(result.base64, 'base64'));
    if (ctx.json) return ctx.out(JSON.stringify({ file, bytes: result.bytes, mediaType: result.mediaType, check: result.check }, null, 2));
    ctx.out(
      `Wrote ${file} (${result.bytes} bytes): ${result.check.citations} citations, ${result.check.verified} quotes verified against their pinned text.`,
    );
    if (result.check.problems.length) {
      ctx.err(`${result.check.problems.length} citation(s) are marked in the output:\n${problemLines(result.check).join('\n')}`);
    }
  },
};

export const bibliographyCommand: Runner = {
  async run(ctx, _positionals, options) {
    if (!options.format) throw new ApiError('invalid_input', `--format is required (${BIBLIOGRAPHY_FORMATS.join(', ')}).`);
    const list = (v: unknown) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined;
    const input = {
      format: options.format as BibliographyFormat,
      ...(list(options.sources) ? { sourceIds: list(options.sources) } : {}),
      ...(list(options.notes) ? { noteIds: list(options.notes) } : {}),
    };
    const result = await ctx.host.export.bibliography(input);
    if (!options.output) return writeOut(terminalSafe(result.text));
    const file = writeFileAtomically(options.output as string, result.text);
    if (ctx.json) return ctx.out(JSON.stringify({ file, count: result.count }));
    ctx.out(`Wrote ${file}: ${result.count} source(s).`);
  },
};
