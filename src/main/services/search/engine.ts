import { Grow32, Grow8, TokenStore } from './arrays';
import { aliasKey } from './groups';
import { PairIndex } from './pairs';
import { Postings, spanOf } from './postings';
import { HEADING_BOOST } from './rank';
import { runQuery } from './search';
import { SmallIndex } from './small-index';
import { SurfaceTable } from './surface';
import { folded, scanWords, startsLower, surfaceWords } from './text';
import type { SearchResponse } from '../../../shared/search';
import {
  KIND_CODES,
  KIND_PASSAGE,
  NONE,
  type EntityInfo,
  type IndexData,
  type PassageInput,
  type PassageReader,
  type QueryOptions,
  type SmallDoc,
  type SourceInfo,
} from './types';
import { Vocabulary } from './vocabulary';

export type { QueryOptions } from './types';

function columns() {
  return {
    kind: new Grow8(),
    live: new Grow8(),
    tokChunk: new Grow32(),
    tokStart: new Grow32(),
    tokLen: new Grow32(),
    titleLen: new Grow32(),
    boost: new Grow8(),
    mentionStart: new Grow32(),
    mentionLen: new Grow32(),
    sourceOf: new Grow32(),
    refOf: new Grow32(),
  };
}
export type EngineColumns = ReturnType<typeof columns>;

/**
 * The index. Every document (passage, source, entity, note) has a number and columns in typed
 * arrays: kind, live, where its word ids sit in the token store (the forward index, which ranking
 * reads for frequencies, proximity and phrases), its title length, its mentions. Passages'
 * words and mentions go to impact-ordered postings; the other kinds' words to FlexSearch.
 * Documents never change in place: an update is a removal and a new number.
 */
export class SearchEngine implements IndexData {
  vocabulary = new Vocabulary();
  termPostings = new Postings();
  entityPostings = new Postings();
  pairs = new PairIndex();
  tokens = new TokenStore();
  smallIndex = new SmallIndex();
  private cols: EngineColumns = columns();
  private mentionList = new Grow32();
  /** Per word, how many sources, entities and notes hold it: FlexSearch is asked only when some do. */
  smallDf = new Grow32();
  readonly small = new Map<number, SmallDoc>();
  private readonly smallKeys = new Map<string, number>();
  sources: SourceInfo[] = [];
  readonly sourceIndex = new Map<string, number>();
  readonly sourceDoc = new Map<number, number>();
  readonly sourcePassages = new Map<number, number[]>();
  entities: EntityInfo[] = [];
  readonly entityIndex = new Map<string, number>();
  readonly entityDoc = new Map<number, number>();
  readonly aliasIndex = new Map<string, Set<string>>();
  liveByKind = new Uint32Array(4);
  lengthByKind = new Float64Array(4);
  languageMask = 1;
  /** Passages removed since the postings were last compacted. */
  removedPassages = 0;
  /** While bulk-building, postings wait for one compaction at the end. */
  bulk = false;
  private buffer = new Uint32Array(4096);
  /** Written forms seen while indexing, with their word ids. */
  private surface: SurfaceTable | null = null;
  private stamp = new Uint32Array(1024);
  private stampValue = 0;

  constructor(readonly readPassages: PassageReader) {}

  get kind() { return this.cols.kind.data; } // prettier-ignore
  get live() { return this.cols.live.data; } // prettier-ignore
  get tokChunk() { return this.cols.tokChunk.data; } // prettier-ignore
  get tokStart() { return this.cols.tokStart.data; } // prettier-ignore
  get tokLen() { return this.cols.tokLen.data; } // prettier-ignore
  get titleLen() { return this.cols.titleLen.data; } // prettier-ignore
  get boost() { return this.cols.boost.data; } // prettier-ignore
  get mentionStart() { return this.cols.mentionStart.data; } // prettier-ignore
  get mentionLen() { return this.cols.mentionLen.data; } // prettier-ignore
  get sourceOf() { return this.cols.sourceOf.data; } // prettier-ignore
  get refOf() { return this.cols.refOf.data; } // prettier-ignore
  get mentionEntities() { return this.mentionList.data; } // prettier-ignore
  get chunks() { return this.tokens.chunks; } // prettier-ignore
  get docCount(): number {
    return this.cols.kind.length;
  }
  get size(): number {
    return this.liveByKind.reduce((a, b) => a + b, 0);
  }
  get passageCount(): number {
    return this.liveByKind[KIND_PASSAGE]!;
  }

