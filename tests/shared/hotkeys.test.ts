import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_APP_SHORTCUTS, defaultHotkeys, hotkeyProblems, normalizeAccelerator, validateHotkeys, type Platform } from '../../shared/rules/hotkeys';

const platforms: Platform[] = ['darwin', 'win32', 'linux'];

describe('hotkeys', () => {
  it.each(platforms)('the %s defaults clash with no call app, the OS, or each other', (platform) => {
    const defaults = defaultHotkeys(platform);
    expect(validateHotkeys(defaults, platform)).toEqual({});
    expect(new Set(Object.values(defaults)).size).toBe(Object.keys(defaults).length);
  });

  it('keeps Ctrl+Alt out of the Windows defaults (AltGr types characters)', () => {
    for (const accelerator of Object.values(defaultHotkeys('win32'))) expect(accelerator).not.toMatch(/Control\+Alt/);
    expect(hotkeyProblems('Ctrl+Alt+Y', 'win32').join(' ')).toMatch(/AltGr/);
  });

  it('spots every call app shortcut however it is written', () => {
    for (const platform of platforms) {
      for (const [app, shortcuts] of Object.entries(CALL_APP_SHORTCUTS)) {
        for (const shortcut of shortcuts[platform]) {
          const parts = shortcut.split('+');
          const key = parts.pop()!;
          const shuffled = [...parts.reverse(), key].join('+').toLowerCase();
          expect(hotkeyProblems(shuffled, platform).join(' ')).toContain(app);
        }
      }
    }
  });

  it('flags a combination bound twice and explains nonsense', () => {
    expect(validateHotkeys({ answerYes: 'Ctrl+Alt+Y', endCall: 'Alt+Control+y' }, 'linux').endCall).toEqual([
      'Control+Alt+Y is already used for another action.',
    ]);
    expect(hotkeyProblems('banana', 'linux')[0]).toMatch(/not a key combination/);
    expect(hotkeyProblems('Shift+Y', 'linux')[0]).toMatch(/Ctrl, Alt or Cmd/);
  });

  it('normalizes to a stable canonical form', () => {
    fc.assert(
      fc.property(
        fc.subarray(['Ctrl', 'Alt', 'Shift', 'Cmd'], { minLength: 1 }),
        fc.constantFrom('A', 'y', 'F5', '1'),
        fc.constantFrom(...platforms),
        (mods, key, platform) => {
          const a = normalizeAccelerator([...mods, key].join('+'), platform);
          const b = normalizeAccelerator([...[...mods].reverse(), key].join('+'), platform);
          expect(a).not.toBeNull();
          expect(a).toBe(b);
          expect(normalizeAccelerator(a!, platform)).toBe(a);
        },
      ),
    );
  });
});
