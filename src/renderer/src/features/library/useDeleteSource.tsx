import { useState } from 'react';
import type { CitingNote, SourceSummary } from '../../../../shared/domain';
import { api } from '../../api';
import { useToast } from '../../app/toasts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

interface Pending {
  source: SourceSummary;
  citing: CitingNote[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Deleting a source from the library: first ask, naming what happens. While notes cite it the
 * plain deletion is refused (the dialog lists them) and the only way on is that each citation
 * keeps its pinned version. Undo, in the toast, restores it.
 */
export function useDeleteSource(onError: (message: string) => void) {
  const [pending, setPending] = useState<Pending | null>(null);
  const toast = useToast();
  const title = (s: SourceSummary) => s.metadata.title ?? s.id;

  const ask = (source: SourceSummary) =>
    void api()
      .sources.citedBy({ id: source.id })
      .then(
        (citing) => setPending({ source, citing }),
        (e: Error) => onError(e.message),
      );

  const restore = (source: SourceSummary) =>
    void api()
      .sources.restore({ id: source.id })
      .then(
        () => toast({ message: `Restored “${title(source)}”.` }),
        (e: Error) => onError(e.message),
      );

  const confirm = () => {
    if (!pending) return;
    const { source, citing } = pending;
    setPending(null);
    void api()
      .sources.delete({ id: source.id, keepCitations: citing.length > 0 })
      .then(
        (done) =>
          toast({
            message: `Deleted “${title(source)}”.${done.pinned ? ` ${plural(done.pinned, 'citation')} keep their pinned version.` : ''}`,
            action: { label: 'Undo', run: () => restore(source) },
          }),
        (e: Error) => onError(e.message),
      );
  };

  const citations = pending?.citing.reduce((n, c) => n + c.citations, 0) ?? 0;
  const dialog = (
    <ConfirmDialog
      open={pending !== null}
      title={pending ? `Delete “${title(pending.source)}”?` : ''}
      message={
        !pending
          ? ''
          : pending.citing.length === 0
            ? 'It leaves the library, search, the entity lists and the graph. You can undo it right after.'
            : `${plural(pending.citing.length, 'note')} ${pending.citing.length === 1 ? 'cites' : 'cite'} it (${plural(citations, 'citation')}), so it cannot simply be deleted. ` +
              'You may delete it keeping each citation pinned: the quoted words and the text they were taken from stay in the notebook, ' +
              'so the notes still show and export their quotes, marked as from a deleted source.'
      }
      details={
        pending && pending.citing.length > 0 ? (
          <ul className="deletion-citing-notes" aria-label="Notes citing this source">
            {pending.citing.map((n) => (
              <li key={n.id}>
                {n.title}{' '}
                <span className="muted-inline">
                  ({plural(n.citations, 'citation')}
                  {n.inTrash ? ', in the trash' : ''})
                </span>
              </li>
            ))}
          </ul>
        ) : undefined
      }
      confirmLabel={pending && pending.citing.length > 0 ? 'Delete, keep citations pinned' : 'Delete source'}
      onConfirm={confirm}
      onCancel={() => setPending(null)}
    />
  );
  return { ask, restore, dialog };
}
