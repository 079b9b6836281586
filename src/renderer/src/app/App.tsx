import { LibraryView } from '../features/library/LibraryView';
import { ReaderView } from '../features/reader/ReaderView';
import { EntitiesView } from '../features/entities/EntitiesView';
import { EntityPanel } from '../features/entities/EntityPanel';
import { Sidebar } from './Sidebar';
import { useRoute, withQuery, type Route } from './route';

function MainView({ route }: { route: Route }) {
  switch (route.view) {
    case 'source':
      return <ReaderView route={route} sourceId={route.params[0] ?? ''} anchor={route.params[1]} />;
    case 'entities':
      return <EntitiesView route={route} />;
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
      <main className="main" id="main">
        <MainView route={route} />
      </main>
      {entityId && <EntityPanel entityId={entityId} closeHref={withQuery(route, { entity: undefined })} />}
    </div>
  );
}
