#!/usr/bin/env node
// Sourcebook evidence pack verifier. One file, Node.js 18 or later, no packages, no network.
//
//   node verify.mjs [PACK.zip | FOLDER] [--json] [--max-mb N]
//
// With no argument it verifies the folder it sits in (an unzipped pack). It checks that:
// - every file in the pack is listed in manifest.json, every listed file is there, and each one's
//   SHA-256 and size match (a missing, extra or altered file fails, named);
// - each source's original file (HTML, PDF, DOCX… as imported) hashes to the version's recorded
//   SHA-256, and each source text to its own;
// - each citation's quote is exactly the source text between its offsets (UTF-16 code units);
// - the quotes printed in report.html and report.md are those same words (quotation marks inside
//   a quote may be nested the way the report's locale nests them).
// Nothing is inflated before the zip's directory has shown its sizes to be within the limits
// (--max-mb, default 1024 in all); no entry may inflate beyond its declared size.
// Exit code 0: verified; 1: a check failed; 2: the pack could not be read.
// This file is also `sourcebook verify`, which runs the same code.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export const MANIFEST = 'manifest.json';
export const FORMAT = 'sourcebook-evidence-pack';
const MAX_ENTRIES = 10_000;
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/** Texts (report, sources) are held in memory to compare quotes: at most this much in all. Other files only stream through. */
const MAX_TEXT_BYTES = 256 * 1024 * 1024;

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const utf8 = (bytes, what) => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PackError(`${what} is not valid UTF-8 text`);
  }
};

export class PackError extends Error {}

/** The zip's central directory: names and declared sizes, read before anything is inflated. */
function zipEntries(fd, fileSize, limits) {
  const tail = Math.min(fileSize, 22 + 65535);
  const end = Buffer.alloc(tail);
  fs.readSync(fd, end, 0, tail, fileSize - tail);
  let eocd = -1;
  for (let i = tail - 22; i >= 0; i--) {
    if (end.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new PackError('not a zip file (no end of central directory)');
  const count = end.readUInt16LE(eocd + 10);
  const dirSize = end.readUInt32LE(eocd + 12);
  const dirOffset = end.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new PackError('ZIP64 archives are not Sourcebook evidence packs');
  if (count > MAX_ENTRIES) throw new PackError(`the zip holds ${count} entries; a pack holds at most ${MAX_ENTRIES}`);
  if (dirOffset + dirSize > fileSize) throw new PackError('the zip directory points past the end of the file');
  const dir = Buffer.alloc(dirSize);
  fs.readSync(fd, dir, 0, dirSize, dirOffset);
  const entries = new Map();
  let total = 0;
  for (let n = 0, at = 0; n < count; n++) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== 0x02014b50) throw new PackError('the zip directory is corrupt');
    const flags = dir.readUInt16LE(at + 8);
    const method = dir.readUInt16LE(at + 10);
    const compressed = dir.readUInt32LE(at + 20);
    const size = dir.readUInt32LE(at + 24);
    const nameLength = dir.readUInt16LE(at + 28);
    const skip = nameLength + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
    const local = dir.readUInt32LE(at + 42);
    const name = dir.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + skip;
    if (flags & 1) throw new PackError(`${name}: encrypted entries are not allowed`);
    if (method !== 0 && method !== 8) throw new PackError(`${name}: unsupported compression method ${method}`);
    if (entries.has(name)) throw new PackError(`${name} appears twice in the zip`);
    if (size > limits.maxBytes) throw new PackError(`${name} would inflate to ${size} bytes, more than the limit of ${limits.maxBytes}`);
    total += size;
    if (total > limits.maxBytes) throw new PackError(`the pack would inflate to more than the limit of ${limits.maxBytes} bytes`);
    if (name.endsWith('/')) continue;
    entries.set(name, { method, compressed, size, local });
  }
  return {
    names: [...entries.keys()],
    size: (name) => entries.get(name)?.size ?? 0,
    /** Streams one entry through inflate and SHA-256, never past its declared size; keeps the bytes only when asked. */
    async read(name, keep) {
      const e = entries.get(name);
      if (!e) return undefined;
      const header = Buffer.alloc(30);
      fs.readSync(fd, header, 0, 30, e.local);
      if (header.readUInt32LE(0) !== 0x04034b50) throw new PackError(`${name}: corrupt local header`);
      const start = e.local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      if (start + e.compressed > fileSize) throw new PackError(`${name}: data runs past the end of the file`);
      const sink = digest(name, e.size, keep);
      if (e.compressed > 0) {
        const raw = fs.createReadStream(null, { fd, start, end: start + e.compressed - 1, autoClose: false });
        try {
          await pipeline(raw, ...(e.method === 8 ? [zlib.createInflateRaw()] : []), sink.write);
        } catch (error) {
          if (sink.failure) throw sink.failure;
          if (error instanceof PackError) throw error;
          throw new PackError(`${name}: cannot be inflated (${error.code ?? error.message})`);
        }
      }
      const result = sink.done();
      if (result.size !== e.size) throw new PackError(`${name}: inflates to ${result.size} bytes, not the ${e.size} declared`);
      return result;
    },
  };
}

