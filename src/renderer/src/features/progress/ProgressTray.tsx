import { useTasks } from './useTasks';

/** Long work anywhere in the notebook (indexing, import, export) shows here while the UI stays usable. */
export function ProgressTray() {
  const tasks = useTasks();
  if (tasks.length === 0) return null;
  return (
    <section className="progress-tray" aria-label="Work in progress" aria-live="polite">
      {tasks.map((t) => (
        <div key={t.task} className={`task ${t.finished ? 'finished' : ''}`} data-task={t.task}>
          <div className="task-label">
            {t.label}
            {t.finished ? ' — done' : t.total > 0 ? ` ${t.done} / ${t.total}` : '…'}
          </div>
          <progress max={Math.max(t.total, 1)} value={t.finished ? Math.max(t.total, 1) : t.done} aria-label={t.label} />
        </div>
      ))}
    </section>
  );
}
