import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SearchHost } from '../../../src/main/services/search/host';
import { addSource, freshNotebook, hitsOf, hostFor, label } from './helpers';

// Worker threads and CLI processes start slowly on a loaded machine: generous limits, never sleeps.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 600_000 });

/**
 * The quality gaps of issue 14, each pinned by a small corpus built for it beside the seeds:
 * typos in inflected words, the last word completed and corrected, typos that are rare real
 * words, frequent corrections, swapped letters, names typed one letter short, proximity over
 * shortness, word forms per language, and date filters that say what they left out.
 */
const filler = (n: number, word: string) =>
  Array.from({ length: n }, (_, i) => `Routine ${word} entry number ${i} about harbour logistics.`);

describe('search quality', () => {
  let notebook: ReturnType<typeof freshNotebook>;
  let host: SearchHost;
  beforeAll(async () => {
    notebook = freshNotebook();
    addSource(notebook, 'q-inflect', ['According to the customs report, the shipment was delayed.']);
    addSource(notebook, 'q-cigar', ['He smoked a huge cigar on the balcony.', 'Ciardi wrote the preface.']);
    addSource(notebook, 'q-judicial', [
      ...Array.from({ length: 30 }, (_, i) => `The judicial review number ${i} was scheduled.`),
      'A lone judicia typo sits here with nothing else.',
    ]);
    addSource(notebook, 'q-frequent', [...filler(700, 'information'), 'The information about Zygote Holdings was leaked.']);
    addSource(notebook, 'q-names', [
      'Chen Wenqing visited Beijing for a briefing.',
      'The Beijing office prepared another briefing on Wenqing.',
      'Officials in Beijing were briefed twice.',
    ]);
    addSource(notebook, 'q-proximity', [
      'Falcon landed first; a long list of unrelated remarks, notes, digressions and asides follows before Kestrel appears at last.',
      'In a much longer passage about birds of prey, observers wrote at length about weather, wind, seasons and the habits of many other birds before saying that the Falcon Kestrel pair nested on the old tower near the river bend this spring.',
    ]);
    addSource(notebook, 'q-french', [
      "Les ministères de la Sécurité d'État ont publié plusieurs avertissements aux fonctionnaires du gouvernement concernant les applications étrangères.",
      'Le ministère a aussi averti les journalistes étrangers présents dans la capitale pendant la réunion annuelle du parlement.',
    ]);
    addSource(notebook, 'q-english-forms', ['Investigators were running checks on every courier.']);
    host = hostFor(notebook.dataDir);
    await host.start(() => {});
  });
  afterAll(() => {
    host.close();
    notebook.close();
  });

  const top = (q: string, n = 3) => hitsOf(host.query(q, { limit: n })).map(label);

  it('corrects a typo in an inflected word (on surface words, not stems)', () => {
    expect(top('accordig customs')).toContain('q-inflect ¶1');
    expect(top('accordig ')).toContain('q-inflect ¶1');
  });

  it('completes the last word as a prefix and corrects it too', () => {
    expect(top('a huge ciar')).toContain('q-cigar ¶1');
    expect(top('ciard')).toContain('q-cigar ¶2');
  });

  it('offers alternatives to a typo that is itself a rare real word', () => {
    const hits = top('judicia review', 10);
    expect(hits.filter((h) => h.startsWith('q-judicial')).length).toBeGreaterThan(1);
  });

  it('keeps a frequent correction: no candidate budget cuts it', () => {
    expect(top('infromation zygote')).toContain('q-frequent ¶701');
    expect(top('zygote infromation')).toContain('q-frequent ¶701');
  });

  it('forgives swapped letters', () => {
    expect(top('Wenqign')).toEqual(expect.arrayContaining(['q-names ¶1']));
    expect(top('Chen Wenqign ')).toContain('q-names ¶1');
  });

  it('never says "No results" one letter before the end of a name', () => {
    for (const q of ['Beiji', 'Beijin', 'Beijing', 'Wenqin', 'briefin']) expect(top(q, 5).length, q).toBeGreaterThan(0);
    expect(top('Beijin', 5).filter((h) => h.startsWith('q-names')).length).toBe(3);
  });

  it('does not stem names the wrong way, and names still meet their plural', () => {
    // "Beijing" is not "beij": a word sharing only the English stem is not a form of the name.
    expect(top('beij ', 5)).toEqual([]);
    expect(top('Uighurs factories', 3)).toContain('seed-000 ¶13');
  });

  it('ranks words side by side above a shorter passage holding them apart', () => {
    expect(top('Falcon Kestrel', 2)[0]).toBe('q-proximity ¶2');
  });

  it('finds word forms with the stemmer of the source language', () => {
    expect(top('ministère avertissement', 5)).toContain('q-french ¶1');
    expect(top('runs checks', 3)).toContain('q-english-forms ¶1');
  });

  it('says what a date range left out instead of silently dropping undated sources', () => {
    const response = host.query('WeChat entity:mss from:2020');
    expect(response.notices?.join(' ')).toMatch(/undated source/);
    expect(response.filters).toMatchObject({ entity: ['mss'], from: '2020' });
    const included = host.query('WeChat entity:mss from:2020 undated:include');
    expect(hitsOf(included).length).toBeGreaterThan(0);
    expect(included.notices ?? []).toEqual([]);
  });
});
