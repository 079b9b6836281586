import './import.css';
import { useRef, type ReactNode } from 'react';
import { ImportProgress } from './ImportProgress';
import { ImportSummaryView } from './ImportSummaryView';
import { filesFromDrop } from './upload';
import { useImport } from './useImport';

const ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.pdf,.docx';

/**
 * Import by file picker, folder picker, or by dropping files and folders onto the library (the
 * children). Progress per file and overall, cancel, and a summary with a reason for every failure.
 */
export function ImportPanel({ onImported, children }: { onImported: () => void; children: ReactNode }) {
  const { state, start, cancel, dismiss } = useImport(onImported);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const busy = state.phase === 'running';

  const picked = (input: HTMLInputElement | null) => {
    const files = Array.from(input?.files ?? []).filter((f) => !f.name.startsWith('.'));
    if (input) input.value = '';
    void start(files);
  };

  return (
    <div
      className="import-drop-zone"
      data-testid="library-drop-zone"
      onDragOver={(e) => {
        if (busy || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        e.currentTarget.classList.add('dragging');
      }}
      onDragLeave={(e) => e.currentTarget.classList.remove('dragging')}
      onDrop={(e) => {
        e.currentTarget.classList.remove('dragging');
        if (busy) return;
        e.preventDefault();
        const items = e.dataTransfer.items;
        const hasEntries = items.length > 0 && typeof items[0]?.webkitGetAsEntry === 'function' && items[0].webkitGetAsEntry() !== null;
        if (hasEntries) void filesFromDrop(items).then(start);
        else void start(Array.from(e.dataTransfer.files));
      }}
    >
      <div className="import-actions">
        <button type="button" onClick={() => filesInput.current?.click()} disabled={busy}>
          Import files…
        </button>
        <button type="button" onClick={() => folderInput.current?.click()} disabled={busy}>
          Import folder…
        </button>
        <span className="import-hint">or drop files and folders here (.txt, .md, .html, .pdf, .docx)</span>
        <input
          ref={filesInput}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          data-testid="import-files-input"
          onChange={(e) => picked(e.currentTarget)}
        />
        <input
          ref={(el) => {
            folderInput.current = el;
            // React has no typed prop for these; set them on the element.
            el?.setAttribute('webkitdirectory', '');
            el?.setAttribute('directory', '');
          }}
          type="file"
          multiple
          hidden
          data-testid="import-folder-input"
          onChange={(e) => picked(e.currentTarget)}
        />
      </div>
      {state.phase === 'running' && <ImportProgress files={state.files} cancelling={state.cancelling} onCancel={cancel} />}
      {state.phase === 'done' && <ImportSummaryView summary={state.summary} onDismiss={dismiss} />}
      {state.phase === 'error' && (
        <p className="status error" role="alert">
          {state.message}
        </p>
      )}
      {children}
    </div>
  );
}
