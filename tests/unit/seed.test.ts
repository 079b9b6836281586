import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openNotebook } from '../../src/main/services/notebook';
import { sha256 } from '../../src/main/services/corpus/seed';
import { normalizeWhitespace } from '../../src/shared/text';
import { freshNotebook, RESOURCES } from './helpers';

const SEED_DIR = path.join(RESOURCES, 'seed');
const SHARED_SEEDS = path.resolve(RESOURCES, '../../shared/seeds');

let notebook: ReturnType<typeof freshNotebook> | undefined;
afterEach(() => notebook?.close());

describe('seeding', () => {
  it('ships the five seed documents byte for byte', () => {
    const files = fs.readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt'));
    expect(files).toHaveLength(5);
    if (fs.existsSync(SHARED_SEEDS)) {
      for (const f of files)
        expect(sha256(fs.readFileSync(path.join(SEED_DIR, f)))).toBe(sha256(fs.readFileSync(path.join(SHARED_SEEDS, f))));
    }
  });

  it('fills an empty notebook once, and a second launch adds nothing', () => {
    notebook = freshNotebook();
    expect(notebook.seed.seeded).toBe(true);
    expect(notebook.seed.sources).toBe(5);
    const first = { ...notebook.seed };
    notebook.close();
    const again = openNotebook({ dataDir: notebook.dataDir, resourcesDir: RESOURCES });
    expect(again.seed.seeded).toBe(false);
    expect({ ...again.seed, seeded: true }).toEqual(first);
    notebook = Object.assign(again, { dataDir: notebook.dataDir });
  });

  it('keeps the original bytes and their SHA-256 as provenance', () => {
    notebook = freshNotebook();
    for (const s of notebook.repos.sources.list()) {
      const version = notebook.repos.sources.currentVersion(s.id)!;
      const original = notebook.repos.sources.original(version.id)!;
      expect(sha256(original)).toBe(version.sha256);
      expect(original.equals(fs.readFileSync(path.join(SEED_DIR, version.fileName!)))).toBe(true);
    }
  });

  it('stores passages whose offsets slice the original text back to the passage', () => {
    notebook = freshNotebook();
    let checked = 0;
    for (const s of notebook.repos.sources.list()) {
      const version = notebook.repos.sources.currentVersion(s.id)!;
      for (const p of notebook.repos.passages.byVersion(version.id)) {
        expect(normalizeWhitespace(version.text.slice(p.start, p.end))).toBe(p.text);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('never invents metadata the texts do not give', () => {
    notebook = freshNotebook();
    const byId = new Map(notebook.repos.sources.list().map((s) => [s.id, s.metadata]));
    expect(byId.get('seed-000')!.authors).toEqual(['Brianna Taylor']);
    expect(byId.get('seed-000')!.issued).toBeNull();
    expect(byId.get('seed-001')!.issued).toBe('2024-12-15');
    expect(byId.get('seed-002')!.authors).toEqual([]);
    expect(byId.get('seed-002')!.issued).toBeNull();
    expect(byId.get('seed-004')!.authors).toEqual(['Joaquin Camarena']);
  });

  it('leaves out page furniture and related headlines but keeps the article', () => {
    notebook = freshNotebook();
    const texts = notebook.repos.sources.list().flatMap((s) => notebook!.repos.passages.byVersion(s.currentVersionId!).map((p) => p.text));
    for (const furniture of [
      'Spread the love',
      'web hit counter',
      'Comments',
      'Comments are closed.',
      'Latest',
      'More From Me',
      '*',
      'China Cabls',
    ]) {
      expect(texts).not.toContain(furniture);
    }
    expect(texts).not.toContain('Beijing raids offices of consulting firm Capvision in widening crackdown over national security');
    expect(texts).not.toContain('Be alert: China enlists the public in push back at US spying efforts');
    expect(texts.some((t) => t.startsWith('The Beijing office of US due diligence firm Mintz Group'))).toBe(true);
    expect(texts).toContain('Human Rights');
  });

  it('classifies headings, bullets, captions and bylines', () => {
    notebook = freshNotebook();
    const kinds = (id: string) => notebook!.repos.passages.byVersion(notebook!.repos.sources.get(id)!.currentVersionId!);
    const s003 = kinds('seed-003');
    expect(s003[0]!.kind).toBe('title');
    expect(s003.find((p) => p.text === 'Driving the news')!.kind).toBe('heading');
    expect(s003.filter((p) => p.kind === 'bullet').length).toBeGreaterThanOrEqual(12);
    expect(s003.every((p) => !p.text.startsWith('•'))).toBe(true);
    const s004 = kinds('seed-004');
    expect(s004.filter((p) => p.kind === 'caption').length).toBeGreaterThanOrEqual(8);
    expect(s004.filter((p) => p.text === 'Joaquin Camarena')).toHaveLength(1);
    expect(kinds('seed-000').at(-1)).toMatchObject({ kind: 'byline', text: 'Researcher: Brianna Taylor' });
  });

  it('gives every passage a stable anchor unique within its source', () => {
    notebook = freshNotebook();
    const first = notebook.repos.passages.byVersion('v-' + notebook.repos.sources.currentVersion('seed-004')!.sha256.slice(0, 16));
    const anchors = first.map((p) => p.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
    const other = freshNotebook();
    const second = other.repos.passages.byVersion(first[0]!.versionId).map((p) => p.anchor);
    other.close();
    expect(second).toEqual(anchors);
  });
});
