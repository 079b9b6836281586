import { BIBLIOGRAPHY_FORMATS, CITATION_STYLES, EXPORT_FORMATS, PAPER_SIZES, REPORT_LOCALES } from '../../shared/export';
import type { CommandSpec } from './types';

/*
 * What each command is, for help, usage errors and the parser: names, usage lines, options. Its
 * code lives in commands/<file>.ts and is loaded only when it runs (commands/index.ts), so `help`
 * and each command load no other command's code (docs/benchmarks.md, "Command line").
 */

export const EDIT_VERBS = ['create', 'rename', 'type', 'alias', 'merge', 'split', 'delete', 'history', 'undo'];

export const ENTITY_EDIT_USAGE = `entity create <name> --type T [--alias A]… | rename <ref> <new name> | type <ref> <type>
  | alias add|remove <ref> <alias> | merge <ref> --into <ref> | split <ref> --ids 1,2 --name <name> [--type T]
  | delete <ref> | history <ref> | undo <edit id>`;

export const SOURCE_VERBS = ['tag', 'untag', 'rename-tag', 'delete', 'restore', 'purge'];

export const SOURCE_USAGE = `source <id> [--passages] [--json]
  | source tag <id> <tag>… | source untag <id> <tag>… | source rename-tag <old> <new>
  | source delete <id> [--keep-citations] | source restore <id> | source purge <id> (a deleted source, for good)`;

export const citeSpec = {
  name: 'cite',
  usage: 'cite <source-id> --quote "exact words" [--occurrence N] (--note <id> | --new-note "Title") [--json]',
  summary: "Cite exact words of a source's current text in a note (typography-blind: quotes, dashes, spaces).",
  options: {
    quote: { type: 'string', description: 'the exact words to cite' },
    occurrence: { type: 'string', description: 'which occurrence, 1-based, when the words occur more than once' },
    note: { type: 'string', description: 'the note to add the citation to' },
    'new-note': { type: 'string', description: 'create a note with this title holding the citation' },
  },
} satisfies CommandSpec;

export const entityEditSpec = {
  name: 'entity',
  usage: ENTITY_EDIT_USAGE,
  summary: 'Edit entities.',
  options: {
    type: { type: 'string', description: 'create/split: the entity type' },
    alias: { type: 'string', multiple: true, description: 'create: an alias (repeatable)' },
    into: { type: 'string', description: 'merge: the entity that absorbs the other' },
    ids: { type: 'string', description: 'split: the mention ids to move, comma-separated' },
    name: { type: 'string', description: 'split: the new entity’s name' },
  },
} satisfies CommandSpec;

export const entitiesSpec = {
  name: 'entities',
  usage: 'entities [--type person|organization|place|law|event] [--format csv|json] [--mentions] [--json]',
  summary: 'List entities with their mention counts; --format csv|json exports them, with --mentions every mention.',
  options: {
    type: { type: 'string', description: 'only this type' },
    format: { type: 'string', description: 'csv or json: an export of the entities (or, with --mentions, of their mentions)' },
    mentions: { type: 'boolean', description: 'with --format: export every mention rather than the entities' },
  },
} satisfies CommandSpec;

export const entitySpec = {
  name: 'entity',
  usage: `entity <id|name|alias> [--mentions] [--json]  |  entity ${EDIT_VERBS.join('|')} …  (see entity <verb> --help)`,
  summary:
    'Show one entity (with --mentions every mention in context), or edit entities: create, rename, alias, type, merge, split, delete, history, undo.',
  options: {
    mentions: { type: 'boolean', description: 'include every mention with its context' },
    ...entityEditSpec.options,
  },
} satisfies CommandSpec;

