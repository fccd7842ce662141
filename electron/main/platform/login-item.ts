// Runs in the main process. "Start at login" follows the rep's setting: applied at start and after every change to
// the store, and written to the OS only when it differs, so an ordinary save never touches the OS's list. macOS and
// Windows keep that list themselves (app.setLoginItemSettings); Linux has no such API in Electron, so the app writes
// an XDG autostart entry, which every freedesktop session (GNOME, KDE, Xfce…) reads.
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app } from 'electron';
import type { CoreLog } from '../core';

export interface StartAtLoginOptions {
  platform: NodeJS.Platform;
  /** Only an installed app registers itself: an unpackaged one would register the bare Electron binary. */
  packaged: boolean;
  /** The rep's setting, read fresh each time. */
  wanted: () => boolean;
  /** Subscribes to "the settings may have changed". */
  onChange: (listener: () => void) => void;
  log: Pick<CoreLog, 'error'>;
  /** Linux: the autostart folder ($XDG_CONFIG_HOME/autostart by default). */
  autostartDir?: string;
  /** Linux: what the session should run. An AppImage runs from a mount that is gone after logout, so it is the
   * .AppImage file itself ($APPIMAGE); a deb install runs its binary. */
  executable?: string;
}

interface LoginItem {
  enabled(): boolean;
  set(enabled: boolean): Promise<void>;
}

/** Returns a function that resolves once every change so far has reached the OS. */
export function followStartAtLogin(options: StartAtLoginOptions): () => Promise<void> {
  let applying = Promise.resolve();
  if (!options.packaged) return () => applying;
  const item = loginItem(options);
  const apply = () => {
    // One change at a time, each compared with what the OS holds by then.
    applying = applying
      .then(async () => {
        const wanted = options.wanted();
        if (item.enabled() !== wanted) await item.set(wanted);
      })
      .catch((error: unknown) => options.log.error('Could not change "start at login"', error));
  };
  apply();
  options.onChange(apply);
  return () => applying;
}

function loginItem(options: StartAtLoginOptions): LoginItem {
  if (options.platform !== 'linux') {
    return {
      enabled: () => app.getLoginItemSettings().openAtLogin,
      set: async (enabled) => app.setLoginItemSettings({ openAtLogin: enabled }),
    };
  }
  const dir = options.autostartDir ?? join(process.env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'autostart');
  const file = join(dir, AUTOSTART_FILE);
  const executable = options.executable ?? (process.env['APPIMAGE'] || process.execPath);
  return {
    enabled: () => existsSync(file),
    async set(enabled) {
      if (!enabled) return rm(file, { force: true });
      await mkdir(dir, { recursive: true });
      await writeFile(file, autostartEntry(executable));
    },
  };
}

export const AUTOSTART_FILE = 'second-step.desktop';

/** The XDG autostart entry. Per the Desktop Entry spec the path is quoted (a path with spaces, "/opt/Second Step/…",
 * stays one argument), then the value's own escaping doubles backslashes, and `%` (a field code) is doubled. */
export function autostartEntry(executable: string): string {
  const quoted = `"${executable.replace(/["`$\\]/g, (c) => `\\${c}`)}"`;
  const exec = quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
  return ['[Desktop Entry]', 'Type=Application', 'Name=Second Step', `Exec=${exec}`, 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}