/** A pipeline's last stage: hashes, counts and (if asked) keeps the bytes, refusing more than `limit`. */
function digest(name, limit, keep) {
  const hash = createHash('sha256');
  const kept = keep ? Buffer.alloc(limit) : undefined;
  let size = 0;
  const sink = {
    failure: undefined,
    async write(source) {
      for await (const chunk of source) {
        size += chunk.length;
        if (size > limit) throw (sink.failure = new PackError(`${name}: cannot be inflated within its declared size of ${limit} bytes`));
        hash.update(chunk);
        if (kept) chunk.copy(kept, size - chunk.length);
      }
    },
    done: () => ({ sha256: hash.digest('hex'), size, data: kept?.subarray(0, size) }),
  };
  return sink;
}

/** An unzipped pack: the same questions asked of a folder. */
function folderEntries(root, limits) {
  const names = [];
  let total = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        total += fs.statSync(full).size;
        if (total > limits.maxBytes) throw new PackError(`the folder holds more than the limit of ${limits.maxBytes} bytes`);
        names.push(path.relative(root, full).split(path.sep).join('/'));
        if (names.length > MAX_ENTRIES) throw new PackError(`the folder holds more than ${MAX_ENTRIES} files`);
      }
    }
  };
  walk(root);
  const sizeOf = (name) => fs.statSync(path.join(root, ...name.split('/'))).size;
  return {
    names,
    size: sizeOf,
    async read(name, keep) {
      if (!names.includes(name)) return undefined;
      const full = path.join(root, ...name.split('/'));
      const sink = digest(name, sizeOf(name), keep);
      await pipeline(fs.createReadStream(full), sink.write);
      return sink.done();
    },
  };
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const unescapeHtml = (s) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) =>
    e[0] === '#' ? String.fromCodePoint(parseInt(e[1] === 'x' || e[1] === 'X' ? e.slice(2) : e.slice(1), e[1] === 'x' || e[1] === 'X' ? 16 : 10)) : (ENTITIES[e.toLowerCase()] ?? m),
  );
/** Markdown escapes ASCII punctuation with a backslash and prints line breaks in a quote as spaces. */
const unescapeMarkdown = (s) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
const oneLine = (s) => s.replace(/\r\n?|\n/g, ' ');
/**
 * Quotes are compared in the notebook's comparison form (src/main/services/notes/textNormalize.ts,
 * docs/citations.md), the rule by which Sourcebook itself decides that two quotes are the same
 * words: NFC; every quotation mark, dash and ellipsis in one form; invisible characters dropped;
 * every run of whitespace one space, none around a dash. Letters, digits, case and all other
 * punctuation count exactly. Reports print a quote inside the locale's quotation marks and nest the
 * marks inside it the way the locale does (en-US “… ‘…’ …”, en-GB ‘… “…” …’), so single and double
 * marks are one mark here. tests/unit/export/verifier-fold.test.ts checks this copy against the app's.
 */
