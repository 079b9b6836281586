import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshNotebook } from '../helpers';
import { EVAL_DIR, importEvalTexts, locate, type EvalNotebook } from './evalCorpus';

interface LabelledSpan {
  file: string;
  surface: string;
  occurrence: number;
  /** The curated entity the span names; null when it names something else; 'uncertain' when the curated data cannot say. */
  entity: string | null;
  note?: string;
}

const labels = (JSON.parse(fs.readFileSync(path.join(EVAL_DIR, 'linking-labels.json'), 'utf8')) as { cases: LabelledSpan[] }).cases;

/**
 * Precision-first linking measured on real text that is not the seeds (issue 12): World Factbook
 * country profiles and news-like prose full of other countries' "Communist Party", "State Council",
 * "MPS", and "apple pie". Every link the import makes must be a labelled span; precision must be
 * at least 98 % and no span labelled as naming something else may link. Recall is reported.
 */
describe('linking real text that is not the seeds', () => {
  let nb: EvalNotebook;
  let sources: Map<string, string>;
  beforeAll(async () => {
    nb = freshNotebook();
    sources = await importEvalTexts(nb);
  }, 120_000);
  afterAll(() => nb.close());

  const versionOf = (file: string) => nb.repos.sources.get(sources.get(file)!)!.currentVersionId!;

  it('has at least 200 labelled spans, true mentions and traps alike', () => {
    expect(labels.length).toBeGreaterThanOrEqual(200);
    expect(labels.filter((l) => l.entity === null).length).toBeGreaterThanOrEqual(50);
    for (const l of labels) expect(sources.has(l.file), l.file).toBe(true);
  });

  it('links with precision of at least 98 %, no false link of a curated entity, and reports recall', () => {
    const wrong: string[] = [];
    const coveredMentions = new Set<number>();
    let links = 0;
    let correct = 0;
    let truths = 0;
    let found = 0;
    let possible = 0;
    for (const l of labels) {
      const versionId = versionOf(l.file);
      const span = locate(nb, versionId, l.surface, l.occurrence);
      expect(span, `${l.file}: occurrence ${l.occurrence} of "${l.surface}"`).toBeDefined();
      const overlaps = (m: { passageId: number; start: number; end: number }) =>
        m.passageId === span!.passageId && m.start < span!.end && span!.start < m.end;
      const mentions = nb.repos.mentions.byVersion(versionId).filter(overlaps);
      mentions.forEach((m) => coveredMentions.add(m.id));
      if (l.entity === 'uncertain') continue;
      if (l.entity !== null) truths++;
      if (nb.repos.possibleMentions.byVersion(versionId).some(overlaps)) possible++;
      for (const m of mentions) {
        links++;
        if (m.entityId === l.entity) correct++;
        else
          wrong.push(
            `${l.file} "${l.surface}" #${l.occurrence} → ${m.entityId} (${m.method}); labelled ${l.entity ?? 'not a curated entity'}`,
          );
      }
      if (l.entity !== null && mentions.some((m) => m.entityId === l.entity)) found++;
    }
    const unlabelled = [...sources.values()]
      .flatMap((id) => nb.repos.mentions.byVersion(nb.repos.sources.get(id)!.currentVersionId!))
      .filter((m) => !coveredMentions.has(m.id))
      .map((m) => `${m.surface} → ${m.entityId} (${m.method})`);

    const precision = correct / links;
    const recall = found / truths;
    console.log(
      `entity linking on ${labels.length} labelled spans (${truths} true mentions): ` +
        `precision ${(precision * 100).toFixed(1)} % (${correct}/${links}), recall ${(recall * 100).toFixed(1)} % (${found}/${truths}); ` +
        `${possible} spans kept as possible mentions`,
    );
    expect(unlabelled, 'links on spans nobody labelled').toEqual([]);
    expect(wrong, 'false links').toEqual([]);
    expect(precision).toBeGreaterThanOrEqual(0.98);
  });
});