  /** Tokenises a text into the buffer (word ids in order), counting words; returns how many. */
  private tokenize(text: string, language: number): number {
    const { spans, count } = scanWords(text);
    if (this.buffer.length < count) this.buffer = new Uint32Array(count * 2);
    const { vocabulary } = this;
    const { occurrences, languages } = vocabulary;
    const bit = 1 << language;
    const surface = (this.surface ??= new SurfaceTable());
    for (let i = 0; i < count; i++) {
      const start = spans[i * 2]!;
      const end = spans[i * 2 + 1]!;
      // Each written form is folded and looked up once: after that, a hash of the text in place.
      const hash = SurfaceTable.hash(text, start, end);
      let id = surface.get(text, start, end, hash);
      if (id === -1) {
        const word = text.slice(start, end);
        id = vocabulary.intern(folded(word));
        surface.set(word, hash, id);
        while (this.smallDf.length <= id) this.smallDf.push(0);
      }
      this.buffer[i] = id;
      occurrences.data[id]!++;
      const c = text.charCodeAt(start);
      if ((c >= 97 && c <= 122) || (c >= 128 && startsLower(text[start]!))) vocabulary.lower.data[id]!++;
      if (!(languages.data[id]! & bit)) vocabulary.noteLanguage(id, language);
    }
    return count;
  }

  /** Distinct word ids of the buffer's first `count` tokens, counting document frequencies. */
  private distinct(count: number, delta: 1 | -1, tokens: Uint32Array<ArrayBufferLike> = this.buffer, start = 0): number[] {
    if (this.stamp.length < this.vocabulary.size) this.stamp = new Uint32Array(this.vocabulary.size * 2);
    const stamp = ++this.stampValue;
    const out: number[] = [];
    const df = this.vocabulary.df.data;
    for (let i = start; i < start + count; i++) {
      const id = tokens[i]!;
      if (this.stamp[id] === stamp) continue;
      this.stamp[id] = stamp;
      out.push(id);
      df[id] = df[id]! + delta;
    }
    return out;
  }

  private newDoc(kind: number, count: number, titleLength: number, sourceIdx: number, ref: number): number {
    const { cols } = this;
    const doc = cols.kind.push(kind);
    const at = this.tokens.add(this.buffer, count);
    cols.live.push(1);
    cols.tokChunk.push(at.chunk);
    cols.tokStart.push(at.start);
    cols.tokLen.push(count);
    cols.titleLen.push(titleLength);
    cols.boost.push(0);
    cols.mentionStart.push(this.mentionList.length);
    cols.mentionLen.push(0);
    cols.sourceOf.push(sourceIdx);
    cols.refOf.push(ref);
    this.liveByKind[kind]!++;
    this.lengthByKind[kind]! += count;
    return doc;
  }

  sourceIdxOf(id: string): number {
    let idx = this.sourceIndex.get(id);
    if (idx === undefined) {
      idx = this.sources.push({ id, title: id, issued: null, language: 0 }) - 1;
      this.sourceIndex.set(id, idx);
    }
    return idx;
  }

  entityIdxOf(id: string): number {
    let idx = this.entityIndex.get(id);
    if (idx === undefined) {
      idx = this.entities.push({ id, type: 'organization', name: id, aliases: [] }) - 1;
      this.entityIndex.set(id, idx);
    }
    return idx;
  }

  addPassage(passage: PassageInput): number {
    const sourceIdx = this.sourceIdxOf(passage.sourceId);
    const count = this.tokenize(passage.text, this.sources[sourceIdx]!.language);
    const doc = this.newDoc(KIND_PASSAGE, count, 0, sourceIdx, passage.id);
    if (passage.kind === 'title' || passage.kind === 'heading') this.cols.boost.data[doc] = 1;
    const terms = this.distinct(count, 1);
    if (!this.bulk) {
      for (const id of terms) this.termPostings.add(id, doc);
      this.pairs.add(doc, this.buffer, count);
    }
    const seen = new Set<number>();
    for (const entityId of passage.mentions) {
      const entity = this.entityIdxOf(entityId);
      this.mentionList.push(entity);
      if (!this.bulk && !seen.has(entity)) this.entityPostings.add(entity, doc);
      seen.add(entity);
    }
    this.cols.mentionLen.data[doc] = passage.mentions.length;
    let list = this.sourcePassages.get(sourceIdx);
    if (!list) this.sourcePassages.set(sourceIdx, (list = []));
    list.push(doc);
    return doc;
  }

