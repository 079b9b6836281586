import { api } from '../../api';
import { routeHref } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { Status } from '../../ui/Status';
import { OrUnknown } from '../../ui/Unknown';
import { ImportPanel } from '../import/ImportPanel';
import { FirstRunGuide } from '../workspace/FirstRun';

export function LibraryView() {
  // Sources imported or edited anywhere (this window, another, the CLI) appear without a reload.
  const sources = useLoad(() => api().sources.list({}), 'sources', [{ kind: 'source' }]);
  const firstSourceId = sources.status === 'ready' ? sources.data[0]?.id : undefined;
  return (
    <section className="library" aria-labelledby="library-title">
      <header className="view-header">
        <h1 id="library-title">Library</h1>
      </header>
      <FirstRunGuide firstSourceId={firstSourceId} />
      <ImportPanel onImported={sources.reload}>
        <Status state={sources}>
          {(list) =>
            list.length === 0 ? (
              <div className="empty-state">
                <p>No sources yet.</p>
                <p>Import text, Markdown, web pages (HTML), PDF or Word files with the buttons above, or drop files and folders here.</p>
              </div>
            ) : (
              <table className="source-table">
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col">Author</th>
                    <th scope="col" className="col-date">
                      Date
                    </th>
                    <th scope="col" className="col-publisher">
                      Publisher
                    </th>
                    <th scope="col" className="num">
                      Passages
                    </th>
                    <th scope="col" className="num col-mentions">
                      Mentions
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((s) => (
                    <tr key={s.id} data-source-id={s.id}>
                      <td>
                        <a className="source-link" href={routeHref('source', [s.id])}>
                          <OrUnknown value={s.metadata.title} />
                        </a>
                      </td>
                      <td>
                        <OrUnknown value={s.metadata.authors.join('; ')} />
                      </td>
                      <td className="col-date">
                        <OrUnknown value={s.metadata.issued} />
                      </td>
                      <td className="col-publisher">
                        <OrUnknown value={s.metadata.publisher} />
                      </td>
                      <td className="num">{s.passageCount}</td>
                      <td className="num col-mentions">{s.mentionCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Status>
      </ImportPanel>
    </section>
  );
}
