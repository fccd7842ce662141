// Runs in the main process, as plain Node. The app's log file, written by electron-log's Node flavour: its Electron
// flavour (`electron-log/main`) registers IPC channels at import that any page could call, outside the contract's
// sender check, and only main logs here — so it is not needed. (This also loads under vitest as it is.)
import { join } from 'node:path';
import electronLog from 'electron-log/node';
import type { CoreLog } from '../core';

export const LOG_FILE_NAME = 'main.log';
/** A full main.log becomes main.old.log (replacing the one before) and a fresh main.log starts: logs never take more
 * than about 2 MB, and the previous file is still there to read after a bad day. */
export const LOG_MAX_BYTES = 1024 * 1024;

export interface FileLog extends CoreLog {
  /** The file being written now (what "Reveal logs" shows). */
  readonly path: string;
}

export interface LogFileOptions {
  /** Also print to the console: in development the terminal shows what the file gets. */
  echo?: boolean;
  /** Names the app in electron-log's own path variables; set so it never searches for a package.json. */
  appName?: string;
}

export function openLogFile(dir: string, { echo = false, appName = 'Second Step' }: LogFileOptions = {}): FileLog {
  const path = join(dir, LOG_FILE_NAME);
  // A logger of its own per file, so two logs (in tests) never share settings.
  const logger = electronLog.create({ logId: `file:${path}` });
  const file = logger.transports.file;
  file.setAppName(appName);
  file.resolvePathFn = () => path;
  file.maxSize = LOG_MAX_BYTES;
  logger.transports.console.level = echo ? 'info' : false;
  return {
    path,
    info: (...args) => logger.info(...args),
    warn: (...args) => logger.warn(...args),
    error: (...args) => logger.error(...args),
  };
}
