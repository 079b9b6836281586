import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodeDocs, encodeDocs } from './doc-codec';
import type { EngineState } from './types';

/**
 * The index file: a magic line, a JSON header (format, engine version, the content hash of the
 * SQLite data it was built from, a checksum of the body) and binary sections. Written to a
 * temporary file and renamed, so a crash leaves the old file or the new one, never half of one.
 */
const MAGIC = Buffer.from('SBSEARCH\n');
export const INDEX_FORMAT = 2;
/** Bump when tokenising, stemming or the stored layout changes: old files are then rebuilt. */
export const ENGINE_VERSION = 2;
export const INDEX_DIR = 'search';
export const INDEX_FILE = 'index.sbidx';

interface Header {
  format: number;
  engine: number;
  contentHash: string;
  documents: number;
  writtenAt: string;
  bodySha256: string;
  sections: { name: string; bytes: number }[];
}

/**
 * FlexSearch chunks are stored as their own sections ("flex:<key>") rather than re-encoded inside
 * JSON, and document texts as one UTF-8 run with their lengths: both parse several times faster.
 */
const FLEX_PREFIX = 'flex:';
const ALIGN = 8;

export type LoadOutcome =
  { ok: true; state: EngineState; header: Header } | { ok: false; reason: 'missing' | 'stale' | 'corrupt' | 'version'; detail: string };

export function indexPath(dataDir: string): string {
  return path.join(dataDir, INDEX_DIR, INDEX_FILE);
}

