// Runs in the renderer. The hotkey editor's keyboard reading: a key press with modifiers as an Electron accelerator
// ("Control+Alt+Y"), read from the physical key (`code`) so Option on a Mac or AltGr elsewhere cannot change the
// letter. Also which OS this window runs on, for the defaults and the checks.
import { normalizeAccelerator, type Platform } from '../../../../shared/rules/hotkeys';

const NAMED: Record<string, string> = {
  Space: 'Space',
  Enter: 'Enter',
  NumpadEnter: 'Enter',
  Escape: 'Esc',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backslash: '\\',
  Backquote: '`',
};

/** The key part of an accelerator for a physical key, or null for a modifier (or a key we cannot bind). */
export function keyOfCode(code: string): string | null {
  let m = /^Key([A-Z])$/.exec(code);
  if (m) return m[1]!;
  m = /^(?:Digit|Numpad)([0-9])$/.exec(code);
  if (m) return m[1]!;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  return NAMED[code] ?? null;
}

export interface KeyPress {
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/**
 * The accelerator a key press makes, in canonical order, or null while only modifiers are held (or the key cannot
 * be bound). The Windows / Cmd key is `Command` on a Mac and `Super` elsewhere.
 */
export function acceleratorOf(press: KeyPress, platform: Platform): string | null {
  const key = keyOfCode(press.code);
  if (!key) return null;
  const parts = [
    press.metaKey ? (platform === 'darwin' ? 'Command' : 'Super') : null,
    press.ctrlKey ? 'Control' : null,
    press.altKey ? 'Alt' : null,
    press.shiftKey ? 'Shift' : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  return normalizeAccelerator([...parts, key].join('+'), platform);
}

/** The OS this window runs on, as the hotkey rules name it. */
export function windowPlatform(): Platform {
  const name = typeof navigator === 'undefined' ? '' : navigator.platform;
  return /Mac|iPhone|iPad/.test(name) ? 'darwin' : /Win/.test(name) ? 'win32' : 'linux';
}