const SINGLE_QUOTES = /['‘’‚‛′`´]/u;
const DOUBLE_QUOTES = /["“”„‟″«»]/u;
const DASHES = /[-‐‑‒–—―−⁃﹘﹣－]/u;
const INVISIBLE = /^(?:\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff)$/u;
const SPACE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const LIGATURE = /[\ufb00-\ufb06]/u;
const COMBINING = /\p{M}/u;

function foldCluster(cluster) {
  if (cluster.length === 1 || !COMBINING.test(cluster.slice(1))) {
    if (INVISIBLE.test(cluster)) return '';
    if (SPACE.test(cluster)) return ' ';
    if (SINGLE_QUOTES.test(cluster)) return "'";
    if (DOUBLE_QUOTES.test(cluster)) return '"';
    if (DASHES.test(cluster)) return '-';
    if (cluster === '…') return '...';
    if (LIGATURE.test(cluster)) return cluster.normalize('NFKC');
  }
  return cluster.normalize('NFC');
}

/** The notebook's comparison form of a quote (the app's normalizeText, without the offsets). */
export function foldQuote(raw) {
  const out = [];
  let i = 0;
  while (i < raw.length) {
    let end = i + (raw.codePointAt(i) > 0xffff ? 2 : 1);
    while (end < raw.length && COMBINING.test(String.fromCodePoint(raw.codePointAt(end)))) end += raw.codePointAt(end) > 0xffff ? 2 : 1;
    const folded = foldCluster(raw.slice(i, end));
    const last = out[out.length - 1];
    if (folded === ' ') {
      if (out.length > 0 && last !== ' ' && last !== '-') out.push(' ');
    } else if (folded === '-') {
      if (last === ' ') out[out.length - 1] = '-';
      else if (last !== '-') out.push('-');
    } else if (folded.length > 0) out.push(...folded);
    i = end;
  }
  if (out[out.length - 1] === ' ') out.pop();
  return out.join('');
}
const marksAsOne = (s) => foldQuote(s).replace(/'/g, '"');
const preview = (s) => JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}…` : s);

/** Checks the quotes the report files print against the pinned source texts. */
function checkReportQuotes(manifest, read, expected, failures) {
  let checked = 0;
  const html = read('report.html');
  if (html) {
    const text = utf8(html, 'report.html');
    const seen = new Map();
    for (const m of text.matchAll(/<[^>]*\bdata-sb-quote="([^"]*)"[^>]*>([^<]*)</g)) {
      const id = unescapeHtml(m[1]);
      const printed = unescapeHtml(m[2]);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const source = expected.get(id);
      if (source === undefined) failures.push(`report.html: quotes citation ${id}, which the manifest does not list`);
      else if (source !== null && marksAsOne(printed) !== marksAsOne(source))
        failures.push(`report.html: the quote of citation ${id} reads ${preview(printed)}; the source says ${preview(source)}`);
      else checked++;
    }
    if (manifest.quotesInReport)
      for (const c of manifest.citations)
        if (c.note !== null && !seen.has(c.id)) failures.push(`report.html: the quote of citation ${c.id} (note ${c.note}) is missing`);
  }
  const md = read('report.md');
  if (md && manifest.quotesInReport) {
    const text = utf8(md, 'report.md');
    for (const c of manifest.citations) {
      const source = expected.get(c.id);
      if (c.note === null || source === null || source === undefined) continue;
      const line = text.split('\n').find((l) => l.startsWith(`[^${c.note}]: `));
      if (!line) failures.push(`report.md: note ${c.note} (citation ${c.id}) is missing`);
      else if (!marksAsOne(unescapeMarkdown(line)).includes(marksAsOne(`"${oneLine(source)}"`)))
        failures.push(`report.md: note ${c.note} does not quote the source's words ${preview(source)} (citation ${c.id})`);
      else checked++;
    }
  }
  return checked;
}

