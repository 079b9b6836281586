import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Grow32, Grow8, TokenStore } from './arrays';
import { SearchEngine } from './engine';
import { Postings } from './postings';
import type { EntityInfo, PassageReader, SmallDoc, SourceInfo } from './types';
import { SortedKeys, Vocabulary } from './vocabulary';

/**
 * The index file: a magic line, a JSON header (format, engine version, the change log position
 * the index reflects, each section's length and CRC-32) and binary sections, each 8-byte
 * aligned so typed arrays are read in place. Written to a fresh temporary file (random name,
 * created exclusively, mode 0600), fsynced and renamed: a crash leaves the old file or the new
 * one, never half of one; a failed write removes its temporary file.
 */
const MAGIC = Buffer.from('SBSEARCH\n');
export const INDEX_FORMAT = 5;
/** Bump when tokenising, stemming or the stored layout changes: old files are then rebuilt. */
export const ENGINE_VERSION = 11;
export { INDEX_DIR, INDEX_FILE, indexPath } from './indexPath';
const ALIGN = 8;

interface Header {
  format: number;
  engine: number;
  seq: number;
  documents: number;
  writtenAt: string;
  sections: { name: string; bytes: number; crc: number }[];
}

interface Meta {
  sources: SourceInfo[];
  entities: EntityInfo[];
  small: [number, SmallDoc][];
  aliases: [string, string[]][];
  liveByKind: number[];
  lengthByKind: number[];
  languageMask: number;
  termAverage: number;
  entityAverage: number;
  pairAverage: number;
  pairWords: number;
  terms: string[];
  /** The family keys, sorted and joined by line breaks; where each ends is the section vocab:familyKeyEnds. */
  familyKeys: string;
  flex: [string, string][];
  chunkCount: number;
  sourcePassages: [number, number][];
  removedPassages: number;
}

/** A section read but not yet checked against its CRC-32 (see `LATER_CHECKABLE`). */
export interface PendingCheck {
  name: string;
  body: Buffer;
  crc: number;
}

export type LoadOutcome =
  | { ok: true; engine: SearchEngine; seq: number; pendingChecks: PendingCheck[] }
  | { ok: false; reason: 'missing' | 'corrupt' | 'version'; detail: string };

/**
 * Sections that are plain data, used in place and never written to after loading: word ids,
 * document ids, impacts and spans. Damage in them can only give wrong answers, never a wrong shape, so
 * their checksums may be checked after the index starts answering (most of the file's bytes:
 * at 100k passages, 69 of 81 MB). Every other section (header, metadata, offsets, columns) is
 * checked before anything is built from it.
 */
const LATER_CHECKABLE = /^(tokens:\d+|(terms|pairs):(docs|impacts|spans))$/;

export interface ReadOptions {
  /** Leave the checksums of later-checkable sections of at least this many bytes to `checkSections`. */
  checkLaterFrom?: number;
}

/** Bytes checked per step of `checkSections`: a few milliseconds, so queries are answered between steps. */
const CHECK_STEP = 4 << 20;

/**
 * Checks the sections `readIndex` left unchecked, a step at a time, yielding between steps.
 * Resolves with the first section that fails, or null; `stopped()` ends it early (null).
 */
export async function checkSections(
  pending: readonly PendingCheck[],
  yieldNow: () => Promise<void>,
  stopped: () => boolean,
): Promise<string | null> {
  for (const section of pending) {
    let crc = 0;
    for (let at = 0; at < section.body.length; at += CHECK_STEP) {
      await yieldNow();
      if (stopped()) return null;
      crc = zlib.crc32(section.body.subarray(at, at + CHECK_STEP), crc);
    }
    if (crc !== section.crc) return section.name;
  }
  return null;
}

type Typed = Uint32Array | Int32Array | Uint16Array | Uint8Array | Float64Array;
const bytesOf = (array: Typed) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

