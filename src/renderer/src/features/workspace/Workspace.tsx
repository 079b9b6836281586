import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { MainView } from '../../app/MainView';
import { ShortcutSheet } from '../../app/ShortcutSheet';
import { Sidebar } from '../../app/Sidebar';
import { Splitter } from '../../app/Splitter';
import { useDismiss } from '../../app/layers';
import { useRoute, withQuery } from '../../app/route';
import { useSettings } from '../../app/settings';
import { COMPACT_SIDEBAR, NARROW, useMediaQuery } from '../../app/useMediaQuery';
import { EntityPanel } from '../entities/EntityPanel';
import { SearchPalette } from '../search/SearchPalette';
import { SearchStateBanner } from '../search/SearchStateBanner';
import { FindBar } from './FindBar';
import { useFirstRun } from './FirstRun';
import { NoteDock } from './NoteDock';
import { TopBar } from './TopBar';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import { useWorkspace } from './WorkspaceContext';

const NOTE_MIN = 320;
const ENTITY_MIN = 280;
/** With no note open, the dock keeps only the room its invitation needs. */
const EMPTY_DOCK = 300;

/**
 * The writer's workspace: sections on the left, the view in the middle (with the entity panel
 * beside or over it), and the open note on the right at full height, resizable with a splitter.
 * In a narrow window the sidebar shows icons and the note becomes a drawer.
 */
export function Workspace() {
  const route = useRoute();
  const { settings, update } = useSettings();
  const workspace = useWorkspace();
  const { openNote, newNote, flushNote, drawerOpen, setDrawerOpen } = workspace;
  const narrow = useMediaQuery(NARROW);
  const compactSidebar = useMediaQuery(COMPACT_SIDEBAR);
  const [noteWidth, setNoteWidth] = useState(settings.notePaneWidth);
  const [entityWidth, setEntityWidth] = useState(settings.entityPanelWidth);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [switcherOpen, setSwitcherOpen] = useState(false);
  const [findOpen, setFindOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  const viewArea = useRef<HTMLDivElement>(null);
  const { markDone } = useFirstRun();
  useEffect(() => setNoteWidth(settings.notePaneWidth), [settings.notePaneWidth]);
  useEffect(() => setEntityWidth(settings.entityPanelWidth), [settings.entityPanelWidth]);

  // A link may name a note to open beside its view (#/source/x?note=n-…).
  const noteInUrl = route.query.get('note');
  useEffect(() => {
    if (noteInUrl) openNote(noteInUrl);
  }, [noteInUrl, openNote]);
  useEffect(() => {
    if (route.view === 'source') markDone('read');
    if (route.view === 'export') markDone('export');
  }, [route.view, markDone]);
  // A new view starts at its top, with the find bar closed.
  useEffect(() => {
    main.current?.scrollTo?.({ top: 0 });
    setFindOpen(false);
  }, [route.view, route.params[0]]); // eslint-disable-line react-hooks/exhaustive-deps -- only a change of view or source

  // The desktop shell asks before closing its window: the open note is saved, then the window closes.
  useEffect(() => api().on('closing', () => void flushNote('close').finally(() => window.close())), [flushNote]);

  const noteShowing = !narrow || drawerOpen;
  useDismiss(narrow && drawerOpen, () => setDrawerOpen(false));
  const toggleNoteFocus = () => {
    const editor = document.querySelector<HTMLElement>('#note-dock .note-content');
    if (editor && !editor.contains(document.activeElement)) {
      setDrawerOpen(true);
      editor.focus();
    } else main.current?.focus();
  };
  useGlobalShortcuts({
    showShortcuts: () => setSheetOpen(true),
    newNote,
    switchNote: () => {
      setDrawerOpen(true);
      setSwitcherOpen(true);
    },
    find: () => setFindOpen(true),
    toggleNoteFocus,
  });

  const entityId = route.query.get('entity');
  const collapsed = compactSidebar || settings.sidebarCollapsed;
  const findRoot = useCallback(() => main.current, []);
  const maxNote = () => Math.max(NOTE_MIN, Math.round(window.innerWidth * 0.6));

  return (
    <div className={`app ${collapsed ? 'sidebar-collapsed' : ''} ${narrow ? 'narrow' : ''}`}>
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        Skip to content
      </a>
      <Sidebar
        route={route}
        collapsed={collapsed}
        canExpand={!compactSidebar}
        onToggle={() => update({ sidebarCollapsed: !settings.sidebarCollapsed })}
      />
      <div
        className={`view-area ${entityId ? 'with-panel' : ''}`}
        ref={viewArea}
        style={{ '--entity-width': `${entityWidth}px` } as React.CSSProperties}
      >
        <header className="top-bar-region">
          <TopBar
            narrow={narrow}
            noteShowing={noteShowing}
            toggleNote={() => setDrawerOpen(!drawerOpen)}
            showShortcuts={() => setSheetOpen(true)}
            find={() => setFindOpen(true)}
          />
        </header>
        <FindBar open={findOpen} close={() => setFindOpen(false)} root={findRoot} />
        <div className="view-columns">
          <main className="main" id="main" ref={main} tabIndex={-1}>
            <SearchStateBanner />
            <MainView route={route} />
          </main>
          {entityId && (
            <EntityPanel
              entityId={entityId}
              closeHref={withQuery(route, { entity: undefined })}
              hrefFor={(id) => withQuery(route, { entity: id })}
              splitter={
                <Splitter
                  label="Resize the entity panel"
                  controls="entity-panel"
                  value={entityWidth}
                  min={ENTITY_MIN}
                  max={640}
                  widthAt={(x) => (viewArea.current?.getBoundingClientRect().right ?? window.innerWidth) - x}
                  onResize={setEntityWidth}
                  onCommit={(w) => update({ entityPanelWidth: w })}
                />
              }
            />
          )}
        </div>
      </div>
      <aside
        className={`note-dock ${narrow ? 'drawer' : ''} ${noteShowing ? 'showing' : ''}`}
        id="note-dock"
        aria-label="Note"
        inert={!noteShowing}
        style={narrow ? undefined : { width: workspace.openNoteId ? Math.min(noteWidth, maxNote()) : EMPTY_DOCK }}
      >
        {!narrow && workspace.openNoteId && (
          <Splitter
            label="Resize the note pane"
            controls="note-dock"
            value={noteWidth}
            min={NOTE_MIN}
            max={maxNote()}
            widthAt={(x) => window.innerWidth - x}
            onResize={setNoteWidth}
            onCommit={(w) => update({ notePaneWidth: w })}
          />
        )}
        <NoteDock
          switcherOpen={switcherOpen}
          setSwitcherOpen={setSwitcherOpen}
          hideDrawer={narrow ? () => setDrawerOpen(false) : undefined}
        />
      </aside>
      <SearchPalette />
      <ShortcutSheet open={sheetOpen} close={() => setSheetOpen(false)} />
    </div>
  );
}