/** Verifies an opened pack. `self` is this verifier's own source, compared with the pack's copy. */
async function verifyEntries(entries, self) {
  const failures = [];
  const notes = [];
  if (!entries.names.includes(MANIFEST)) throw new PackError('manifest.json is missing');
  if (entries.size(MANIFEST) > MAX_MANIFEST_BYTES) throw new PackError('manifest.json is too large');
  const manifestBytes = (await entries.read(MANIFEST, true)).data;
  let manifest;
  try {
    manifest = JSON.parse(utf8(manifestBytes, 'manifest.json'));
  } catch (error) {
    throw error instanceof PackError ? error : new PackError(`manifest.json is not JSON (${error.message})`);
  }
  if (manifest?.format !== FORMAT) throw new PackError('manifest.json is not a Sourcebook evidence pack manifest');
  if (!Array.isArray(manifest.files) || manifest.files.length === 0) throw new PackError('the manifest lists no files');
  if (!Array.isArray(manifest.sources) || !Array.isArray(manifest.citations)) throw new PackError('the manifest lists no sources or citations');

  // Every file listed, every listed file present, each with its hash and size.
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  // Only the texts are kept in memory; every other file (originals can be large) is hashed as it streams by.
  const texts = new Set(['report.html', 'report.md', 'verify.mjs', ...manifest.sources.map((s) => s.path)]);
  let textBytes = 0;
  for (const name of entries.names.filter((n) => texts.has(n))) textBytes += entries.size(name);
  if (textBytes > MAX_TEXT_BYTES) throw new PackError(`the report and source texts hold ${textBytes} bytes, more than the ${MAX_TEXT_BYTES} this verifier reads`);
  const bytesOf = new Map();
  const hashOf = new Map();
  for (const file of manifest.files) {
    const read = entries.names.includes(file.path) ? await entries.read(file.path, texts.has(file.path)) : undefined;
    if (!read) failures.push(`${file.path}: listed in the manifest but missing from the pack`);
    else if (read.sha256 !== file.sha256) failures.push(`${file.path}: its SHA-256 differs from the manifest (the file was changed)`);
    else if (read.size !== file.bytes) failures.push(`${file.path}: its size differs from the manifest`);
    else {
      hashOf.set(file.path, read.sha256);
      if (read.data) bytesOf.set(file.path, read.data);
    }
  }
  for (const name of entries.names)
    if (name !== MANIFEST && !listed.has(name)) failures.push(`${name}: in the pack but not listed in the manifest`);
  if (!listed.has('report.html') && !listed.has('report.md')) failures.push('the manifest lists no report (report.html or report.md)');
  const read = (p) => bytesOf.get(p);

  const verifier = read('verify.mjs');
  if (verifier && self && sha256(verifier) !== sha256(self)) notes.push('verify.mjs in the pack differs from this verifier; this verifier did the checking.');

  // Sources: the text and the original file, each against its recorded hash.
  const sourceTexts = new Map();
  for (const s of manifest.sources) {
    for (const p of [s.path, s.original?.path].filter(Boolean))
      if (!listed.has(p)) failures.push(`${p}: a source file the manifest's files list leaves out`);
    const bytes = read(s.path);
    if (!bytes) continue;
    if (sha256(bytes) !== s.sha256) failures.push(`${s.path}: source text SHA-256 differs from the manifest's record of source ${s.id}`);
    else sourceTexts.set(`${s.id}\u0000${s.versionId}`, utf8(bytes, s.path));
    if (s.original) {
      const original = hashOf.get(s.original.path);
      if (original && s.versionSha256 && original !== s.versionSha256)
        failures.push(`${s.original.path}: the original file does not hash to version ${s.versionId}'s recorded SHA-256`);
    }
  }

  // Citations: each quote is the text between its offsets.
  let verifiedQuotes = 0;
  const expected = new Map();
  for (const c of manifest.citations) {
    const label = `citation ${c.id}${c.note ? ` (note ${c.note})` : ''}`;
    const flaggedUnverifiable = c.problem === 'unverified' || c.problem === 'altered';
    if (sha256(Buffer.from(c.quote, 'utf8')) !== c.quoteSha256) failures.push(`${label}: the quote's SHA-256 differs from the manifest`);
    const text = sourceTexts.get(`${c.sourceId}\u0000${c.versionId}`);
    if (text === undefined) {
      expected.set(c.id, null);
      if (!flaggedUnverifiable) failures.push(`${label}: its source text is not in the pack`);
      continue;
    }
    const source = text.slice(c.start, c.end);
    // A quote the export already flagged as unverifiable is printed with that flag; its words are not claimed.
    expected.set(c.id, flaggedUnverifiable ? null : source);
    if (source === c.quote && c.quote.length > 0) verifiedQuotes++;
    else if (!flaggedUnverifiable)
      failures.push(`${label}: the manifest quotes ${preview(c.quote)} but ${c.sourceId} reads ${preview(source)} at ${c.start}–${c.end}`);
  }
  const reportQuotes = checkReportQuotes(manifest, read, expected, failures);
  const flagged = manifest.citations
    .filter((c) => c.problem)
    .map((c) => ({ id: c.id, note: c.note, problem: c.problem, status: c.status, message: c.message }));
  return {
    ok: failures.length === 0,
    files: manifest.files.length,
    sources: manifest.sources.length,
    citations: manifest.citations.length,
    verifiedQuotes,
    reportQuotes,
    flagged,
    failures,
    notes,
  };
}

