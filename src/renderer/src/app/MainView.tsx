import { LibraryView } from '../features/library/LibraryView';
import { ReaderView } from '../features/reader/ReaderView';
import { EntitiesView } from '../features/entities/EntitiesView';
import { GraphView } from '../features/entities/GraphView';
import { TimelineView } from '../features/entities/TimelineView';
import { NotesView } from '../features/notes/NotesView';
import { ReviewView } from '../features/notes/ReviewView';
import { MetadataEditView } from '../features/import/MetadataForm';
import { ExportView } from '../features/export/ExportView';
import { SearchView } from '../features/search/SearchView';
import { SettingsView } from '../features/settings/SettingsView';
import type { Route } from './route';

/**
 * The view the URL names. Each is one feature folder; a new view (a graph, a timeline) is one
 * case here and one entry in the sidebar's list.
 */
export function MainView({ route }: { route: Route }) {
  switch (route.view) {
    case 'source':
      return <ReaderView route={route} sourceId={route.params[0] ?? ''} anchor={route.params[1]} />;
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
    case 'settings':
      return <SettingsView />;
    default:
      return <LibraryView />;
  }
}
