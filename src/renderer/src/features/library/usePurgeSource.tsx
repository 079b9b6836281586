import { useState } from 'react';
import type { SourceSummary } from '../../../../shared/domain';
import { api } from '../../api';
import { useToast } from '../../app/toasts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Deleting a deleted source for good, from the deleted sources: asked first, since nothing brings
 * it back. While notes cite it (pinned citations prove their quotes with its text) it is refused
 * before anything is asked, naming them.
 */
export function usePurgeSource(onError: (message: string) => void) {
  const [pending, setPending] = useState<SourceSummary | null>(null);
  const toast = useToast();
  const title = (s: SourceSummary) => s.metadata.title ?? s.id;

  const ask = (source: SourceSummary) =>
    void api()
      .sources.citedBy({ id: source.id })
      .then(
        (citing) => {
          if (citing.length === 0) return setPending(source);
          const names = citing.map((n) => `“${n.title}”${n.inTrash ? ' (in the trash)' : ''}`).join(', ');
          onError(
            `“${title(source)}” cannot be deleted for good: ${plural(citing.length, 'note')} (${names}) ` +
              `${citing.length === 1 ? 'keeps' : 'keep'} citations pinned to its text. Remove those citations first.`,
          );
        },
        (e: Error) => onError(e.message),
      );

  const confirm = () => {
    if (!pending) return;
    const source = pending;
    setPending(null);
    void api()
      .sources.purge({ id: source.id })
      .then(
        (done) =>
          toast({
            message:
              `Deleted “${title(source)}” for good.` +
              (done.revisionsQuoting
                ? ` ${plural(done.revisionsQuoting, 'earlier note revision')} quoting it can no longer be restored.`
                : ''),
          }),
        (e: Error) => onError(e.message),
      );
  };

  const dialog = (
    <ConfirmDialog
      open={pending !== null}
      title={pending ? `Delete “${title(pending)}” for good?` : ''}
      message={
        'Its text, passages, mentions, tags and entity decisions leave the notebook, and nothing here can bring them back ' +
        '(a backup made before still holds them). Earlier revisions of notes that quoted it can no longer be restored.'
      }
      confirmLabel="Delete for good"
      onConfirm={confirm}
      onCancel={() => setPending(null)}
    />
  );
  return { ask, dialog };
}
