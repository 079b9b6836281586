import type { CitableWork, WorkDate, WorkName, WorkType } from './work';

/**
 * RIS records (TY … ER) with CRLF line ends, as the format's specification asks, with the tags
 * Zotero, EndNote and Mendeley read: the container (site, newspaper, journal) in T2, the access
 * date in Y2, the short title in ST.
 */
const RIS_TYPES: Record<WorkType, string> = {
  webpage: 'ELEC',
  'post-weblog': 'BLOG',
  'article-newspaper': 'NEWS',
  'article-magazine': 'MGZN',
  'article-journal': 'JOUR',
  report: 'RPRT',
  book: 'BOOK',
  chapter: 'CHAP',
  thesis: 'THES',
  legislation: 'STAT',
  speech: 'GEN',
  interview: 'GEN',
  document: 'GEN',
};

function risName(name: WorkName): string {
  if ('literal' in name) return name.literal;
  const last = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const first = [name.given, name['dropping-particle']].filter(Boolean).join(' ');
  return [last, first, name.suffix].filter(Boolean).join(', ');
}

/** RIS dates are YYYY/MM/DD/ with empty parts left empty. */
const risDate = (date: Extract<WorkDate, { parts: unknown }>) => {
  const [y, m, d] = date.parts;
  return `${y}/${m ? String(m).padStart(2, '0') : ''}/${d ? String(d).padStart(2, '0') : ''}/`;
};

export function worksToRis(works: CitableWork[]): string {
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\s+/g, ' ').trim()}`;
  return works
    .map((work) => {
      const lines = [line('TY', RIS_TYPES[work.type]), line('ID', work.id)];
      if (work.title) lines.push(line('TI', work.title));
      if (work.titleShort) lines.push(line('ST', work.titleShort));
      for (const name of work.authors) lines.push(line('AU', risName(name)));
      if (work.issued && 'parts' in work.issued) {
        lines.push(line('PY', String(work.issued.parts[0])));
        lines.push(line('DA', risDate(work.issued)));
      } else if (work.issued) lines.push(line('N1', `Date: ${work.issued.literal}`));
      if (work.containerTitle) lines.push(line('T2', work.containerTitle));
      if (work.publisher) lines.push(line('PB', work.publisher));
      if (work.publisherPlace) lines.push(line('CY', work.publisherPlace));
      if (work.volume) lines.push(line('VL', work.volume));
      if (work.issue) lines.push(line('IS', work.issue));
      if (work.page) {
        const [start, end] = work.page.split(/\s*[-–—]+\s*/);
        lines.push(line('SP', start!));
        if (end) lines.push(line('EP', end));
      }
      if (work.doi) lines.push(line('DO', work.doi));
      for (const number of [work.issn, work.isbn]) if (number) lines.push(line('SN', number));
      if (work.url) lines.push(line('UR', work.url));
      if (work.accessed && 'parts' in work.accessed) lines.push(line('Y2', risDate(work.accessed)));
      // One KW line a keyword: the tags Zotero and EndNote import as the item's tags.
      for (const keyword of work.keywords) lines.push(line('KW', keyword));
      lines.push('ER  - ');
      return lines.join('\r\n');
    })
    .join('\r\n\r\n')
    .concat('\r\n');
}
