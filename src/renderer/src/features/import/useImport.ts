import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportFailure, ImportSummary } from '../../../../shared/imports';
import { api } from '../../api';
import { displayName, randomId, stageFile } from './upload';

export interface FileProgress {
  name: string;
  /** 0–1: the first fifth is sending the bytes, the rest is the notebook reading them. */
  fraction: number;
  label: string;
  done: boolean;
}

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'running'; jobId: string; files: FileProgress[]; cancelling: boolean }
  | { phase: 'done'; summary: ImportSummary; files: FileProgress[] }
  | { phase: 'error'; message: string };

const UPLOAD_SHARE = 0.2;

/** Runs one import of browser files: stage each file's bytes, then import them as one job. */
export function useImport(onImported: () => void) {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const jobId = useRef<string | null>(null);

  const update = useCallback((index: number, patch: Partial<FileProgress>) => {
    setState((s) => (s.phase === 'running' ? { ...s, files: s.files.map((f, i) => (i === index ? { ...f, ...patch } : f)) } : s));
  }, []);

  useEffect(
    () =>
      api().on('progress', (p) => {
        const prefix = `import:${jobId.current}:`;
        if (!jobId.current || !p.task.startsWith(prefix)) return;
        const index = Number(p.task.slice(prefix.length));
        const label = p.label.slice(p.label.indexOf(': ') + 2);
        update(index, { fraction: UPLOAD_SHARE + (1 - UPLOAD_SHARE) * (p.done / Math.max(1, p.total)), label, done: p.finished });
      }),
    [update],
  );

  const start = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      const id = randomId('job');
      jobId.current = id;
      abort.current = new AbortController();
      const signal = abort.current.signal;
      setState({
        phase: 'running',
        jobId: id,
        cancelling: false,
        files: files.map((f) => ({ name: displayName(f), fraction: 0, label: 'waiting', done: false })),
      });
      try {
        const staged: { fileName: string; uploadId: string }[] = [];
        const refused: ImportFailure[] = [];
        for (const [index, file] of files.entries()) {
          update(index, { label: 'sending' });
          try {
            const uploadId = await stageFile(file, (f) => update(index, { fraction: f * UPLOAD_SHARE }), signal);
            staged.push({ fileName: file.name, uploadId });
            update(index, { label: 'waiting to be read' });
          } catch (error) {
            if (signal.aborted) throw error;
            // A file the notebook refuses while receiving it (too large) fails alone.
            const reason = error instanceof Error ? error.message : String(error);
            refused.push({ fileName: file.name, reason });
            update(index, { fraction: 1, label: reason, done: true });
          }
        }
        const summary: ImportSummary =
          staged.length > 0
            ? await api().imports.importFiles({ jobId: id, files: staged })
            : { jobId: id, imported: [], failures: [], cancelled: false, elapsedMs: 0 };
        summary.failures.push(...refused);
        setState((s) => ({ phase: 'done', summary, files: s.phase === 'running' ? s.files : [] }));
        if (summary.imported.length > 0) onImported();
      } catch (error) {
        if (signal.aborted) setState({ phase: 'error', message: 'Import cancelled before the files were sent; nothing was imported.' });
        else setState({ phase: 'error', message: error instanceof Error ? error.message : String(error) });
      } finally {
        abort.current = null;
      }
    },
    [onImported, update],
  );

  const cancel = useCallback(() => {
    abort.current?.abort();
    setState((s) => (s.phase === 'running' ? { ...s, cancelling: true } : s));
    if (jobId.current) void api().imports.cancel({ jobId: jobId.current });
  }, []);

  const dismiss = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, start, cancel, dismiss };
}
