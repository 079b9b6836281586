import { inflateRawSync } from 'node:zlib';
import { ImportError } from './failure';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressed: number;
  /** Expansion ratio above which a large entry is treated as a bomb. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxTotalUncompressed: 512 * 1024 * 1024, maxRatio: 200 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Reads the central directory only: sizes are checked before anything is decompressed. */
export function readZipDirectory(bytes: Buffer, label: string): ZipEntry[] {
  const invalid = () => new ImportError(`${label} is not a valid archive (damaged or not a zip file)`);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw invalid();
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ImportError(`${label} is a ZIP64 archive, larger than any real document`);
  if (offset + size > eocd) throw invalid();
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw invalid();
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      encrypted: (bytes.readUInt16LE(at + 8) & 1) === 1,
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

export function entryData(bytes: Buffer, entry: ZipEntry, label: string): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL)
    throw new ImportError(`${label} is not a valid archive (damaged entry "${entry.name.slice(0, 80)}")`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new ImportError(`${label} is truncated`);
  if (entry.method === 0) return data;
  try {
    // The declared size bounds the output: an entry that lies about its size fails here, not in memory.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ImportError(`${label} expands beyond the size it declares (decompression bomb?)`);
    }
    throw new ImportError(`${label} is damaged (entry "${entry.name.slice(0, 80)}" cannot be decompressed)`);
  }
}

/**
 * Refuses archives that would expand to far more than they weigh before any parser opens them,
 * and proves every entry inflates to no more than its declared size.
 */
export function checkZip(bytes: Buffer, label: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const entries = readZipDirectory(bytes, label);
  if (entries.length > limits.maxEntries)
    throw new ImportError(`${label} has ${entries.length} parts, more than ${limits.maxEntries} (decompression bomb?)`);
  let total = 0;
  for (const entry of entries) {
    if (entry.encrypted) throw new ImportError(`${label} is password-protected`);
    if (entry.method !== 0 && entry.method !== 8) throw new ImportError(`${label} uses an unsupported compression method`);
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > 10 * 1024 * 1024 && ratio > limits.maxRatio) {
      throw new ImportError(
        `${label} expands ${Math.round(ratio)}× (entry "${entry.name.slice(0, 80)}" would be ${Math.round(entry.uncompressedSize / 1048576)} MB): refused as a decompression bomb`,
      );
    }
  }
  if (total > limits.maxTotalUncompressed) {
    throw new ImportError(
      `${label} expands to ${Math.round(total / 1048576)} MB, more than ${Math.round(limits.maxTotalUncompressed / 1048576)} MB: refused as a decompression bomb`,
    );
  }
  for (const entry of entries) if (!entry.name.endsWith('/')) entryData(bytes, entry, label);
  return entries;
}
