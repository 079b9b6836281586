import type { SourceMetadata } from '../../../shared/domain';
import type { BibliographyFormat } from '../../../shared/export';
import { cslDate, cslName, toCslItem, type CslItem } from './csl';
import { webAddress } from '../../../shared/url';

export interface BibSource {
  id: string;
  metadata: SourceMetadata;
  mediaType: string;
}

/** CSL-JSON as Zotero and Pandoc read it; ids are the notebook's source ids. */
export function sourcesToCslJson(sources: BibSource[]): CslItem[] {
  return sources.map((s) => {
    const item = toCslItem(s.id, s.metadata, { mediaType: s.mediaType, shielded: false });
    if (!s.metadata.title?.trim()) delete item.title;
    return item;
  });
}

// BibTeX's special characters, escaped so any title reads back exactly as written.
const BIBTEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};
const bibtexEscape = (text: string) => text.replace(/\s+/g, ' ').replace(/[\\{}$&%#_^~]/g, (c) => BIBTEX_ESCAPES[c]!);

function bibtexKey(source: BibSource, used: Set<string>): string {
  const first = source.metadata.authors[0];
  const name = first ? cslName(first) : null;
  const who = name
    ? 'family' in name
      ? name.family
      : name.literal.split(/\s+/)[0]!
    : (source.metadata.title ?? 'source').split(/\s+/)[0]!;
  const year = /^\d{4}/.exec(source.metadata.issued ?? '')?.[0] ?? '';
  const base =
    (who + year)
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]/g, '')
      .toLowerCase() || source.id.replace(/[^A-Za-z0-9]/g, '');
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}${String.fromCharCode(96 + Math.min(n - 1, 26))}${n > 27 ? n : ''}`;
  used.add(key);
  return key;
}

/** biblatex-style @online/@misc entries; organisations are double-braced so no one splits them. */
export function sourcesToBibtex(sources: BibSource[]): string {
  const used = new Set<string>();
  return sources
    .map((s) => {
      const m = s.metadata;
      const fields: [string, string][] = [];
      if (m.title?.trim()) fields.push(['title', `{${bibtexEscape(m.title.trim())}}`]);
      const authors = m.authors.map((a) => a.trim()).filter(Boolean);
      if (authors.length) {
        fields.push([
          'author',
          authors
            .map((a) => {
              const n = cslName(a);
              return 'literal' in n
                ? `{${bibtexEscape(a)}}`
                : `${bibtexEscape(a.split(/\s+/).at(-1)!)}, ${bibtexEscape(a.split(/\s+/).slice(0, -1).join(' '))}`;
            })
            .join(' and '),
        ]);
      }
      const date = cslDate(m.issued);
      if (date && 'date-parts' in date) {
        const [y, mo, d] = date['date-parts'][0]!;
        fields.push(['year', String(y)]);
        if (mo) fields.push(['month', String(mo)]);
        fields.push([
          'date',
          [y, mo, d]
            .filter((x) => x !== undefined)
            .map((x, i) => (i ? String(x).padStart(2, '0') : String(x)))
            .join('-'),
        ]);
      } else if (m.issued?.trim()) fields.push(['note', bibtexEscape(`Date: ${m.issued.trim()}`)]);
      if (m.publisher?.trim()) fields.push(['publisher', bibtexEscape(m.publisher.trim())]);
      const url = webAddress(m.url);
      if (url) fields.push(['url', url.replace(/[{}\s]/g, encodeURIComponent)]);
      const type = s.mediaType === 'application/pdf' ? 'misc' : 'online';
      return `@${type}{${bibtexKey(s, used)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}`;
    })
    .join('\n\n')
    .concat('\n');
}

/** RIS records (TY … ER) with CRLF line ends, as the format's specification asks. */
export function sourcesToRis(sources: BibSource[]): string {
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\s+/g, ' ').trim()}`;
  return sources
    .map((s) => {
      const m = s.metadata;
      const lines = [line('TY', s.mediaType === 'application/pdf' ? 'GEN' : 'ELEC'), line('ID', s.id)];
      if (m.title?.trim()) lines.push(line('TI', m.title));
      for (const author of m.authors.map((a) => a.trim()).filter(Boolean)) {
        const n = cslName(author);
        lines.push(line('AU', 'literal' in n ? author : `${author.split(/\s+/).at(-1)}, ${author.split(/\s+/).slice(0, -1).join(' ')}`));
      }
      const date = cslDate(m.issued);
      if (date && 'date-parts' in date) {
        const [y, mo, d] = date['date-parts'][0]!;
        lines.push(line('PY', String(y)));
        lines.push(line('DA', `${y}/${mo ? String(mo).padStart(2, '0') : ''}/${d ? String(d).padStart(2, '0') : ''}/`));
      } else if (m.issued?.trim()) lines.push(line('N1', `Date: ${m.issued}`));
      if (m.publisher?.trim()) lines.push(line('PB', m.publisher));
      const url = webAddress(m.url);
      if (url) lines.push(line('UR', url));
      lines.push('ER  - ');
      return lines.join('\r\n');
    })
    .join('\r\n\r\n')
    .concat('\r\n');
}

export function formatBibliography(sources: BibSource[], format: BibliographyFormat): string {
  if (format === 'csljson') return JSON.stringify(sourcesToCslJson(sources), null, 2) + '\n';
  if (format === 'bibtex') return sourcesToBibtex(sources);
  return sourcesToRis(sources);
}