function sectionsOf(engine: SearchEngine): [string, Buffer][] {
  const { cols, mentionList } = engine.exportParts();
  const vocabulary = engine.vocabulary.exportState();
  const sourcePassages: [number, number][] = [];
  for (const [idx, docs] of engine.sourcePassages) sourcePassages.push([idx, docs.length]);
  const meta: Meta = {
    sources: engine.sources,
    entities: engine.entities,
    small: [...engine.small.entries()],
    aliases: [...engine.aliasIndex.entries()].map(([k, v]) => [k, [...v]]),
    liveByKind: [...engine.liveByKind],
    lengthByKind: [...engine.lengthByKind],
    languageMask: engine.languageMask,
    termAverage: engine.termPostings.averageLength,
    entityAverage: engine.entityPostings.averageLength,
    pairAverage: engine.pairs.postings.averageLength,
    pairWords: engine.pairs.words,
    terms: vocabulary.terms,
    familyKeys: vocabulary.familyKeys.joined,
    flex: engine.smallIndex.exportChunks(),
    chunkCount: engine.tokens.chunks.length,
    sourcePassages,
    removedPassages: engine.removedPassages,
  };
  const passageLists = new Uint32Array(sourcePassages.reduce((sum, [, n]) => sum + n, 0));
  let at = 0;
  for (const docs of engine.sourcePassages.values()) for (const doc of docs) passageLists[at++] = doc;
  const sections: [string, Buffer][] = [['meta', Buffer.from(JSON.stringify(meta))]];
  for (const [name, col] of Object.entries(cols)) sections.push([`col:${name}`, bytesOf(col.view())]);
  sections.push(['mentionList', bytesOf(mentionList.view())]);
  sections.push(['smallDf', bytesOf(engine.smallDf.view())]);
  sections.push(['vocab:familyKeyEnds', bytesOf(vocabulary.familyKeys.ends)]);
  engine.tokens.exportChunks().forEach((chunk, i) => sections.push([`tokens:${i}`, bytesOf(chunk)]));
  for (const name of ['df', 'occurrences', 'lower', 'languages', 'sorted', 'familyOffsets', 'familyMembers'] as const)
    sections.push([`vocab:${name}`, bytesOf(vocabulary[name])]);
  for (const [prefix, postings] of [
    ['terms', engine.termPostings],
    ['entities', engine.entityPostings],
    ['pairs', engine.pairs.postings],
  ] as const) {
    const delta = postings.exportDelta();
    sections.push(
      [`${prefix}:offsets`, bytesOf(postings.offsets)],
      [`${prefix}:docs`, bytesOf(postings.docs)],
      [`${prefix}:impacts`, bytesOf(postings.impacts)],
      [`${prefix}:spans`, bytesOf(postings.spans)],
      [`${prefix}:deltaKeys`, bytesOf(delta.keys)],
      [`${prefix}:deltaDocs`, bytesOf(delta.docs)],
    );
  }
  sections.push(['pairs:slotOf', bytesOf(engine.pairs.slotOf)]);
  sections.push(['sourcePassages', bytesOf(passageLists)]);
  return sections;
}

