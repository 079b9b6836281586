import type { Route } from './route';
import { ProgressTray } from '../features/progress/ProgressTray';
import '../features/progress/progress.css';

const NAV = [
  { view: 'library', label: 'Library', href: '#/library' },
  { view: 'entities', label: 'Entities', href: '#/entities' },
  { view: 'graph', label: 'Graph', href: '#/graph' },
  { view: 'timeline', label: 'Timeline', href: '#/timeline' },
  { view: 'notes', label: 'Notes', href: '#/notes' },
  { view: 'review', label: 'Review', href: '#/review' },
  { view: 'export', label: 'Export', href: '#/export' },
  { view: 'search', label: 'Search (Ctrl+K)', href: '#/search' },
] as const;

export function Sidebar({ route }: { route: Route }) {
  const active = route.view === 'source' ? 'library' : route.view;
  return (
    <nav className="sidebar" aria-label="Sections">
      <div className="brand">Sourcebook</div>
      <ul>
        {NAV.map((item) => (
          <li key={item.view}>
            <a href={item.href} aria-current={active === item.view ? 'page' : undefined}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
      <ProgressTray />
      <p className="offline-note" title="Sourcebook never makes a network request">
        Offline · local only
      </p>
    </nav>
  );
}
