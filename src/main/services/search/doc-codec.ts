import type { PassageKind } from '../../../shared/domain';
import type { EngineDoc } from './types';

/**
 * Passages are most of the documents and all alike, so the index file keeps them as columns of
 * numbers plus one table of distinct strings (source ids, anchors, dates, entity ids) instead of
 * one JSON object each: parsing 100,000 objects was most of a reload. Other documents (sources,
 * entities, notes), and any passage that does not fit the columns, stay JSON objects.
 */
export interface EncodedDocs {
  /** One entry per document: an object, null (removed), or 0 (a passage, in the columns). */
  json: string;
  strings: string;
  /** Per columnar passage: passage id, ordinal, then string-table indices of source, anchor, kind, date. */
  numbers: Float64Array;
  /** Per columnar passage, where its mentions start in `mentions` (one extra at the end). */
  mentionOffsets: Uint32Array;
  /** Per mention: string-table index of the entity, start, end. */
  mentions: Uint32Array;
}

const FIELDS = 6;
const NO_STRING = 0xffffffff;

function isColumnar(doc: EngineDoc): boolean {
  return (
    doc.kind === 'passage' &&
    doc.key === `p:${doc.ref}` &&
    /^[1-9]\d{0,14}$/.test(doc.ref) &&
    doc.title === '' &&
    typeof doc.sourceId === 'string' &&
    typeof doc.anchor === 'string' &&
    Number.isSafeInteger(doc.ordinal) &&
    typeof doc.passageKind === 'string' &&
    doc.issued !== undefined &&
    Array.isArray(doc.mentions) &&
    doc.mentions.every((m) => m.start >= 0 && m.end >= 0 && m.start < NO_STRING && m.end < NO_STRING) &&
    doc.entityType === undefined &&
    doc.aliases === undefined &&
    doc.tags === undefined
  );
}

export function encodeDocs(docs: readonly (EngineDoc | null)[]): EncodedDocs {
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const stringId = (s: string) => {
    let id = stringIds.get(s);
    if (id === undefined) stringIds.set(s, (id = strings.push(s) - 1));
    return id;
  };
  const entries: unknown[] = [];
  const numbers: number[] = [];
  const mentionOffsets: number[] = [];
  const mentions: number[] = [];
  for (const doc of docs) {
    if (!doc || !isColumnar(doc)) {
      // Texts travel in their own section, so the JSON never carries them.
      entries.push(doc ? { ...doc, text: '' } : null);
      continue;
    }
    entries.push(0);
    numbers.push(
      Number(doc.ref),
      doc.ordinal!,
      stringId(doc.sourceId!),
      stringId(doc.anchor!),
      stringId(doc.passageKind!),
      doc.issued === null ? NO_STRING : stringId(doc.issued!),
    );
    mentionOffsets.push(mentions.length);
    for (const m of doc.mentions!) mentions.push(stringId(m.entityId), m.start, m.end);
  }
  mentionOffsets.push(mentions.length);
  return {
    json: JSON.stringify(entries),
    strings: JSON.stringify(strings),
    numbers: Float64Array.from(numbers),
    mentionOffsets: Uint32Array.from(mentionOffsets),
    mentions: Uint32Array.from(mentions),
  };
}

/** The documents back, each with text '' (the caller fills texts in); throws on inconsistent data. */
export function decodeDocs(encoded: EncodedDocs): (EngineDoc | null)[] {
  const entries = JSON.parse(encoded.json) as (EngineDoc | null | 0)[];
  const strings = JSON.parse(encoded.strings) as string[];
  const { numbers, mentionOffsets, mentions } = encoded;
  const string = (id: number) => {
    const s = strings[id];
    if (s === undefined) throw new Error(`string ${id} is missing`);
    return s;
  };
  const docs = new Array<EngineDoc | null>(entries.length);
  let row = 0;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry !== 0) {
      docs[i] = entry;
      continue;
    }
    if ((row + 1) * FIELDS > numbers.length || row + 1 >= mentionOffsets.length) throw new Error('passage columns are too short');
    const at = row * FIELDS;
    const ref = String(numbers[at]!);
    const issued = numbers[at + 5]!;
    const list: NonNullable<EngineDoc['mentions']> = [];
    for (let m = mentionOffsets[row]!; m < mentionOffsets[row + 1]!; m += 3)
      list.push({ entityId: string(mentions[m]!), start: mentions[m + 1]!, end: mentions[m + 2]! });
    docs[i] = {
      key: `p:${ref}`,
      kind: 'passage',
      ref,
      title: '',
      text: '',
      sourceId: string(numbers[at + 2]!),
      anchor: string(numbers[at + 3]!),
      ordinal: numbers[at + 1]!,
      passageKind: string(numbers[at + 4]!) as PassageKind,
      issued: issued === NO_STRING ? null : string(issued),
      mentions: list,
    };
    row++;
  }
  if (row * FIELDS !== numbers.length || mentionOffsets.length !== row + 1 || mentionOffsets[row] !== mentions.length)
    throw new Error('passage columns do not match the documents');
  return docs;
}