  /** A source's details (title, date, language) and its search document. */
  setSource(info: Omit<SourceInfo, 'language'> & { language?: number }, details: string): void {
    const idx = this.sourceIdxOf(info.id);
    const language = info.language ?? this.sources[idx]!.language;
    this.sources[idx] = { id: info.id, title: info.title, issued: info.issued, language };
    this.languageMask |= 1 << language;
    const doc = this.upsertSmall({
      key: `s:${info.id}`,
      kind: 'source',
      ref: info.id,
      title: info.title,
      text: details,
      issued: info.issued,
    });
    this.sourceDoc.set(idx, doc);
  }

  /** Removes a source's passages and its document. */
  removeSource(sourceId: string): void {
    const idx = this.sourceIndex.get(sourceId);
    if (idx === undefined) return;
    for (const doc of this.sourcePassages.get(idx) ?? []) this.removeDoc(doc);
    this.sourcePassages.delete(idx);
    this.removeSmall(`s:${sourceId}`);
    this.sourceDoc.delete(idx);
  }

  setEntity(info: EntityInfo, description: string): void {
    this.removeEntity(info.id);
    const idx = this.entityIdxOf(info.id);
    this.entities[idx] = info;
    for (const alias of [info.name, ...info.aliases]) {
      const key = aliasKey(alias);
      let set = this.aliasIndex.get(key);
      if (!set) this.aliasIndex.set(key, (set = new Set()));
      set.add(info.id);
    }
    const text = [info.aliases.join(' · '), description].filter(Boolean).join('\n');
    const doc = this.upsertSmall({
      key: `e:${info.id}`,
      kind: 'entity',
      ref: info.id,
      title: info.name,
      text,
      entityType: info.type,
      aliases: info.aliases,
    });
    this.entityDoc.set(idx, doc);
  }

  removeEntity(id: string): void {
    const idx = this.entityIndex.get(id);
    if (idx === undefined) return;
    const info = this.entities[idx]!;
    for (const alias of [info.name, ...info.aliases]) this.aliasIndex.get(aliasKey(alias))?.delete(id);
    this.removeSmall(`e:${id}`);
    this.entityDoc.delete(idx);
  }

  upsertSmall(doc: SmallDoc): number {
    this.removeSmall(doc.key);
    const text = doc.title ? `${doc.title}\n${doc.text}` : doc.text;
    const titleCount = doc.title ? surfaceWords(doc.title).length : 0;
    const count = this.tokenize(text, 0);
    const id = this.newDoc(KIND_CODES[doc.kind], count, titleCount, doc.kind === 'source' ? this.sourceIdxOf(doc.ref) : NONE, NONE);
    const distinct = this.distinct(count, 1);
    for (const t of distinct) this.smallDf.data[t]!++;
    this.smallIndex.add(
      id,
      distinct.map((t) => this.vocabulary.terms[t]!),
    );
    this.small.set(id, doc);
    this.smallKeys.set(doc.key, id);
    return id;
  }

  removeSmall(key: string): void {
    const doc = this.smallKeys.get(key);
    if (doc === undefined) return;
    this.smallKeys.delete(key);
    this.small.delete(doc);
    this.smallIndex.remove(doc);
    this.removeDoc(doc);
  }

  private removeDoc(doc: number): void {
    if (!this.cols.live.data[doc]) return;
    this.cols.live.data[doc] = 0;
    const kind = this.cols.kind.data[doc]!;
    const length = this.cols.tokLen.data[doc]!;
    this.liveByKind[kind]!--;
    this.lengthByKind[kind]! -= length;
    this.distinct(length, -1, this.tokens.chunks[this.cols.tokChunk.data[doc]!]!, this.cols.tokStart.data[doc]!);
    if (kind === KIND_PASSAGE) this.removedPassages++;
    else {
      const chunk = this.tokens.chunks[this.cols.tokChunk.data[doc]!]!;
      const start = this.cols.tokStart.data[doc]!;
      for (const t of new Set(chunk.subarray(start, start + length))) this.smallDf.data[t]!--;
    }
  }

