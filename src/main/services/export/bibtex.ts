import type { CitableWork, WorkDate, WorkName, WorkType } from './work';

/**
 * biblatex entries (pandoc reads them with -f biblatex or -f bibtex). Entry types and fields follow
 * the biblatex manual: @online for web pages (the site in `organization`), @article with
 * `entrysubtype = {newspaper}` and `journaltitle` for newspaper articles, @report with
 * `institution` for reports, `urldate` for the access date, `shorttitle` for the short title.
 */
const ENTRY_TYPES: Record<WorkType, string> = {
  webpage: 'online',
  'post-weblog': 'online',
  'article-newspaper': 'article',
  'article-magazine': 'article',
  'article-journal': 'article',
  report: 'report',
  book: 'book',
  chapter: 'incollection',
  thesis: 'thesis',
  legislation: 'misc',
  speech: 'misc',
  interview: 'misc',
  document: 'misc',
};

/** Where biblatex puts the container: a site in `organization`, a periodical in `journaltitle`, a book in `booktitle`. */
function containerField(type: WorkType): string {
  if (type === 'webpage' || type === 'post-weblog') return 'organization';
  if (type === 'chapter') return 'booktitle';
  return type.startsWith('article') ? 'journaltitle' : 'howpublished';
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
const escape = (text: string) => text.replace(/\s+/g, ' ').replace(/[\\{}$&%#_^~]/g, (c) => BIBTEX_ESCAPES[c]!);

/** "von Last, Jr, First"; organisations are double-braced so no one splits them. */
function bibtexName(name: WorkName): string {
  if ('literal' in name) return `{${escape(name.literal)}}`;
  const last = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const first = [name.given, name['dropping-particle']].filter(Boolean).join(' ');
  if (name.suffix) return [last, name.suffix, first].map(escape).join(', ');
  return first ? `${escape(last)}, ${escape(first)}` : escape(last);
}

const isoDate = (date: WorkDate) =>
  'literal' in date ? null : date.parts.map((x, i) => (i ? String(x).padStart(2, '0') : String(x))).join('-');

function bibtexKey(work: CitableWork, used: Set<string>): string {
  const first = work.authors[0];
  const who = first ? ('family' in first ? first.family : first.literal.split(/\s+/)[0]!) : (work.title ?? 'source').split(/\s+/)[0]!;
  const year = work.issued && 'parts' in work.issued ? String(work.issued.parts[0]) : '';
  const base =
    (who + year)
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]/g, '')
      .toLowerCase() || work.id.replace(/[^A-Za-z0-9]/g, '');
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}${String.fromCharCode(96 + Math.min(n - 1, 26))}${n > 27 ? n : ''}`;
  used.add(key);
  return key;
}

function fieldsOf(work: CitableWork): [string, string][] {
  const fields: [string, string][] = [];
  const add = (name: string, value: string | null | undefined) => value && fields.push([name, value]);
  if (work.type === 'article-newspaper') add('entrysubtype', 'newspaper');
  if (work.type === 'article-magazine') add('entrysubtype', 'magazine');
  if (work.title) add('title', `{${escape(work.title)}}`);
  if (work.titleShort) add('shorttitle', `{${escape(work.titleShort)}}`);
  if (work.authors.length) add('author', work.authors.map(bibtexName).join(' and '));
  if (work.issued) {
    const iso = isoDate(work.issued);
    if (iso && 'parts' in work.issued) {
      add('year', String(work.issued.parts[0]));
      if (work.issued.parts[1]) add('month', String(work.issued.parts[1]));
      add('date', iso);
    } else if ('literal' in work.issued) add('note', escape(`Date: ${work.issued.literal}`));
  }
  if (work.containerTitle) add(containerField(work.type), escape(work.containerTitle));
  if (work.publisher) add(work.type === 'report' || work.type === 'thesis' ? 'institution' : 'publisher', escape(work.publisher));
  if (work.publisherPlace) add('location', escape(work.publisherPlace));
  if (work.volume) add('volume', escape(work.volume));
  if (work.issue) add('number', escape(work.issue));
  if (work.page) add('pages', escape(work.page.replace(/[–—]/g, '--')));
  if (work.issn) add('issn', escape(work.issn));
  if (work.isbn) add('isbn', escape(work.isbn));
  if (work.doi) add('doi', work.doi.replace(/[{}\s]/g, encodeURIComponent));
  if (work.url) add('url', work.url.replace(/[{}\s]/g, encodeURIComponent));
  if (work.accessed) add('urldate', isoDate(work.accessed));
  // biblatex's keywords: a comma-separated list (a tag holds no comma: sources.tag refuses one).
  if (work.keywords.length) add('keywords', work.keywords.map(escape).join(', '));
  return fields;
}

export function worksToBibtex(works: CitableWork[]): string {
  const used = new Set<string>();
  return works
    .map((work) => {
      const fields = fieldsOf(work);
      return `@${ENTRY_TYPES[work.type]}{${bibtexKey(work, used)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}`;
    })
    .join('\n\n')
    .concat('\n');
}