/** Writes the index (delta postings included: a write never waits for a compaction); throws on failure, leaving nothing behind. */
export function writeIndex(file: string, engine: SearchEngine, seq: number): number {
  const sections = sectionsOf(engine);
  const header: Header = {
    format: INDEX_FORMAT,
    engine: ENGINE_VERSION,
    seq,
    documents: engine.size,
    writtenAt: new Date().toISOString(),
    sections: sections.map(([name, b]) => ({ name, bytes: b.length, crc: zlib.crc32(b) })),
  };
  const headerJson = JSON.stringify(header);
  // Trailing spaces (still valid JSON) put the body on an 8-byte boundary.
  const pad = (ALIGN - ((MAGIC.length + 4 + Buffer.byteLength(headerJson)) % ALIGN)) % ALIGN;
  const headerBytes = Buffer.from(headerJson + ' '.repeat(pad));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
  let written = 0;
  const fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), 0o600);
  try {
    try {
      const write = (b: Buffer) => {
        fs.writeSync(fd, b);
        written += b.length;
      };
      write(MAGIC);
      write(length);
      write(headerBytes);
      for (const [, b] of sections) {
        write(b);
        if (b.length % ALIGN) write(Buffer.alloc(ALIGN - (b.length % ALIGN)));
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return written;
}

/** Temporary files a crashed write left behind. */
export function removeLeftovers(file: string): void {
  const dir = path.dirname(file);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `.${path.basename(file)}.`;
  for (const name of names)
    if ((name.startsWith(prefix) || name.startsWith(`${path.basename(file)}.`)) && name.endsWith('.tmp'))
      fs.rmSync(path.join(dir, name), { force: true });
}

/** Reads exactly `into.length` bytes at `position`, or throws: a short read means a truncated file. */
function readAt(fd: number, into: Buffer, position: number): void {
  let done = 0;
  while (done < into.length) {
    const n = fs.readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) throw new Error('the file is truncated');
    done += n;
  }
}

/** Bytes per read of a section: a large section is read in pieces, side by side. */
const READ_STEP = 4 << 20;

/** readAt on libuv's threads: resolves once `into` is full, rejects on a short read. */
function readAtAsync(fd: number, into: Buffer, position: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const next = (done: number) => {
      if (done >= into.length) return resolve();
      fs.read(fd, into, done, into.length - done, position + done, (error, n) => {
        if (error) reject(error);
        else if (n === 0) reject(new Error('the file is truncated'));
        else next(done + n);
      });
    };
    next(0);
  });
}

/**
 * Fills every section's buffer at once, in pieces, on libuv's threads. Most of a reload's reading
 * is the kernel giving the fresh buffers their pages (≈ 15 µs a page on this VM: 270 of 365 ms at
 * 100k passages); reads side by side take those faults on both cores, and meanwhile the metadata
 * is parsed here. Settles only when every read has (the descriptor may be closed then).
 */
function readSections(fd: number, sections: { body: Buffer; at: number }[]): Promise<void>[] {
  return sections.map(({ body, at }) => {
    const pieces: Promise<void>[] = [];
    for (let from = 0; from < body.length; from += READ_STEP)
      pieces.push(readAtAsync(fd, body.subarray(from, Math.min(body.length, from + READ_STEP)), at + from));
    return Promise.all(pieces).then(() => undefined);
  });
}

