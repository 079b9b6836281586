import fs from 'node:fs';
import path from 'node:path';
import { commitImport } from '../../../src/main/services/import/commit';
import { prepareImport } from '../../../src/main/services/import/prepare';
import { ROOT, freshNotebook } from '../helpers';

/** The entity-evaluation texts (tests/fixtures/entity-eval/texts): World Factbook profiles and written prose, none from the seeds. */
export const EVAL_DIR = path.join(ROOT, 'tests/fixtures/entity-eval');
export const evalFiles = () =>
  fs
    .readdirSync(path.join(EVAL_DIR, 'texts'))
    .filter((f) => f.endsWith('.txt'))
    .sort();

export type EvalNotebook = ReturnType<typeof freshNotebook>;

/** Imports every evaluation text into the notebook in-process (the import worker's own two steps), returning file → source id. */
export async function importEvalTexts(nb: EvalNotebook): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const file of evalFiles()) {
    const prepared = await prepareImport(nb.repos, file, fs.readFileSync(path.join(EVAL_DIR, 'texts', file)));
    sources.set(file, commitImport(nb.store, prepared).sourceId);
  }
  return sources;
}

/** Where the nth occurrence of `surface` (a substring of the passages, in order) lies: passage id and offset. */
export function locate(nb: EvalNotebook, versionId: string, surface: string, occurrence: number) {
  let seen = 0;
  for (const passage of nb.repos.passages.byVersion(versionId)) {
    for (let at = passage.text.indexOf(surface); at !== -1; at = passage.text.indexOf(surface, at + 1)) {
      if (++seen === occurrence) return { passageId: passage.id, start: at, end: at + surface.length };
    }
  }
  return undefined;
}
