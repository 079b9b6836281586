import { SettingsProvider } from './settings';
import { ToastProvider } from './toasts';
import { WorkspaceProvider } from '../features/workspace/WorkspaceContext';
import { Workspace } from '../features/workspace/Workspace';

/** Settings first (theme, sizes, the open note), then notifications, then the workspace that uses both. */
export function App() {
  return (
    <SettingsProvider>
      <ToastProvider>
        <WorkspaceProvider>
          <Workspace />
        </WorkspaceProvider>
      </ToastProvider>
    </SettingsProvider>
  );
}
