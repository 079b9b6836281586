import { app, BrowserWindow, ipcMain, dialog, protocol, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { allCalls, eventNames, ipcChannel, ipcEventChannel, type Envelope } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { openNotebook, type Notebook } from '../services/notebook';
import { defaultDataDir } from '../services/paths';
import { PAGED_DONE } from '../services/export/render-print';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../web/security';
import { APP_ENTRY, APP_SCHEME, appFile, isOwnUrl, mimeType, requestAllowed } from './policy';
import { attachWorkspaceBehaviour } from './workspace';

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** better-sqlite3 built for Node cannot load in Electron; `npm run rebuild:electron` puts this one beside it. */
function electronNativeBinding(): string | undefined {
  const candidate = path.join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

/**
 * Prints the export's print page with Electron's own Chromium in a hidden, sandboxed window. The
 * page's policy allows only its two hashed scripts (Paged.js and the call that runs it, which lay
 * out footnotes and page numbers) and loads nothing remote; printing waits for that layout.
 */
async function electronPrintToPdf(html: string): Promise<Buffer> {
  const printer = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, javascript: true, nodeIntegration: false },
  });
  try {
    await printer.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const layout = (await printer.webContents.executeJavaScript(`window.${PAGED_DONE}`)) as { error?: string } | undefined;
    if (!layout || layout.error) throw new ApiError('internal', `PDF export failed: page layout failed (${layout?.error ?? 'no layout'}).`);
    return await printer.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, margins: { marginType: 'none' } });
  } finally {
    printer.destroy();
  }
}

// Before the app is ready: the app's own scheme behaves like https (standard, secure, fetch).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** Serves the built renderer, and only it, as app://sourcebook/…, with the one security policy. */
function serveApp(): void {
  const root = path.join(import.meta.dirname, '../renderer');
  protocol.handle(APP_SCHEME, (request) => {
    const file = appFile(root, request.url);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return new Response('Not found.', { status: 404 });
    return new Response(fs.readFileSync(file), { headers: { ...SECURITY_HEADERS, 'Content-Type': mimeType(file) } });
  });
}

async function openExternally(window: BrowserWindow, url: string): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return;
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link outside Sourcebook?',
    detail: parsed.toString(),
  });
  if (response === 0) await shell.openExternal(parsed.toString());
}

function bindContract(notebook: Notebook, window: BrowserWindow): void {
  for (const { wire, spec } of allCalls()) {
    if (spec.hostOnly) continue; // never reachable from a page, so not even bound
    ipcMain.handle(ipcChannel(wire), async (event, input: unknown): Promise<Envelope> => {
      // Only our own window's top frame may call in; anything else is refused before validation.
      if (event.sender !== window.webContents || event.senderFrame !== window.webContents.mainFrame) {
        return { error: { code: 'invalid_input', message: 'Refused: unknown sender.' } };
      }
      try {
        return { result: (await notebook.dispatch(wire, input, 'window')) ?? null };
      } catch (error) {
        return { error: ApiError.from(error).toJSON() };
      }
    });
  }
  for (const name of eventNames()) {
    notebook.on(name, (payload) => {
      if (!window.isDestroyed()) window.webContents.send(ipcEventChannel(name), payload);
    });
  }
}

function createWindow(notebook: Notebook): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Sourcebook',
    show: false,
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // The spellchecker downloads dictionaries from the network: off.
      spellcheck: false,
    },
  });
  bindContract(notebook, window);
  attachWorkspaceBehaviour(window);
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(({ url }) => {
    void openExternally(window, url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (isOwnUrl(url)) return;
    event.preventDefault();
    void openExternally(window, url);
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  void window.loadURL(APP_ENTRY);
  return window;
}

export function startElectronShell(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let notebook: Notebook | undefined;
  let mainWindow: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  void app.whenReady().then(() => {
    serveApp();
    session.defaultSession.setSpellCheckerEnabled(false);
    session.defaultSession.setPermissionRequestHandler((_, __, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    // The app never talks to the network: anything but its own files is cancelled here too.
    session.defaultSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !requestAllowed(details.url) }));
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });
    const dataDir = defaultDataDir();
    try {
      notebook = openNotebook({
        dataDir,
        resourcesDir: path.join(app.getAppPath(), 'resources'),
        nativeBinding: electronNativeBinding(),
        printToPdf: electronPrintToPdf,
      });
    } catch (error) {
      dialog.showErrorBox('Sourcebook cannot open its notebook', error instanceof Error ? error.message : String(error));
      app.quit();
      return;
    }
    mainWindow = createWindow(notebook);
    notebook.search.warmUp(); // load or build the index in its worker while the window paints, then warm it up
  });
  app.on('window-all-closed', () => {
    notebook?.close();
    app.quit();
  });
}
