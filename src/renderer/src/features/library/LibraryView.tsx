import { useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../app/useLoad';
import { useListChoice } from '../../app/useListChoice';
import { Status } from '../../ui/Status';
import { ImportPanel } from '../import/ImportPanel';
import { FirstRunGuide } from '../workspace/FirstRun';
import { LibraryBibliography } from './LibraryBibliography';
import { LibraryToolbar } from './LibraryToolbar';
import { listSources, SOURCE_LIST, tagCounts } from './listing';
import { SourceTable } from './SourceTable';
import { useDeleteSource } from './useDeleteSource';
import { usePurgeSource } from './usePurgeSource';
import './library.css';

function EmptyLibrary({ deleted }: { deleted: boolean }) {
  if (deleted) return <p className="status empty-state">No deleted sources. A source you delete waits here, and can be restored.</p>;
  return (
    <div className="empty-state">
      <p>No sources yet.</p>
      <p>Import text, Markdown, web pages (HTML), PDF or Word files with the buttons above, or drop files and folders here.</p>
    </div>
  );
}

export function LibraryView() {
  const [deleted, setDeleted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Sources imported, tagged or deleted anywhere (this window, another, the CLI) show without a reload.
  const sources = useLoad(() => api().sources.list(deleted ? { deleted: true } : {}), `sources:${deleted}`, [{ kind: 'source' }]);
  const [choice, set, sortBy] = useListChoice('library', SOURCE_LIST);
  const removal = useDeleteSource(setError);
  const purge = usePurgeSource(setError);
  const firstSourceId = sources.status === 'ready' && !deleted ? sources.data[0]?.id : undefined;
  return (
    <section className="library" aria-labelledby="library-title">
      <header className="view-header">
        <h1 id="library-title">{deleted ? 'Deleted sources' : 'Library'}</h1>
        <LibraryBibliography />
      </header>
      <FirstRunGuide firstSourceId={firstSourceId} />
      <ImportPanel onImported={sources.reload}>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <Status state={sources}>
          {(all) => {
            const list = listSources(all, choice);
            return (
              <>
                {(all.length > 0 || deleted) && (
                  <LibraryToolbar
                    choice={choice}
                    set={set}
                    tags={tagCounts(all)}
                    shown={list.length}
                    total={all.length}
                    deleted={deleted}
                    setDeleted={setDeleted}
                    onError={setError}
                  />
                )}
                {all.length === 0 ? (
                  <EmptyLibrary deleted={deleted} />
                ) : list.length === 0 ? (
                  <p className="status empty-state">No source matches the filter.</p>
                ) : (
                  <SourceTable
                    list={list}
                    choice={choice}
                    sortBy={sortBy}
                    chooseTag={(only) => set({ only })}
                    deleted={deleted}
                    onDelete={removal.ask}
                    onRestore={removal.restore}
                    onPurge={purge.ask}
                  />
                )}
              </>
            );
          }}
        </Status>
      </ImportPanel>
      {removal.dialog}
      {purge.dialog}
    </section>
  );
}
