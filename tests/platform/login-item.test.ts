// "Start at login" follows the setting: at start and on every change, written to the OS only when it differs; never
// for an unpackaged app; on Linux through an XDG autostart entry.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSTART_FILE, autostartEntry, followStartAtLogin } from '../../electron/main/platform/login-item';
import { app, resetFakeElectron } from '../support/fake-electron';

/** A setting the test flips, and the "settings changed" signal the core would send. */
function setting(initial: boolean) {
  let value = initial;
  const listeners: Array<() => void> = [];
  return {
    wanted: () => value,
    onChange: (listener: () => void) => void listeners.push(listener),
    change(next: boolean) {
      value = next;
      for (const listener of listeners) listener();
    },
  };
}

const log = { error: vi.fn() };

describe.each(['darwin', 'win32'] as const)('start at login on %s', (platform) => {
  beforeEach(() => resetFakeElectron());
  afterEach(() => vi.restoreAllMocks());

  it('registers and unregisters the app as the setting changes, writing only real changes', async () => {
    const write = vi.spyOn(app, 'setLoginItemSettings');
    const rep = setting(false);
    const applied = followStartAtLogin({ platform, packaged: true, log, ...rep });
    await applied();
    expect(write).not.toHaveBeenCalled(); // off, and the OS already has it off

    rep.change(true);
    await applied();
    expect(app.getLoginItemSettings().openAtLogin).toBe(true);
    rep.change(true); // another save that leaves the setting as it was
    rep.change(false);
    await applied();
    expect(app.getLoginItemSettings().openAtLogin).toBe(false);
    expect(write.mock.calls).toEqual([[{ openAtLogin: true }], [{ openAtLogin: false }]]);
  });

  it('applies a stored "on" at start', async () => {
    await followStartAtLogin({ platform, packaged: true, log, ...setting(true) })();
    expect(app.getLoginItemSettings().openAtLogin).toBe(true);
  });

  it('leaves the OS alone when unpackaged: it would register the bare Electron binary', async () => {
    const rep = setting(true);
    const applied = followStartAtLogin({ platform, packaged: false, log, ...rep });
    rep.change(true);
    await applied();
    expect(app.getLoginItemSettings().openAtLogin).toBe(false);
  });
});

describe('start at login on Linux', () => {
  let autostartDir: string;
  beforeEach(async () => {
    autostartDir = join(await mkdtemp(join(tmpdir(), 'second-step-autostart-')), 'autostart');
  });
  afterEach(() => rm(join(autostartDir, '..'), { recursive: true, force: true }));

  it('writes an XDG autostart entry for the app, and removes it when turned off', async () => {
    const rep = setting(true);
    const executable = '/home/rep/Apps/Second Step.AppImage';
    const applied = followStartAtLogin({ platform: 'linux', packaged: true, log, autostartDir, executable, ...rep });
    await applied();
    const file = join(autostartDir, AUTOSTART_FILE);
    expect(readFileSync(file, 'utf8')).toBe(autostartEntry(executable));
    expect(readFileSync(file, 'utf8')).toContain('Exec="/home/rep/Apps/Second Step.AppImage"\n');

    rep.change(false);
    await applied();
    expect(existsSync(file)).toBe(false);
  });

  it('quotes the path as the Desktop Entry spec asks', () => {
    expect(autostartEntry('/opt/Second Step/second-step')).toMatch(/^Exec="\/opt\/Second Step\/second-step"$/m);
    // `$` and `"` are escaped inside the quotes, the value's escaping doubles the backslashes, and % is doubled.
    expect(autostartEntry('/opt/a$b"c%d')).toMatch(/^Exec="\/opt\/a\\\\\$b\\\\"c%%d"$/m);
  });

  it('logs a failure to write instead of throwing', async () => {
    const failing = { error: vi.fn() };
    // A file where the autostart folder's parent should be: creating the folder fails.
    const blocked = join(autostartDir, '..', 'not-a-folder');
    await writeFile(blocked, '');
    const options = { platform: 'linux' as const, packaged: true, log: failing, autostartDir: join(blocked, 'autostart'), executable: '/x' };
    await followStartAtLogin({ ...options, ...setting(true) })();
    expect(failing.error).toHaveBeenCalledWith('Could not change "start at login"', expect.any(Error));
  });
});