export const exportSpec = {
  name: 'export',
  usage: `export <note-id...> [--model report.json] --format ${EXPORT_FORMATS.join('|')} [--style ${CITATION_STYLES.join('|')}] [--locale ${REPORT_LOCALES.join('|')}] [--paper ${PAPER_SIZES.join('|')}] -o FILE`,
  summary: 'Export notes as a cited report (Markdown, HTML, PDF, DOCX, or a .zip evidence pack).',
  options: {
    format: { type: 'string', description: `one of ${EXPORT_FORMATS.join(', ')}` },
    style: { type: 'string', description: `citation style: ${CITATION_STYLES.join(', ')} (default chicago)` },
    output: { type: 'string', short: 'o', description: 'file to write' },
    title: { type: 'string', description: "report title (default: the first note's title)" },
    locale: { type: 'string', description: `report language: ${REPORT_LOCALES.join(', ')} (default: the style's, en-GB for Harvard)` },
    paper: { type: 'string', description: `PDF/DOCX page size: ${PAPER_SIZES.join(', ')} (default: letter for en-US, a4 otherwise)` },
    model: { type: 'string', description: 'export a report model (JSON) instead of notes' },
    endnotes: { type: 'boolean', description: 'endnotes instead of footnotes' },
    'no-bibliography': { type: 'boolean', description: 'leave out the bibliography' },
    'no-quotes': { type: 'boolean', description: 'leave the quoted words out of the notes' },
    strict: { type: 'boolean', description: 'refuse to write when a citation is not yet reviewed or fails its check' },
  },
} satisfies CommandSpec;

export const bibliographySpec = {
  name: 'bibliography',
  usage: `bibliography --format ${BIBLIOGRAPHY_FORMATS.join('|')} [--sources id,...] [--notes id,...] [-o FILE]`,
  summary: 'Export sources as CSL-JSON, BibTeX or RIS: the given ones, those the notes cite, or all.',
  options: {
    format: { type: 'string', description: `one of ${BIBLIOGRAPHY_FORMATS.join(', ')}` },
    sources: { type: 'string', description: 'comma-separated source ids (default: all sources)' },
    notes: { type: 'string', description: 'comma-separated note ids: the sources they cite' },
    output: { type: 'string', short: 'o', description: 'file to write (default: standard output)' },
  },
} satisfies CommandSpec;

export const graphSpec = {
  name: 'graph',
  usage: 'graph [--type person,organization] [--source ID] [--min-weight N] --json | --graphml | --gexf',
  summary: 'The co-occurrence graph of entities (passages in which both appear), as JSON, GraphML or GEXF (opens in Gephi).',
  options: {
    type: { type: 'string', description: 'only these types, comma-separated' },
    source: { type: 'string', description: 'only this source' },
    'min-weight': { type: 'string', description: 'only edges seen in at least N passages' },
    graphml: { type: 'boolean', description: 'print GraphML' },
    gexf: { type: 'boolean', description: 'print GEXF' },
  },
} satisfies CommandSpec;

export const timelineSpec = {
  name: 'timeline',
  usage: 'timeline [--entity REF] [--type person,event] --json | --csv',
  summary: 'Dated events, source dates and dates stated in passages (read by chrono-node), oldest first.',
  options: {
    entity: { type: 'string', description: 'only items about this entity' },
    type: { type: 'string', description: 'only items about entities of these types' },
    csv: { type: 'boolean', description: 'print CSV' },
  },
} satisfies CommandSpec;

export const importSpec = {
  name: 'import',
  usage: 'import <files or folders...> [--new-version-of <source id>] [--max-size MB] [--json]',
  summary: 'Import .txt, .md, .html, .pdf and .docx files (folders are read recursively).',
  options: {
    'new-version-of': { type: 'string', description: 'the one file given is a new version of this source' },
    'max-size': { type: 'string', description: 'largest file to accept, in MB (default 200)' },
  },
} satisfies CommandSpec;

export const doctorSpec = {
  name: 'doctor',
  usage: 'doctor [--export-notes FOLDER] [--repair [--to FILE]] [--rebuild-index] [--json]',
  summary: 'Check the notebook for damage; save every readable note as Markdown; write a repaired copy; rebuild the search index.',
  options: {
    'export-notes': { type: 'string', description: 'write every note that can be read as Markdown into this folder' },
    repair: { type: 'boolean', description: 'write a repaired copy of the notebook (restore it with `sourcebook restore FILE`)' },
    to: { type: 'string', description: 'where --repair writes the copy (default: beside the notebook)' },
    'rebuild-index': { type: 'boolean', description: 'rebuild the search index from the notebook' },
  },
} satisfies CommandSpec;

