import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareImport } from '../../../src/main/services/import/prepare';
import { suggestEntities, type Candidate } from '../../../src/main/services/import/suggest';
import { freshNotebook } from '../helpers';
import { EVAL_DIR, type EvalNotebook } from './evalCorpus';

interface JudgedSuggestion {
  file: string;
  type: Candidate['type'];
  name: string;
  good: boolean;
  note?: string;
}

const judged = (JSON.parse(fs.readFileSync(path.join(EVAL_DIR, 'suggestion-labels.json'), 'utf8')) as { cases: JudgedSuggestion[] }).cases;
const files = [...new Set(judged.map((j) => j.file))].sort();

/**
 * Suggestions on real text (issue 12): the whole document is read, titles become roles, family
 * names in capitals are written in the person's usual form, fragments are rejected. Precision is
 * measured against judged suggestions for eleven evaluation texts and must be at least 90 %.
 */
describe('entity suggestions on real text', () => {
  let nb: EvalNotebook;
  const made = new Map<string, Candidate[]>();
  beforeAll(async () => {
    nb = freshNotebook();
    for (const file of files) {
      const prepared = await prepareImport(nb.repos, file, fs.readFileSync(path.join(EVAL_DIR, 'texts', file)));
      made.set(file, prepared.candidates);
    }
  }, 120_000);
  afterAll(() => nb.close());

  it('are at least 90 % precise on the judged set', () => {
    const verdict = new Map(judged.map((j) => [`${j.file}\u0000${j.type}\u0000${j.name}`, j.good]));
    let good = 0;
    const bad: string[] = [];
    for (const [file, candidates] of made)
      for (const c of candidates) {
        if (verdict.get(`${file}\u0000${c.type}\u0000${c.name}`) === true) good++;
        else bad.push(`${file}: ${c.type} "${c.name}"`);
      }
    const total = good + bad.length;
    console.log(
      `suggestions on ${files.length} texts: precision ${((good / total) * 100).toFixed(1)} % (${good}/${total}); not good: ${bad.join('; ')}`,
    );
    expect(good / total).toBeGreaterThanOrEqual(0.9);
  });

  it('read the whole document, strip titles into roles and write family names in capitals in their usual form', () => {
    const find = (file: string, name: string) => made.get(file)?.find((c) => c.name === name);
    // The head of state sits far into a profile, past the first 4,000 characters.
    expect(find('factbook-ec.txt', 'Rafael Correa')).toMatchObject({ type: 'person', role: 'President' });
    expect(find('factbook-ch.txt', 'Li Keqiang')).toMatchObject({ type: 'person', role: 'Premier' });
    expect(find('factbook-ch.txt', 'Mao Zedong')).toMatchObject({ type: 'person' });
    expect(find('factbook-gm.txt', 'Angela Merkel')).toMatchObject({ type: 'person', role: 'Chancellor' });
    expect(find('factbook-sc.txt', 'Elizabeth II')).toMatchObject({ type: 'person', role: 'Queen' });
    const names = [...made.values()].flat().map((c) => c.name);
    // Xi Jinping is curated: "XI Jinping" links to him and is not suggested again.
    for (const fragment of [
      'Xi Jinping',
      'XI Jinping',
      'Premier LI',
      'Premier Li',
      'KIM',
      'Kim',
      'Christopher-Nevis-',
      'Roman Catholic',
      'Chancellor Angela',
    ])
      expect(names, fragment).not.toContain(fragment);
  });

  it('propose another form of a known entity as its alias', () => {
    const entities = [
      { id: 'greitens', type: 'person', names: ['Sheena Chestnut Greitens'] },
      { id: 'cia', type: 'organization', names: ['CIA'] },
    ];
    const found = suggestEntities(
      [{ text: 'Professor Sheena Greitens said the Central Intelligence Agency (CIA) had tried. Greitens added more.' }],
      new Set(['sheena chestnut greitens', 'cia']),
      entities,
    );
    expect(found.find((c) => c.name === 'Sheena Greitens')).toMatchObject({ type: 'person', aliasOf: 'greitens', role: 'Professor' });
    expect(found.find((c) => c.name === 'Central Intelligence Agency')).toMatchObject({ type: 'organization', aliasOf: 'cia' });
  });
});
