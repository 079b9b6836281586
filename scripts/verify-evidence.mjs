#!/usr/bin/env node
// Verifies a Sourcebook evidence pack offline, with Node.js alone (no packages, no network):
//   node scripts/verify-evidence.mjs report.zip [--json]
// Checks that every file listed in manifest.json has its SHA-256, that each quote's SHA-256 matches,
// and that each quote is exactly the text between its offsets in the pinned source text.
// Exit code 0: every check passed; 1: a check failed; 2: the pack could not be read.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Reads a .zip's central directory: stored and deflated entries, which is all a pack uses. */
function readZip(buffer) {
  const minEocd = 22;
  let eocd = -1;
  for (let i = buffer.length - minEocd; i >= Math.max(0, buffer.length - minEocd - 65535); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const files = new Map();
  for (let n = 0; n < count; n++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error('corrupt central directory');
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const localOffset = buffer.readUInt32LE(offset + 42);
    const name = buffer.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    offset += 46 + nameLength + extraLength + commentLength;
    if (buffer.readUInt32LE(localOffset) !== 0x04034b50) throw new Error(`corrupt entry ${name}`);
    const dataStart = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    const raw = buffer.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) files.set(name, raw);
    else if (method === 8) files.set(name, zlib.inflateRawSync(raw));
    else throw new Error(`entry ${name} uses unsupported compression method ${method}`);
  }
  return files;
}

export function verifyPack(buffer) {
  const files = readZip(buffer);
  const failures = [];
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) throw new Error('manifest.json is missing');
  const manifest = JSON.parse(manifestBytes.toString('utf8'));
  if (manifest.format !== 'sourcebook-evidence-pack') throw new Error('manifest.json is not a Sourcebook evidence pack manifest');

  for (const file of manifest.files) {
    const bytes = files.get(file.path);
    if (!bytes) failures.push(`${file.path}: listed in the manifest but missing`);
    else if (sha256(bytes) !== file.sha256) failures.push(`${file.path}: SHA-256 differs from the manifest`);
  }
  const texts = new Map();
  for (const source of manifest.sources) {
    const bytes = files.get(source.path);
    if (!bytes) {
      failures.push(`${source.path}: source text missing`);
      continue;
    }
    if (sha256(bytes) !== source.sha256) failures.push(`${source.path}: SHA-256 differs from the manifest`);
    texts.set(`${source.id}\u0000${source.versionId}`, new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  }
  let verifiedQuotes = 0;
  for (const c of manifest.citations) {
    const label = `citation ${c.id}${c.note ? ` (note ${c.note})` : ''}`;
    if (sha256(Buffer.from(c.quote, 'utf8')) !== c.quoteSha256) {
      failures.push(`${label}: the quote's SHA-256 differs from the manifest`);
      continue;
    }
    const text = texts.get(`${c.sourceId}\u0000${c.versionId}`);
    if (text === undefined) {
      if (c.status === 'orphaned') continue;
      failures.push(`${label}: its source text is not in the pack`);
      continue;
    }
    const found = text.slice(c.start, c.end) === c.quote;
    if (found) verifiedQuotes += 1;
    else if (c.verified) failures.push(`${label}: the quote is not at offsets ${c.start}–${c.end} of ${c.sourceId}`);
  }
  const flagged = manifest.citations
    .filter((c) => c.status !== 'ok')
    .map((c) => ({ id: c.id, note: c.note, status: c.status, message: c.message }));
  return {
    ok: failures.length === 0,
    files: manifest.files.length,
    sources: manifest.sources.length,
    citations: manifest.citations.length,
    verifiedQuotes,
    flagged,
    failures,
  };
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${fs.realpathSync(process.argv[1])}`).href;
if (isMain) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  const json = args.includes('--json');
  if (!file) {
    process.stderr.write('Usage: node verify-evidence.mjs PACK.zip [--json]\n');
    process.exit(2);
  }
  let result;
  try {
    result = verifyPack(fs.readFileSync(file));
  } catch (error) {
    process.stderr.write(`verify-evidence: ${file}: ${error.message}\n`);
    process.exit(2);
  }
  if (json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else {
    process.stdout.write(
      `${file}: ${result.files} files, ${result.sources} sources, ${result.verifiedQuotes}/${result.citations} quotes found at their offsets.\n`,
    );
    for (const f of result.flagged)
      process.stdout.write(`  flagged in the report: ${f.id}${f.note ? ` (note ${f.note})` : ''}: ${f.status}: ${f.message}\n`);
    for (const f of result.failures) process.stdout.write(`  FAILED: ${f}\n`);
    process.stdout.write(result.ok ? 'OK: every hash and quote verifies.\n' : 'FAILED: the pack does not verify.\n');
  }
  process.exit(result.ok ? 0 : 1);
}
