import { useState } from 'react';
import { displayName, isLiteralName, parseName, type AuthorName } from '../../../../shared/names';

/** One author as the form edits it: a person's parts or an organisation's whole name. */
export interface AuthorRow {
  key: number;
  kind: 'person' | 'organisation';
  family: string;
  given: string;
  particle: string;
  /** The particle is dropped when only the family name prints ("Beethoven"), else kept ("von der Leyen"). */
  particleDrops: boolean;
  suffix: string;
  familyFirst: boolean;
  literal: string;
}

let nextKey = 1;

export function toRow(name: AuthorName): AuthorRow {
  const row: AuthorRow = {
    key: nextKey++,
    kind: 'person',
    family: '',
    given: '',
    particle: '',
    particleDrops: false,
    suffix: '',
    familyFirst: false,
    literal: '',
  };
  if (isLiteralName(name)) return { ...row, kind: 'organisation', literal: name.literal };
  const drops = !!name['dropping-particle'] && !name['non-dropping-particle'];
  return {
    ...row,
    family: name.family,
    given: name.given ?? '',
    particle: name['non-dropping-particle'] ?? name['dropping-particle'] ?? '',
    particleDrops: drops,
    suffix: name.suffix ?? '',
    familyFirst: !!name.familyFirst,
  };
}

/** The row as a CSL name; a person row with only one part filled is written whole. */
export function fromRow(row: AuthorRow): AuthorName | null {
  if (row.kind === 'organisation') return row.literal.trim() ? { literal: row.literal.trim() } : null;
  const family = row.family.trim();
  if (!family) return row.given.trim() ? { literal: row.given.trim() } : null;
  const particle = row.particle.trim();
  return {
    family,
    ...(row.given.trim() && { given: row.given.trim() }),
    ...(particle && (row.particleDrops ? { 'dropping-particle': particle } : { 'non-dropping-particle': particle })),
    ...(row.suffix.trim() && { suffix: row.suffix.trim() }),
    ...(row.familyFirst && { familyFirst: true }),
  };
}

interface Props {
  rows: AuthorRow[];
  onChange: (rows: AuthorRow[]) => void;
}

function AuthorFields({ row, set }: { row: AuthorRow; set: (patch: Partial<AuthorRow>) => void }) {
  const text = (key: 'family' | 'given' | 'particle' | 'suffix' | 'literal', label: string, placeholder = '') => (
    <label className={`author-${key}`}>
      <span>{label}</span>
      <input name={`author-${key}`} value={row[key]} placeholder={placeholder} onChange={(e) => set({ [key]: e.currentTarget.value })} />
    </label>
  );
  if (row.kind === 'organisation') return text('literal', 'Organisation (written whole)', 'e.g. Ministry of State Security');
  return (
    <>
      {text('family', 'Family name')}
      {text('given', 'Given names')}
      {text('particle', 'Particle', 'von der, van, de')}
      {text('suffix', 'Suffix', 'Jr., III')}
      <label className="author-check">
        <input type="checkbox" checked={row.familyFirst} onChange={(e) => set({ familyFirst: e.currentTarget.checked })} /> Family name
        first (Xie Maosong)
      </label>
      {row.particle.trim() && (
        <label className="author-check">
          <input type="checkbox" checked={row.particleDrops} onChange={(e) => set({ particleDrops: e.currentTarget.checked })} /> Drop the
          particle with the given names (Beethoven, not van Beethoven)
        </label>
      )}
    </>
  );
}

/**
 * Authors field by field, in citation order. A name typed or pasted whole is split the way
 * import splits names (family-name-first names, particles, suffixes), for the person to check.
 */
export function AuthorsEditor({ rows, onChange }: Props) {
  const [whole, setWhole] = useState('');
  const update = (key: number, patch: Partial<AuthorRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (index: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    onChange(next);
  };
  const add = () => {
    if (!whole.trim()) return onChange([...rows, toRow({ family: '' })]);
    onChange([...rows, toRow(parseName(whole))]);
    setWhole('');
  };
  return (
    <fieldset className="authors-editor">
      <legend>Authors</legend>
      {rows.length === 0 && <p className="status">No authors: citations begin with the title.</p>}
      <ol>
        {rows.map((row, i) => {
          const name = fromRow(row);
          return (
            <li key={row.key} className="author-row" aria-label={`Author ${i + 1}`}>
              <div className="author-kind" role="radiogroup" aria-label={`Author ${i + 1} is`}>
                <label>
                  <input type="radio" checked={row.kind === 'person'} onChange={() => update(row.key, { kind: 'person' })} /> Person
                </label>
                <label>
                  <input type="radio" checked={row.kind === 'organisation'} onChange={() => update(row.key, { kind: 'organisation' })} />{' '}
                  Organisation
                </label>
                <span className="author-reads">{name ? `Reads: ${displayName(name)}` : 'Empty: not saved'}</span>
              </div>
              <div className="author-fields">
                <AuthorFields row={row} set={(patch) => update(row.key, patch)} />
              </div>
              <div className="author-actions">
                <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move author ${i + 1} up`}>
                  ↑
                </button>
                <button type="button" disabled={i === rows.length - 1} onClick={() => move(i, 1)} aria-label={`Move author ${i + 1} down`}>
                  ↓
                </button>
                <button type="button" onClick={() => onChange(rows.filter((r) => r.key !== row.key))} aria-label={`Remove author ${i + 1}`}>
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="author-add">
        <input
          name="author-whole"
          value={whole}
          placeholder="Type a name to add, e.g. Ursula von der Leyen"
          aria-label="Name to add"
          onChange={(e) => setWhole(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add}>
          Add author
        </button>
      </div>
    </fieldset>
  );
}