export async function readIndex(file: string, readPassages: PassageReader, options: ReadOptions = {}): Promise<LoadOutcome> {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'missing', detail: `${file} does not exist` };
    return { ok: false, reason: 'corrupt', detail: `${file} cannot be opened (${code ?? (error as Error).message})` };
  }
  let reads: Promise<void>[] = [];
  try {
    const size = fs.fstatSync(fd).size;
    const start = Buffer.alloc(MAGIC.length + 4);
    if (size < start.length) return { ok: false, reason: 'corrupt', detail: `${file} is not a Sourcebook search index` };
    readAt(fd, start, 0);
    if (!start.subarray(0, MAGIC.length).equals(MAGIC))
      return { ok: false, reason: 'corrupt', detail: `${file} is not a Sourcebook search index` };
    const headerLength = start.readUInt32LE(MAGIC.length);
    if (start.length + headerLength > size) throw new Error('the file is truncated');
    const headerBytes = Buffer.alloc(headerLength);
    readAt(fd, headerBytes, start.length);
    const header = JSON.parse(headerBytes.toString('utf8')) as Header;
    if (header.format !== INDEX_FORMAT || header.engine !== ENGINE_VERSION) {
      return { ok: false, reason: 'version', detail: `${file} was written by another index version (${header.format}/${header.engine})` };
    }
    const padded = (bytes: number) => bytes + ((ALIGN - (bytes % ALIGN)) % ALIGN);
    // Checked before anything is allocated: a damaged header must not ask for gigabytes.
    if (start.length + headerBytes.length + header.sections.reduce((sum, s) => sum + padded(s.bytes), 0) !== size) {
      return { ok: false, reason: 'corrupt', detail: `${file} fails its checksum (its length is wrong)` };
    }
    let at = start.length + headerBytes.length;
    const sections = header.sections.map((s) => {
      const body = Buffer.from(new ArrayBuffer(padded(s.bytes))).subarray(0, s.bytes);
      const section = { ...s, body, at };
      at += padded(s.bytes);
      return section;
    });
    reads = readSections(fd, sections);
    // Each read is awaited below, some only after others: a failure must not count as unhandled
    // meanwhile (Node would end the worker for it) before it is seen there.
    for (const read of reads) read.catch(() => {});
    const failed = (s: (typeof sections)[number]) => ({
      ok: false as const,
      reason: 'corrupt' as const,
      detail: `${file} fails its checksum (section ${s.name})`,
    });
    // The metadata first, checked, then parsed while the bulk sections are still being read.
    const metaAt = sections.findIndex((s) => s.name === 'meta');
    if (metaAt < 0) throw new Error('section meta is missing');
    await reads[metaAt];
    if (zlib.crc32(sections[metaAt]!.body) !== sections[metaAt]!.crc) return failed(sections[metaAt]!);
    const meta = JSON.parse(sections[metaAt]!.body.toString('utf8')) as Meta;
    await Promise.all(reads);
    const parts = new Map<string, Buffer>();
    const pendingChecks: PendingCheck[] = [];
    const later = options.checkLaterFrom;
    for (const s of sections) {
      if (s !== sections[metaAt]) {
        if (later !== undefined && s.bytes >= later && LATER_CHECKABLE.test(s.name))
          pendingChecks.push({ name: s.name, body: s.body, crc: s.crc });
        else if (zlib.crc32(s.body) !== s.crc) return failed(s);
      }
      parts.set(s.name, s.body);
    }
    return { ok: true, engine: restore(parts, meta, readPassages), seq: header.seq, pendingChecks };
  } catch (error) {
    return { ok: false, reason: 'corrupt', detail: `${file} cannot be read: ${(error as Error).message}` };
  } finally {
    // No read may still be filling a buffer from this descriptor once it is closed (its number is reused).
    await Promise.allSettled(reads);
    fs.closeSync(fd);
  }
}