const bytesOf = (array: Uint32Array | Float64Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

export function writeIndex(file: string, state: EngineState, contentHash: string): number {
  const textLengths = Uint32Array.from(state.docs, (d) => d?.text.length ?? 0);
  const docs = encodeDocs(state.docs);
  const sections: [string, Buffer][] = [
    ...state.flex.map(([key, data]): [string, Buffer] => [`${FLEX_PREFIX}${key}`, Buffer.from(data)]),
    ['terms', Buffer.from(JSON.stringify(state.terms))],
    ['df', bytesOf(state.df)],
    ['docs', Buffer.from(docs.json)],
    ['docStrings', Buffer.from(docs.strings)],
    ['passageColumns', bytesOf(docs.numbers)],
    ['mentionOffsets', bytesOf(docs.mentionOffsets)],
    ['mentions', bytesOf(docs.mentions)],
    ['textLengths', bytesOf(textLengths)],
    ['texts', Buffer.from(state.docs.map((d) => d?.text ?? '').join(''))],
    ['tokenOffsets', bytesOf(state.tokenOffsets)],
    ['tokens', bytesOf(state.tokens)],
  ];
  // Every section starts 8-byte aligned, as typed arrays of its numbers require.
  const padded = sections.flatMap(([, b]) => (b.length % ALIGN === 0 ? [b] : [b, Buffer.alloc(ALIGN - (b.length % ALIGN))]));
  // Hashed and written section by section: no second copy of a body that can be 100 MB.
  const bodyHash = createHash('sha256');
  for (const b of padded) bodyHash.update(b);
  const header: Header = {
    format: INDEX_FORMAT,
    engine: ENGINE_VERSION,
    contentHash,
    documents: state.docs.filter(Boolean).length,
    writtenAt: new Date().toISOString(),
    bodySha256: bodyHash.digest('hex'),
    sections: sections.map(([name, b]) => ({ name, bytes: b.length })),
  };
  const headerJson = JSON.stringify(header);
  // Trailing spaces (still valid JSON) put the body on an 8-byte boundary.
  const headerBytes = Buffer.from(
    headerJson.padEnd(headerJson.length + ((ALIGN - ((MAGIC.length + 4 + Buffer.byteLength(headerJson)) % ALIGN)) % ALIGN)),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    for (const chunk of [MAGIC, length, headerBytes, ...padded]) fs.writeSync(fd, chunk);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  return MAGIC.length + 4 + headerBytes.length + padded.reduce((sum, b) => sum + b.length, 0);
}

// Sections are read straight into buffers of their own, so numbers need no second copy.
const f64 = (b: Buffer) => new Float64Array(b.buffer, b.byteOffset, b.length / 8);
const u32 = (b: Buffer) => new Uint32Array(b.buffer, b.byteOffset, b.length / 4);

/** Reads exactly `into.length` bytes at `position`, or throws: a short read means a truncated file. */
function readAt(fd: number, into: Buffer, position: number): void {
  let done = 0;
  while (done < into.length) {
    const n = fs.readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) throw new Error('the file is truncated');
    done += n;
  }
}

export function readIndex(file: string, expectedHash: string): LoadOutcome {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return { ok: false, reason: 'missing', detail: `${file} does not exist` };
  }
  try {
    const start = Buffer.alloc(MAGIC.length + 4);
    if (fs.readSync(fd, start, 0, start.length, 0) < start.length || !start.subarray(0, MAGIC.length).equals(MAGIC)) {
      return { ok: false, reason: 'corrupt', detail: `${file} is not a Sourcebook search index` };
    }
    const size = fs.fstatSync(fd).size;
    const headerLength = start.readUInt32LE(MAGIC.length);
    if (start.length + headerLength > size) throw new Error('the file is truncated');
    const headerBytes = Buffer.alloc(headerLength);
    readAt(fd, headerBytes, start.length);
    const header = JSON.parse(headerBytes.toString('utf8')) as Header;
    if (header.format !== INDEX_FORMAT || header.engine !== ENGINE_VERSION) {
      return { ok: false, reason: 'version', detail: `${file} was written by another index version (${header.format}/${header.engine})` };
    }
    if (header.contentHash !== expectedHash) return { ok: false, reason: 'stale', detail: `${file} was built from other notebook content` };
    const padded = (bytes: number) => bytes + ((ALIGN - (bytes % ALIGN)) % ALIGN);
    // Checked before anything is allocated: a damaged header must not ask for gigabytes.
    if (start.length + headerBytes.length + header.sections.reduce((sum, s) => sum + padded(s.bytes), 0) !== size) {
      return { ok: false, reason: 'corrupt', detail: `${file} fails its checksum (its length is wrong)` };
    }
    const bodyHash = createHash('sha256');
    const parts = new Map<string, Buffer>();
    let at = start.length + headerBytes.length;
    for (const s of header.sections) {
      const bytes = Buffer.from(new ArrayBuffer(padded(s.bytes)));
      readAt(fd, bytes, at);
      bodyHash.update(bytes);
      parts.set(s.name, bytes.subarray(0, s.bytes));
      at += bytes.length;
    }
    if (bodyHash.digest('hex') !== header.bodySha256) {
      return { ok: false, reason: 'corrupt', detail: `${file} fails its checksum` };
    }
    const part = (name: string) => {
      const b = parts.get(name);
      if (!b) throw new Error(`section ${name} is missing`);
      return b;
    };
    const docs = decodeDocs({
      json: part('docs').toString('utf8'),
      strings: part('docStrings').toString('utf8'),
      numbers: f64(part('passageColumns')),
      mentionOffsets: u32(part('mentionOffsets')),
      mentions: u32(part('mentions')),
    });
    const lengths = u32(part('textLengths'));
    const texts = part('texts').toString('utf8');
    let at2 = 0;
    docs.forEach((doc, i) => {
      const length = lengths[i] ?? 0;
      if (doc) doc.text = texts.slice(at2, at2 + length);
      at2 += length;
    });
    if (at2 !== texts.length || lengths.length !== docs.length)
      return { ok: false, reason: 'corrupt', detail: `${file} has inconsistent texts` };
    const state: EngineState = {
      flex: header.sections
        .filter((s) => s.name.startsWith(FLEX_PREFIX))
        .map((s) => [s.name.slice(FLEX_PREFIX.length), part(s.name).toString('utf8')]),
      terms: JSON.parse(part('terms').toString('utf8')) as string[],
      df: u32(part('df')),
      docs,
      tokenOffsets: u32(part('tokenOffsets')),
      tokens: u32(part('tokens')),
    };
    if (state.tokenOffsets.length !== state.docs.length + 1 || state.df.length !== state.terms.length) {
      return { ok: false, reason: 'corrupt', detail: `${file} has inconsistent sections` };
    }
    return { ok: true, state, header };
  } catch (error) {
    return { ok: false, reason: 'corrupt', detail: `${file} cannot be read: ${(error as Error).message}` };
  } finally {
    fs.closeSync(fd);
  }
}
