// Electron's entry point. Everything the notebook does lives in ./services; this file only
// starts the desktop shell around them.
import { startElectronShell } from './electron/shell';

startElectronShell();