  /** Live passages, in document order. */
  *livePassages(): Iterable<number> {
    const { kind, live } = this;
    for (let doc = 0; doc < this.docCount; doc++) if (kind[doc] === KIND_PASSAGE && live[doc]) yield doc;
  }

  /** Rebuilds the impact-ordered postings from the forward index: after a bulk build, or when the delta grew. */
  compact(): void {
    const average = this.lengthByKind[KIND_PASSAGE]! / Math.max(1, this.liveByKind[KIND_PASSAGE]!);
    const stamp = new Uint32Array(this.vocabulary.size);
    const tf = new Uint32Array(this.vocabulary.size);
    const firstAt = new Uint32Array(this.vocabulary.size);
    const lastAt = new Uint32Array(this.vocabulary.size);
    let value = 0;
    this.termPostings = Postings.build(
      this.vocabulary.size,
      this.livePassages(),
      (doc, out) => {
        out.keys.length = 0;
        out.tfs.length = 0;
        out.spans.length = 0;
        const chunk = this.tokens.chunks[this.tokChunk[doc]!]!;
        const start = this.tokStart[doc]!;
        const end = start + this.tokLen[doc]!;
        value++;
        for (let i = start; i < end; i++) {
          const id = chunk[i]!;
          if (stamp[id] !== value) {
            stamp[id] = value;
            tf[id] = 0;
            firstAt[id] = i - start;
            out.keys.push(id);
          }
          tf[id]!++;
          lastAt[id] = i - start;
        }
        for (const id of out.keys) {
          out.tfs.push(tf[id]!);
          out.spans.push(spanOf(firstAt[id]!, lastAt[id]!));
        }
        return end - start;
      },
      average,
      (doc) => (this.boost[doc] ? HEADING_BOOST : 1),
      true,
    );
    this.pairs = PairIndex.build(
      this.vocabulary.df.view(),
      () => this.livePassages(),
      (doc) => {
        const start = this.tokStart[doc]!;
        return [this.tokens.chunks[this.tokChunk[doc]!]!, start, start + this.tokLen[doc]!];
      },
      average,
      (doc) => (this.boost[doc] ? HEADING_BOOST : 1),
    );
    const entityCounts = new Map<number, number>();
    this.entityPostings = Postings.build(
      this.entities.length,
      this.livePassages(),
      (doc, out) => {
        entityCounts.clear();
        const start = this.mentionStart[doc]!;
        for (let i = start; i < start + this.mentionLen[doc]!; i++) {
          const e = this.mentionEntities[i]!;
          entityCounts.set(e, (entityCounts.get(e) ?? 0) + 1);
        }
        out.keys = [...entityCounts.keys()];
        out.tfs = [...entityCounts.values()];
        return this.tokLen[doc]!;
      },
      average,
      (doc) => (this.boost[doc] ? HEADING_BOOST : 1),
    );
    this.removedPassages = 0;
    this.bulk = false;
  }

  /** Whether the delta or the removed passages have grown enough to be worth a compaction. */
  get wantsCompaction(): boolean {
    const passages = Math.max(1, this.passageCount);
    return this.termPostings.deltaSize > 50_000 + passages / 2 || this.removedPassages > passages * 0.25 + 1000;
  }

  query(input: string, options: QueryOptions = {}): SearchResponse {
    this.vocabulary.prepare();
    return runQuery(this, input, options);
  }

  /** State for the index file; see persist.ts. */
  exportParts() {
    return { cols: this.cols, mentionList: this.mentionList };
  }

  restoreParts(parts: { cols: EngineColumns; mentionList: Grow32 }): void {
    this.cols = parts.cols;
    this.mentionList = parts.mentionList;
  }

  restoreSmall(doc: number, small: SmallDoc): void {
    this.small.set(doc, small);
    this.smallKeys.set(small.key, doc);
  }
}
