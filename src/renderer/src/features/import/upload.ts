import { api } from '../../api';

/** Raw bytes per call: base64 grows them by a third and the loopback shell takes 4 MB a request. */
const CHUNK_BYTES = 1536 * 1024;

export function randomId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Sends a file's bytes to the notebook in order, chunk by chunk, so files of any size up to the
 * import limit cross the loopback shell; returns the upload id the import call refers to.
 */
export async function stageFile(file: File, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<string> {
  const uploadId = randomId('up');
  let offset = 0;
  onProgress(0);
  do {
    if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
    const chunk = new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
    await api().imports.stage({ uploadId, offset, base64: toBase64(chunk) });
    offset += chunk.length;
    onProgress(file.size === 0 ? 1 : offset / file.size);
  } while (offset < file.size);
  return uploadId;
}

// Bidi overrides make "evil\u202Egpj.txt" read as "eviltxt.jpg"; control characters have no business in a name.
const DECEPTIVE = new RegExp('[\\p{Cc}\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]', 'gu');

/** The path inside a dropped or picked folder, or the bare name, without deceptive characters. */
export const displayName = (file: File): string => (file.webkitRelativePath || file.name).replace(DECEPTIVE, '') || 'unnamed file';

/** Walks dropped folders (webkitGetAsEntry) into a flat list of files, skipping hidden ones. */
export async function filesFromDrop(items: DataTransferItemList): Promise<File[]> {
  const entries = Array.from(items)
    .map((item) => item.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => !!e);
  const files: File[] = [];
  const visit = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.name.startsWith('.')) return;
    if (entry.isFile) {
      files.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries returns at most ~100 entries per call; call until it returns none.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await visit(child);
    }
  };
  for (const entry of entries) await visit(entry);
  return files;
}