export const backupSpec = {
  name: 'backup',
  usage: 'backup [--to FILE] [--list] [--json]',
  summary: 'Copy the notebook, consistently, into its backups folder (or FILE); --list shows the backups.',
  options: {
    to: { type: 'string', description: 'write the backup here instead of the backups folder' },
    list: { type: 'boolean', description: 'list the backups instead of making one' },
  },
} satisfies CommandSpec;

export const restoreSpec = {
  name: 'restore',
  usage: 'restore <FILE|latest> [--json]',
  summary: 'Replace the notebook with a backup (checked first; the current notebook is kept). Close the app first.',
} satisfies CommandSpec;

export const notesSpec = {
  name: 'notes',
  usage: 'notes [--trash] [--tag T] [--json]',
  summary: 'List notes (with --trash, the notes in the trash).',
  options: {
    trash: { type: 'boolean', description: 'list the trash instead' },
    tag: { type: 'string', description: 'only notes with this tag' },
  },
} satisfies CommandSpec;

export const noteSpec = {
  name: 'note',
  usage: 'note create --title T [--from-markdown FILE] | note <id> [--markdown] [--json]',
  summary: 'Create a note (optionally from Markdown), or print one; --markdown gives citations as footnotes.',
  options: {
    title: { type: 'string', description: 'title of the new note' },
    'from-markdown': { type: 'string', description: 'Markdown file to fill the new note from' },
    markdown: { type: 'boolean', description: 'print the note as Markdown with footnotes' },
  },
} satisfies CommandSpec;

export const openSpec = {
  name: 'open',
  usage: 'open [--no-open] [--browser] [--port N] [--json]',
  summary: 'Open the notebook: the desktop window where Electron is installed, else the loopback shell in Chromium/Chrome.',
  options: {
    'no-open': { type: 'boolean', description: 'serve and print the URL without opening a window' },
    browser: { type: 'boolean', description: 'use the loopback shell even where Electron is installed' },
    port: { type: 'string', description: 'port for the loopback shell (default: random)' },
  },
} satisfies CommandSpec;

export const reviewSpec = {
  name: 'review',
  usage: 'review [--json] | review <note-id>/<key> (--accept | --keep-pinned | --remove) [--json]',
  summary: 'List the citations whose source text changed and that wait for a decision, or decide one.',
  options: {
    accept: { type: 'boolean', description: 'take the proposed new words (the citation moves to the current text)' },
    'keep-pinned': { type: 'boolean', description: 'keep citing the version the words were taken from' },
    remove: { type: 'boolean', description: 'remove the citation from its note (the note as it was is kept as a revision)' },
  },
} satisfies CommandSpec;

export const searchSpec = {
  name: 'search',
  usage: 'search "<query>" [--limit N] | --batch <terms file> [--csv] [--json]',
  summary:
    'Search passages, sources, entities and notes (filters: entity: source: type: from: to: undated:); --batch counts each term by source',
  options: {
    limit: { type: 'string', description: 'results per kind (default 10)' },
    batch: { type: 'string', description: 'a file of terms, one per line or CSV (first column)' },
    csv: { type: 'boolean', description: 'with --batch: print the table as CSV' },
  },
} satisfies CommandSpec;

export const sourcesSpec = {
  name: 'sources',
  usage: 'sources [--tag T] [--deleted] [--json]',
  summary: 'List the sources in the notebook (with --tag only those tagged T; --deleted those deleted).',
  options: {
    tag: { type: 'string', description: 'only sources with this tag' },
    deleted: { type: 'boolean', description: 'list the deleted sources instead' },
  },
} satisfies CommandSpec;

export const sourceSpec = {
  name: 'source',
  usage: SOURCE_USAGE,
  summary: 'Show one source (with --passages its numbered passages); tag, untag, delete, restore or purge it.',
  options: {
    passages: { type: 'boolean', description: 'include the passages' },
    'keep-citations': { type: 'boolean', description: 'delete: the citations of a cited source keep their pinned version' },
  },
} satisfies CommandSpec;

export const verifySpec = {
  name: 'verify',
  usage: 'verify <pack.zip|folder> [--max-mb N] [--json]',
  summary: 'Verify an evidence pack offline: every file, hash and quote, and the quotes in its report.',
  options: {
    'max-mb': { type: 'string', description: 'inflate at most this many megabytes in all (default 1024)' },
  },
} satisfies CommandSpec;
