import type { FileProgress } from './useImport';

function Bar({ fraction, label }: { fraction: number; label: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return <progress className="import-bar" max={100} value={percent} aria-label={label} />;
}

export function ImportProgress({ files, cancelling, onCancel }: { files: FileProgress[]; cancelling: boolean; onCancel: () => void }) {
  const finished = files.filter((f) => f.done).length;
  const overall = files.reduce((sum, f) => sum + f.fraction, 0) / Math.max(1, files.length);
  return (
    <section className="import-progress" aria-label="Import progress">
      <div className="import-overall">
        <span role="status">
          Importing {finished} of {files.length} files{cancelling ? ' — cancelling…' : ''}
        </span>
        <Bar fraction={overall} label="Overall import progress" />
        <button type="button" onClick={onCancel} disabled={cancelling}>
          Cancel
        </button>
      </div>
      <ul className="import-files">
        {files.map((f, index) => (
          <li key={index} className={f.done ? 'done' : ''}>
            <span className="import-file-name">{f.name}</span>
            <Bar fraction={f.fraction} label={`Progress of ${f.name}`} />
            <span className="import-file-label">{f.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
