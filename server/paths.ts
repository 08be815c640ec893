import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRODUCT_NAME = 'Loket Aduan';
export const DATA_DIR_ENV = 'LOKET_DATA_DIR';

/** The repository root, for hosts started from source (the browser host, tests, bench). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'db', 'migrations');
export const RENDERER_DIST = path.join(REPO_ROOT, 'dist', 'renderer');

/** Same folder as Electron's app.getPath('userData'), so both modes open the same database. */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}
