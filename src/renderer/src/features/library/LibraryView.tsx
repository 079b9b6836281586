import { api } from '../../api';
import { routeHref } from '../../app/route';
import { useLoad } from '../../app/useLoad';
import { Status } from '../../ui/Status';
import { OrUnknown } from '../../ui/Unknown';
import { ImportPanel } from '../import/ImportPanel';
import { LibraryBibliography } from './LibraryBibliography';
import './library.css';
import { authorsLabel } from '../../../../shared/names';
import { publishedIn } from '../../../../shared/sourceMetadata';

export function LibraryView() {
  const sources = useLoad(() => api().sources.list({}), 'sources');
  return (
    <section className="library" aria-labelledby="library-title">
      <header className="view-header">
        <h1 id="library-title">Library</h1>
        <LibraryBibliography />
      </header>
      <ImportPanel onImported={sources.reload}>
        <Status state={sources}>
          {(list) => (
            <table className="source-table">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Author</th>
                  <th scope="col">Date</th>
                  <th scope="col">Published in</th>
                  <th scope="col" className="num">
                    Passages
                  </th>
                  <th scope="col" className="num">
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
                      <OrUnknown value={authorsLabel(s.metadata.authors)} />
                    </td>
                    <td>
                      <OrUnknown value={s.metadata.issued} />
                    </td>
                    <td>
                      <OrUnknown value={publishedIn(s.metadata)} />
                    </td>
                    <td className="num">{s.passageCount}</td>
                    <td className="num">{s.mentionCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Status>
      </ImportPanel>
    </section>
  );
}