function restore(parts: Map<string, Buffer>, meta: Meta, readPassages: PassageReader): SearchEngine {
  const part = (name: string) => {
    const b = parts.get(name);
    if (!b) throw new Error(`section ${name} is missing`);
    return b;
  };
  const u32 = (name: string) => {
    const b = part(name);
    return new Uint32Array(b.buffer, b.byteOffset, b.length / 4);
  };
  // A view, not a copy (`new Uint8Array(buffer)` would copy): impacts are used in place, as word ids are.
  const u8 = (name: string) => {
    const b = part(name);
    return new Uint8Array(b.buffer, b.byteOffset, b.length);
  };
  const u16 = (name: string) => {
    const b = part(name);
    return new Uint16Array(b.buffer, b.byteOffset, b.length / 2);
  };
  const engine = new SearchEngine(readPassages);
  const cols = {
    kind: Grow8.adopt(u8('col:kind')),
    live: Grow8.adopt(u8('col:live')),
    tokChunk: Grow32.adopt(u32('col:tokChunk')),
    tokStart: Grow32.adopt(u32('col:tokStart')),
    tokLen: Grow32.adopt(u32('col:tokLen')),
    titleLen: Grow32.adopt(u32('col:titleLen')),
    boost: Grow8.adopt(u8('col:boost')),
    mentionStart: Grow32.adopt(u32('col:mentionStart')),
    mentionLen: Grow32.adopt(u32('col:mentionLen')),
    sourceOf: Grow32.adopt(u32('col:sourceOf')),
    refOf: Grow32.adopt(u32('col:refOf')),
  };
  const docCount = cols.kind.length;
  for (const col of Object.values(cols)) if (col.length !== docCount) throw new Error('document columns differ in length');
  engine.restoreParts({ cols, mentionList: Grow32.adopt(u32('mentionList')) });
  engine.smallDf = Grow32.adopt(u32('smallDf'));
  engine.tokens = TokenStore.fromChunks(Array.from({ length: meta.chunkCount }, (_, i) => u32(`tokens:${i}`)));
  engine.vocabulary = Vocabulary.fromState({
    terms: meta.terms,
    df: u32('vocab:df'),
    occurrences: u32('vocab:occurrences'),
    lower: u32('vocab:lower'),
    languages: u32('vocab:languages'),
    sorted: u32('vocab:sorted'),
    familyKeys: SortedKeys.from(meta.familyKeys, u32('vocab:familyKeyEnds')),
    familyOffsets: u32('vocab:familyOffsets'),
    familyMembers: u32('vocab:familyMembers'),
  });
  engine.termPostings = Postings.fromState({
    offsets: u32('terms:offsets'),
    docs: u32('terms:docs'),
    impacts: u8('terms:impacts'),
    spans: u16('terms:spans'),
    averageLength: meta.termAverage,
  });
  engine.entityPostings = Postings.fromState({
    offsets: u32('entities:offsets'),
    docs: u32('entities:docs'),
    impacts: u8('entities:impacts'),
    spans: u16('entities:spans'),
    averageLength: meta.entityAverage,
  });
  engine.pairs.postings = Postings.fromState({
    offsets: u32('pairs:offsets'),
    docs: u32('pairs:docs'),
    impacts: u8('pairs:impacts'),
    spans: u16('pairs:spans'),
    averageLength: meta.pairAverage,
  });
  const slots = part('pairs:slotOf');
  engine.pairs.slotOf = new Int32Array(slots.buffer, slots.byteOffset, slots.length / 4);
  engine.pairs.words = meta.pairWords;
  engine.pairs.postings.importDelta(u32('pairs:deltaKeys'), u32('pairs:deltaDocs'));
  engine.termPostings.importDelta(u32('terms:deltaKeys'), u32('terms:deltaDocs'));
  engine.entityPostings.importDelta(u32('entities:deltaKeys'), u32('entities:deltaDocs'));
  engine.removedPassages = meta.removedPassages;
  engine.sources = meta.sources;
  meta.sources.forEach((s, i) => engine.sourceIndex.set(s.id, i));
  engine.entities = meta.entities;
  meta.entities.forEach((e, i) => engine.entityIndex.set(e.id, i));
  for (const [doc, small] of meta.small) {
    engine.restoreSmall(doc, small);
    if (small.kind === 'source') engine.sourceDoc.set(engine.sourceIndex.get(small.ref)!, doc);
    if (small.kind === 'entity') engine.entityDoc.set(engine.entityIndex.get(small.ref)!, doc);
  }
  for (const [key, ids] of meta.aliases) engine.aliasIndex.set(key, new Set(ids));
  const lists = u32('sourcePassages');
  let at = 0;
  // A plain loop: Array.from of a typed array goes through its iterator, ten times slower here.
  for (const [idx, n] of meta.sourcePassages) {
    const docs: number[] = [];
    for (let i = at; i < at + n; i++) docs.push(lists[i]!);
    engine.sourcePassages.set(idx, docs);
    at += n;
  }
  engine.liveByKind.set(meta.liveByKind);
  engine.lengthByKind.set(meta.lengthByKind);
  engine.languageMask = meta.languageMask;
  engine.smallIndex.importChunks(meta.flex);
  return engine;
}
