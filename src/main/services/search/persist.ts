import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EngineState } from './engine';

/**
 * The index file: a magic line, a JSON header (format, engine version, the content hash of the
 * SQLite data it was built from, a checksum of the body) and binary sections. Written to a
 * temporary file and renamed, so a crash leaves the old file or the new one, never half of one.
 */
const MAGIC = Buffer.from('SBSEARCH\n');
export const INDEX_FORMAT = 1;
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

export type LoadOutcome =
  | { ok: true; state: EngineState; header: Header }
  | { ok: false; reason: 'missing' | 'stale' | 'corrupt' | 'version'; detail: string };

export function indexPath(dataDir: string): string {
  return path.join(dataDir, INDEX_DIR, INDEX_FILE);
}

const bytesOf = (array: Uint32Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

export function writeIndex(file: string, state: EngineState, contentHash: string): number {
  const textLengths = Uint32Array.from(state.docs, (d) => d?.text.length ?? 0);
  const sections: [string, Buffer][] = [
    ...state.flex.map(([key, data]): [string, Buffer] => [`${FLEX_PREFIX}${key}`, Buffer.from(data)]),
    ['terms', Buffer.from(JSON.stringify(state.terms))],
    ['df', bytesOf(state.df)],
    ['docs', Buffer.from(JSON.stringify(state.docs.map((d) => (d ? { ...d, text: '' } : null))))],
    ['textLengths', bytesOf(textLengths)],
    ['texts', Buffer.from(state.docs.map((d) => d?.text ?? '').join(''))],
    ['tokenOffsets', bytesOf(state.tokenOffsets)],
    ['tokens', bytesOf(state.tokens)],
  ];
  // Hashed and written section by section: no second copy of a body that can be 100 MB.
  const bodyHash = createHash('sha256');
  for (const [, b] of sections) bodyHash.update(b);
  const header: Header = {
    format: INDEX_FORMAT,
    engine: ENGINE_VERSION,
    contentHash,
    documents: state.docs.filter(Boolean).length,
    writtenAt: new Date().toISOString(),
    bodySha256: bodyHash.digest('hex'),
    sections: sections.map(([name, b]) => ({ name, bytes: b.length })),
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    for (const chunk of [MAGIC, length, headerBytes, ...sections.map(([, b]) => b)]) fs.writeSync(fd, chunk);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  return MAGIC.length + 4 + headerBytes.length + sections.reduce((sum, [, b]) => sum + b.length, 0);
}

function u32(buffer: Buffer): Uint32Array {
  // Copy into an aligned buffer: a slice of the file buffer may start at any byte.
  const copy = new Uint8Array(buffer.length);
  copy.set(buffer);
  return new Uint32Array(copy.buffer);
}

export function readIndex(file: string, expectedHash: string): LoadOutcome {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch {
    return { ok: false, reason: 'missing', detail: `${file} does not exist` };
  }
  try {
    if (!raw.subarray(0, MAGIC.length).equals(MAGIC)) return { ok: false, reason: 'corrupt', detail: `${file} is not a Sourcebook search index` };
    const headerLength = raw.readUInt32LE(MAGIC.length);
    const bodyStart = MAGIC.length + 4 + headerLength;
    const header = JSON.parse(raw.subarray(MAGIC.length + 4, bodyStart).toString('utf8')) as Header;
    if (header.format !== INDEX_FORMAT || header.engine !== ENGINE_VERSION) {
      return { ok: false, reason: 'version', detail: `${file} was written by another index version (${header.format}/${header.engine})` };
    }
    if (header.contentHash !== expectedHash) return { ok: false, reason: 'stale', detail: `${file} was built from other notebook content` };
    const body = raw.subarray(bodyStart);
    if (createHash('sha256').update(body).digest('hex') !== header.bodySha256) {
      return { ok: false, reason: 'corrupt', detail: `${file} fails its checksum` };
    }
    const parts = new Map<string, Buffer>();
    let at = 0;
    for (const s of header.sections) {
      parts.set(s.name, body.subarray(at, at + s.bytes));
      at += s.bytes;
    }
    const part = (name: string) => {
      const b = parts.get(name);
      if (!b) throw new Error(`section ${name} is missing`);
      return b;
    };
    const docs = JSON.parse(part('docs').toString('utf8')) as EngineState['docs'];
    const lengths = u32(part('textLengths'));
    const texts = part('texts').toString('utf8');
    let at2 = 0;
    docs.forEach((doc, i) => {
      const length = lengths[i] ?? 0;
      if (doc) doc.text = texts.slice(at2, at2 + length);
      at2 += length;
    });
    if (at2 !== texts.length || lengths.length !== docs.length) return { ok: false, reason: 'corrupt', detail: `${file} has inconsistent texts` };
    const state: EngineState = {
      flex: header.sections.filter((s) => s.name.startsWith(FLEX_PREFIX)).map((s) => [s.name.slice(FLEX_PREFIX.length), part(s.name).toString('utf8')]),
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
  }
}
