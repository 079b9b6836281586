import { LibraryView } from '../features/library/LibraryView';
import { ReaderView } from '../features/reader/ReaderView';
import { EntitiesView } from '../features/entities/EntitiesView';
import { EntityPanel } from '../features/entities/EntityPanel';
import { GraphView } from '../features/entities/GraphView';
import { TimelineView } from '../features/entities/TimelineView';
import { NotesView } from '../features/notes/NotesView';
import { ReviewView } from '../features/notes/ReviewView';
import { SplitView } from '../features/notes/SplitView';
import { MetadataEditView } from '../features/import/MetadataForm';
import { ExportView } from '../features/export/ExportView';
import { SearchPalette } from '../features/search/SearchPalette';
import { SearchView } from '../features/search/SearchView';
import { SearchStateBanner } from '../features/search/SearchStateBanner';
import { Sidebar } from './Sidebar';
import { useRoute, withQuery, type Route } from './route';

function MainView({ route }: { route: Route }) {
  switch (route.view) {
    case 'source': {
      const reader = <ReaderView route={route} sourceId={route.params[0] ?? ''} anchor={route.params[1]} />;
      const noteId = route.query.get('note');
      return noteId ? <SplitView reader={reader} noteId={noteId} closeHref={withQuery(route, { note: undefined })} /> : reader;
    }
    case 'notes':
      return <NotesView noteId={route.params[0]} />;
    case 'review':
      return <ReviewView />;
    case 'edit-source':
      return <MetadataEditView sourceId={route.params[0] ?? ''} />;
    case 'export':
      return <ExportView route={route} />;
    case 'search':
      return <SearchView route={route} />;
    case 'entities':
      return <EntitiesView route={route} />;
    case 'graph':
      return <GraphView route={route} />;
    case 'timeline':
      return <TimelineView route={route} />;
    default:
      return <LibraryView />;
  }
}

export function App() {
  const route = useRoute();
  const entityId = route.query.get('entity');
  return (
    <div className={`app ${entityId ? 'with-panel' : ''}`}>
      <Sidebar route={route} />
      <SearchPalette />
      <main className="main" id="main">
        <SearchStateBanner />
        <MainView route={route} />
      </main>
      {entityId && (
        <EntityPanel
          entityId={entityId}
          closeHref={withQuery(route, { entity: undefined })}
          hrefFor={(id) => withQuery(route, { entity: id })}
        />
      )}
    </div>
  );
}
