import os from 'node:os';
import path from 'node:path';

/**
 * One default notebook folder for every shell, so the CLI, the loopback shell and the desktop
 * window open the same notebook. Linux follows XDG; macOS and Windows use their app-data folders.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.SOURCEBOOK_DATA_DIR) return path.resolve(env.SOURCEBOOK_DATA_DIR);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Sourcebook');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Sourcebook');
  const xdg = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(os.homedir(), '.local', 'share');
  return path.join(xdg, 'sourcebook');
}