/** Verifies a pack (a .zip file, or a folder holding an unzipped pack). Throws PackError when it cannot be read. */
export async function verifyPack(target, options = {}) {
  const limits = { maxBytes: Math.floor((options.maxMb ?? 1024) * 1024 * 1024) };
  let self;
  try {
    self = fs.readFileSync(fileURLToPath(import.meta.url));
  } catch {
    self = undefined;
  }
  let stat;
  try {
    stat = fs.statSync(target);
  } catch (error) {
    throw new PackError(`cannot read it (${error.code ?? error.message})`);
  }
  if (stat.isDirectory()) return await verifyEntries(folderEntries(target, limits), self);
  if (stat.size > limits.maxBytes) throw new PackError(`the file is ${stat.size} bytes, more than the limit of ${limits.maxBytes}`);
  const fd = fs.openSync(target, 'r');
  try {
    return await verifyEntries(zipEntries(fd, stat.size, limits), self);
  } finally {
    fs.closeSync(fd);
  }
}

/** The report a person reads: what was checked, what is flagged, what failed. */
export function describe(target, result) {
  const lines = [
    `${target}: ${result.files} files, ${result.sources} sources, ${result.verifiedQuotes}/${result.citations} quotes found at their offsets, ${result.reportQuotes} quotes in the report checked against the sources.`,
  ];
  for (const f of result.flagged)
    lines.push(`  flagged in the report: ${f.id}${f.note ? ` (note ${f.note})` : ''}: ${f.problem}: ${f.message ?? ''}`);
  for (const n of result.notes) lines.push(`  note: ${n}`);
  for (const f of result.failures) lines.push(`  FAILED: ${f}`);
  lines.push(result.ok ? 'OK: every file, hash and quote verifies.' : 'FAILED: the pack does not verify.');
  return lines.join('\n');
}

async function main(argv) {
  const json = argv.includes('--json');
  const maxAt = argv.indexOf('--max-mb');
  const maxMb = maxAt >= 0 ? Number(argv[maxAt + 1]) : undefined;
  if (maxMb !== undefined && !(maxMb > 0)) {
    process.stderr.write('verify: --max-mb needs a positive number\n');
    return 2;
  }
  const target =
    argv.find((a, i) => !a.startsWith('--') && !(maxAt >= 0 && i === maxAt + 1)) ?? path.dirname(fileURLToPath(import.meta.url));
  let result;
  try {
    result = await verifyPack(target, { maxMb });
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    process.stderr.write(`verify: ${target}: ${error.message}\n`);
    return 2;
  }
  process.stdout.write((json ? JSON.stringify(result, null, 2) : describe(target, result)) + '\n');
  return result.ok ? 0 : 1;
}

const invoked = process.argv[1] && fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url));
if (invoked) process.exitCode = await main(process.argv.slice(2));
