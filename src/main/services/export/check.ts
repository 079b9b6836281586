import { createHash } from 'node:crypto';
import type {
  CitationCheck,
  CitationProblem,
  CitationProblemKind,
  ReportCitation,
  ReportInline,
  ReportModel,
} from '../../../shared/export';
import { isUndecided } from '../../../shared/notes';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The text a citation was pinned to, exactly as stored. */
export interface PinnedText {
  text: string;
  /** SHA-256 of `text` as UTF-8, computed when it was read for this export. */
  sha256: string;
}

export type PinnedTextLookup = (sourceId: string, versionId: string) => PinnedText | undefined;

/** Integrity failures outrank undecided citations: the words themselves are in doubt. */
const SEVERITY: Record<CitationProblemKind, number> = { changed: 1, lost: 2, unverified: 3, altered: 4 };

const UNDECIDED_MESSAGES: Record<'changed' | 'lost', string> = {
  changed: 'Not yet reviewed: the source changed and the quoted words differ or moved; decide in Review.',
  lost: 'Not yet reviewed: the quoted passage is no longer in the source; decide in Review.',
};

export interface CitationVerdict {
  /** null: nothing to flag. */
  problem: CitationProblemKind | null;
  /** True when the pinned text hashes as recorded and holds the quote byte for byte at its recorded place. */
  verified: boolean;
  message: string | null;
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/** Re-hashes the pinned text, compares with the hash recorded at citing, and finds the quote at its offsets. */
function verify(citation: ReportCitation, pinned: PinnedText | undefined, sourceKnown: boolean): CitationVerdict {
  if (!sourceKnown) return { problem: 'unverified', verified: false, message: `The source ${citation.sourceId} is not in the report.` };
  if (!pinned)
    return {
      problem: 'unverified',
      verified: false,
      message: `The pinned text (version ${citation.versionId}) of source ${citation.sourceId} is no longer in the notebook.`,
    };
  if (citation.textSha256 && citation.textSha256 !== pinned.sha256) {
    return {
      problem: 'altered',
      verified: false,
      message: `The stored text of ${citation.sourceId} (version ${citation.versionId}) changed after it was cited: its SHA-256 is ${short(pinned.sha256)}, it was ${short(citation.textSha256)} when cited.`,
    };
  }
  if (!citation.quote) return { problem: 'unverified', verified: false, message: 'The citation has no quoted text.' };
  if (pinned.text.slice(citation.start, citation.end) === citation.quote) return { problem: null, verified: true, message: null };
  return {
    problem: 'unverified',
    verified: false,
    message: pinned.text.includes(citation.quote)
      ? `The quoted words are in the pinned source text, but not at their recorded place (${citation.start}–${citation.end}).`
      : 'The quoted words are not in the pinned source text.',
  };
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
 * The check behind every export: each cited quote against the stored text it was pinned to (its
 * hash as recorded when cited, then the words at their offsets), combined with the status the
 * notes service recorded. A citation not yet decided (changed, lost) is flagged however sound its
 * text; a failed integrity check outranks that. `--strict` refuses any problem.
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
      const message = `The citation ${citationId} is missing from the report.`;
      verdicts.set(citationId, { problem: 'unverified', verified: false, message });
      problems.push({ citationId, sourceId: '', sectionId, sectionTitle, status: 'unverified', message, quote: '' });
      continue;
    }
    const known = sources.has(citation.sourceId);
    const checked = verify(citation, known ? lookup(citation.sourceId, citation.versionId) : undefined, known);
    const undecided = isUndecided(citation.status) ? (citation.status as 'changed' | 'lost') : null;
    let verdict: CitationVerdict = checked;
    if (undecided && (!checked.problem || SEVERITY[checked.problem] < SEVERITY[undecided])) {
      const message = citation.statusDetail ? `Not yet reviewed: ${citation.statusDetail}` : UNDECIDED_MESSAGES[undecided];
      verdict = { problem: undecided, verified: checked.verified, message };
    }
    verdicts.set(citationId, verdict);
    if (checked.verified) verified += 1;
    if (verdict.problem)
      problems.push({
        citationId,
        sourceId: citation.sourceId,
        sectionId,
        sectionTitle,
        status: verdict.problem,
        message: verdict.message!,
        quote: citation.quote,
      });
  }
  return { check: { citations: verdicts.size, verified, problems }, verdicts };
}
