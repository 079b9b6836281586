import {
  BookOpen,
  ChevronsLeft,
  ChevronsRight,
  FileOutput,
  ListChecks,
  CalendarRange,
  Network,
  Search,
  Settings,
  StickyNote,
  Users,
  type LucideIcon,
} from 'lucide-react';
import type { Route } from './route';
import { ProgressTray } from '../features/progress/ProgressTray';
import { MOD } from './shortcuts';
import '../features/progress/progress.css';

interface NavItem {
  view: string;
  label: string;
  href: string;
  icon: LucideIcon;
  hint?: string;
}

/** The sections; a new view adds one line here and one case in MainView. */
const NAV: NavItem[] = [
  { view: 'library', label: 'Library', href: '#/library', icon: BookOpen },
  { view: 'search', label: 'Search', href: '#/search', icon: Search, hint: `${MOD}+K` },
  { view: 'entities', label: 'Entities', href: '#/entities', icon: Users },
  { view: 'graph', label: 'Graph', href: '#/graph', icon: Network },
  { view: 'timeline', label: 'Timeline', href: '#/timeline', icon: CalendarRange },
  { view: 'notes', label: 'Notes', href: '#/notes', icon: StickyNote },
  { view: 'review', label: 'Review', href: '#/review', icon: ListChecks },
  { view: 'export', label: 'Export', href: '#/export', icon: FileOutput },
  { view: 'settings', label: 'Settings', href: '#/settings', icon: Settings },
];

const SECTION_OF: Record<string, string> = { source: 'library', 'edit-source': 'library' };

export function Sidebar({
  route,
  collapsed,
  canExpand,
  onToggle,
}: {
  route: Route;
  collapsed: boolean;
  canExpand: boolean;
  onToggle: () => void;
}) {
  const active = SECTION_OF[route.view] ?? route.view;
  return (
    <nav className={`sidebar ${collapsed ? 'collapsed' : ''}`} aria-label="Sections">
      <div className="brand" aria-hidden={collapsed}>
        {collapsed ? 'S' : 'Sourcebook'}
      </div>
      <ul>
        {NAV.map(({ view, label, href, icon: Icon, hint }) => (
          <li key={view}>
            <a
              href={href}
              aria-current={active === view ? 'page' : undefined}
              title={collapsed ? label : hint ? `${label} (${hint})` : undefined}
            >
              <Icon aria-hidden="true" size={18} />
              <span className={collapsed ? 'visually-hidden' : 'nav-label'}>{label}</span>
              {hint && !collapsed && <kbd className="nav-hint">{hint}</kbd>}
            </a>
          </li>
        ))}
      </ul>
      <ProgressTray />
      {canExpand && (
        <button
          type="button"
          className="sidebar-toggle"
          onClick={onToggle}
          aria-label={collapsed ? 'Show the section names' : 'Show icons only'}
        >
          {collapsed ? <ChevronsRight aria-hidden="true" size={16} /> : <ChevronsLeft aria-hidden="true" size={16} />}
        </button>
      )}
      <p className="offline-note" title="Sourcebook never makes a network request">
        {collapsed ? <span aria-label="Offline, local only">●</span> : 'Offline · local only'}
      </p>
    </nav>
  );
}
