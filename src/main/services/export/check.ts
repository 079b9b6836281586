import { createHash } from 'node:crypto';
import type { CitationCheck, CitationProblem, CitationStatus, ReportCitation, ReportInline, ReportModel } from '../../../shared/export';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The text a citation was pinned to, exactly as stored. */
export interface PinnedText {
  text: string;
  /** SHA-256 of `text` as UTF-8. */
  sha256: string;
}

export type PinnedTextLookup = (sourceId: string, versionId: string) => PinnedText | undefined;

const SEVERITY: Record<CitationStatus, number> = { ok: 0, moved: 1, review: 2, orphaned: 3 };

const DEFAULT_MESSAGES: Record<Exclude<CitationStatus, 'ok'>, string> = {
  moved: 'The quoted passage moved in a newer version of the source.',
  review: 'The citation needs review: its quote no longer matches the source.',
  orphaned: 'The citation lost its source passage.',
};

export interface CitationVerdict {
  status: CitationStatus;
  /** True when the quote is found byte for byte at its recorded place in the pinned text. */
  verified: boolean;
  message: string | null;
}

function verify(citation: ReportCitation, pinned: PinnedText | undefined, sourceKnown: boolean): CitationVerdict {
  if (!sourceKnown) return { status: 'orphaned', verified: false, message: `The source ${citation.sourceId} is not in the report.` };
  if (!pinned)
    return {
      status: 'orphaned',
      verified: false,
      message: `The pinned text (version ${citation.versionId}) of source ${citation.sourceId} is no longer in the notebook.`,
    };
  if (!citation.quote) return { status: 'review', verified: false, message: 'The citation has no quoted text.' };
  if (pinned.text.slice(citation.start, citation.end) === citation.quote) return { status: 'ok', verified: true, message: null };
  if (pinned.text.includes(citation.quote)) {
    return { status: 'moved', verified: false, message: 'The quote is in the pinned source text, but not at its recorded place.' };
  }
  return { status: 'review', verified: false, message: 'The quoted words are not in the pinned source text.' };
}

function* citeIds(inlines: ReportInline[]): Generator<string> {
  for (const inline of inlines) if (inline.kind === 'cite') yield inline.citationId;
}

/** Citation ids in reading order, with the section each first appears in. */
export function citationOccurrences(model: ReportModel): { citationId: string; sectionId: string; sectionTitle: string }[] {
  const out: { citationId: string; sectionId: string; sectionTitle: string }[] = [];
  for (const section of model.sections) {
    for (const block of section.blocks) {
      const lines = block.kind === 'list' ? block.items : [block.content];
      for (const line of lines)
        for (const citationId of citeIds(line)) out.push({ citationId, sectionId: section.id, sectionTitle: section.title });
    }
  }
  return out;
}

/**
 * Verifies every cited quote against the text it was pinned to and combines that with the status
 * the notes service recorded: the worse of the two wins, so the check can only add warnings.
 */
export function checkReport(
  model: ReportModel,
  lookup: PinnedTextLookup,
): { check: CitationCheck; verdicts: Map<string, CitationVerdict> } {
  const citations = new Map(model.citations.map((c) => [c.id, c]));
  const sources = new Set(model.sources.map((s) => s.id));
  const verdicts = new Map<string, CitationVerdict>();
  const problems: CitationProblem[] = [];
  let verified = 0;
  for (const { citationId, sectionId, sectionTitle } of citationOccurrences(model)) {
    if (verdicts.has(citationId)) continue;
    const citation = citations.get(citationId);
    if (!citation) {
      const verdict: CitationVerdict = {
        status: 'orphaned',
        verified: false,
        message: `The citation ${citationId} is missing from the report.`,
      };
      verdicts.set(citationId, verdict);
      problems.push({ citationId, sourceId: '', sectionId, sectionTitle, status: 'orphaned', message: verdict.message!, quote: '' });
      continue;
    }
    const checked = verify(
      citation,
      sources.has(citation.sourceId) ? lookup(citation.sourceId, citation.versionId) : undefined,
      sources.has(citation.sourceId),
    );
    const recordedWorse = SEVERITY[citation.status] > SEVERITY[checked.status];
    const status = recordedWorse ? citation.status : checked.status;
    const message =
      status === 'ok'
        ? null
        : recordedWorse
          ? (citation.statusDetail ?? DEFAULT_MESSAGES[citation.status as Exclude<CitationStatus, 'ok'>])
          : checked.message;
    const verdict: CitationVerdict = { status, verified: checked.verified, message };
    verdicts.set(citationId, verdict);
    if (checked.verified) verified += 1;
    if (status !== 'ok')
      problems.push({ citationId, sourceId: citation.sourceId, sectionId, sectionTitle, status, message: message!, quote: citation.quote });
  }
  return { check: { citations: verdicts.size, verified, problems }, verdicts };
}
