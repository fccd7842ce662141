// Runs in the main process. Where the app finds its own files and keeps the rep's: normally the OS's per-user folders;
// with `--user-data-dir=<folder>` (tests, support) everything moves there — the data, the logs and, since Electron keys
// it on userData, the single-instance lock — so such a run never touches the rep's own files.
import { join } from 'node:path';
import { app } from 'electron';

/** The app icon's place in the app (package.json's folder, or app.asar); electron-builder.yml packs it. */
export const appIconPath = (appPath: string) => join(appPath, 'resources', 'icons', '512x512.png');

/** Applies `--user-data-dir`, if given. Safe to call more than once. */
export function useProfileFromCommandLine(): void {
  const userData = app.commandLine.getSwitchValue('user-data-dir');
  if (!userData) return;
  app.setPath('userData', userData);
  // macOS would otherwise log to ~/Library/Logs/Second Step even for an isolated run.
  app.setAppLogsPath(join(userData, 'logs'));
}

/** userData/data: the store, its backups and anything quarantined. */
export const dataDir = () => join(app.getPath('userData'), 'data');

/** The log folder: ~/Library/Logs/Second Step on macOS, userData/logs elsewhere (Electron's defaults). */
export const logsDir = () => app.getPath('logs');
