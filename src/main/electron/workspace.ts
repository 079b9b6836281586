import type { BrowserWindow } from 'electron';
import { ipcEventChannel } from '../../shared/contract';

/** The smallest window the workspace lays out without clipping (the note becomes a drawer below 1024 px). */
export const MIN_WIDTH = 900;
export const MIN_HEIGHT = 600;
/** How long a window waits for its page to save the open note before it closes anyway. */
const FLUSH_TIMEOUT_MS = 5_000;

/**
 * What the browser gives the loopback shell for free, given to the desktop window: a minimum
 * size, the mouse's back and forward buttons and trackpad swipes (Alt+← and Alt+→ and find in
 * page are the page's own, in both shells), and the open note saved before the window closes.
 */
export function attachWorkspaceBehaviour(window: BrowserWindow): void {
  window.setMinimumSize(MIN_WIDTH, MIN_HEIGHT);

  const history = window.webContents.navigationHistory;
  const go = (where: 'back' | 'forward') => {
    if (where === 'back' && history.canGoBack()) history.goBack();
    if (where === 'forward' && history.canGoForward()) history.goForward();
  };
  // Mouse buttons 4 and 5 on Windows and Linux.
  window.on('app-command', (_, command) => {
    if (command === 'browser-backward') go('back');
    if (command === 'browser-forward') go('forward');
  });
  // Trackpad swipes on macOS.
  window.on('swipe', (_, direction) => {
    if (direction === 'right') go('back');
    if (direction === 'left') go('forward');
  });

  // Closing: the page is asked to save its open note (recording a revision) and closes itself;
  // if it does not answer in time (a hung page), the window closes all the same.
  let pageSaved = false;
  window.on('close', (event) => {
    if (pageSaved || window.webContents.isDestroyed() || window.webContents.isCrashed()) return;
    event.preventDefault();
    pageSaved = true;
    window.webContents.send(ipcEventChannel('closing'), {});
    setTimeout(() => {
      if (!window.isDestroyed()) window.destroy();
    }, FLUSH_TIMEOUT_MS).unref();
  });
}
