// Runs everywhere (the settings editor checks as the rep types; the platform registers). Global hotkeys: defaults
// per OS that stay clear of the video-call apps' own shortcuts, and the checks an edited hotkey must pass.
import type { HotkeyAction } from '../domain';

export type Platform = 'darwin' | 'win32' | 'linux';

/** Electron accelerator modifiers in one canonical order. */
const MODIFIER_ORDER = ['Command', 'Control', 'Alt', 'Shift', 'Super'] as const;
const MODIFIER_ALIASES: Record<string, (typeof MODIFIER_ORDER)[number]> = {
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'Alt',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

const NAMED_KEYS = new Map(
  [
    ...Array.from({ length: 24 }, (_, i) => `F${i + 1}`),
    ...['Space', 'Tab', 'Up', 'Down', 'Left', 'Right', 'Home', 'End', 'PageUp', 'PageDown', 'Enter', 'Return'],
    ...['Esc', 'Escape', 'Delete', 'Backspace', 'Insert', 'Plus'],
  ].map((k) => [k.toLowerCase(), k]),
);

/** Canonical form for comparing accelerators ("ctrl+shift+m" == "Shift+Control+M"); null if it is not one. */
export function normalizeAccelerator(accelerator: string, platform: Platform): string | null {
  const parts = accelerator.split('+').map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return null;
  const key = parts.pop()!;
  const mods = new Set<string>();
  for (const part of parts) {
    const lower = part.toLowerCase();
    if (lower === 'commandorcontrol' || lower === 'cmdorctrl') mods.add(platform === 'darwin' ? 'Command' : 'Control');
    else if (MODIFIER_ALIASES[lower]) mods.add(MODIFIER_ALIASES[lower]);
    else return null;
  }
  const canonicalKey = key.length === 1 ? (/^[A-Za-z0-9\-=[\];',./\\`]$/.test(key) ? key.toUpperCase() : null) : NAMED_KEYS.get(key.toLowerCase());
  if (!canonicalKey) return null;
  return [...MODIFIER_ORDER.filter((m) => mods.has(m)), canonicalKey].join('+');
}

/** Shortcuts of the call apps a rep has open during a call — ours must never take them. */
export const CALL_APP_SHORTCUTS: Record<string, Record<Platform, string[]>> = {
  Zoom: {
    win32: ['Alt+A', 'Alt+V', 'Alt+S', 'Alt+R', 'Alt+P', 'Alt+H', 'Alt+U', 'Alt+Y', 'Alt+F', 'Alt+M', 'Alt+Q', 'Alt+I', 'Alt+N', 'Alt+Shift+T', 'Alt+F4', 'Control+Alt+Shift+H'],
    linux: ['Alt+A', 'Alt+V', 'Alt+S', 'Alt+R', 'Alt+P', 'Alt+H', 'Alt+U', 'Alt+Y', 'Alt+F', 'Alt+M', 'Alt+Q', 'Alt+I', 'Alt+N', 'Alt+Shift+T'],
    darwin: ['Command+Shift+A', 'Command+Shift+V', 'Command+Shift+S', 'Command+Shift+H', 'Command+U', 'Command+W', 'Command+Shift+N', 'Command+Shift+R', 'Command+Shift+T', 'Command+Control+M', 'Command+Control+U', 'Alt+Y', 'Command+Shift+F'],
  },
  Teams: {
    win32: ['Control+Shift+M', 'Control+Shift+O', 'Control+Shift+E', 'Control+Shift+H', 'Control+Shift+K', 'Control+Shift+A', 'Control+Shift+S', 'Control+Shift+D', 'Control+Shift+P', 'Control+Space'],
    linux: ['Control+Shift+M', 'Control+Shift+O', 'Control+Shift+E', 'Control+Shift+H', 'Control+Shift+K', 'Control+Shift+A', 'Control+Shift+S', 'Control+Shift+D', 'Control+Shift+P', 'Control+Space'],
    darwin: ['Command+Shift+M', 'Command+Shift+O', 'Command+Shift+E', 'Command+Shift+H', 'Command+Shift+K', 'Command+Shift+A', 'Command+Shift+S', 'Command+Shift+D', 'Command+Shift+P', 'Alt+Space'],
  },
  'Google Meet': {
    win32: ['Control+D', 'Control+E', 'Control+Alt+C', 'Control+Alt+H', 'Control+Alt+P', 'Control+Alt+B'],
    linux: ['Control+D', 'Control+E', 'Control+Alt+C', 'Control+Alt+H', 'Control+Alt+P', 'Control+Alt+B'],
    darwin: ['Command+D', 'Command+E', 'Command+Control+C', 'Command+Control+H', 'Command+Control+P', 'Command+Control+B'],
  },
  Webex: {
    win32: ['Control+M', 'Control+Shift+V', 'Control+Shift+D', 'Control+Shift+L', 'Control+Shift+R', 'Control+Shift+F'],
    linux: ['Control+M', 'Control+Shift+V', 'Control+Shift+D', 'Control+Shift+L', 'Control+Shift+R'],
    darwin: ['Command+Shift+M', 'Command+Shift+V', 'Command+Shift+D', 'Command+Shift+L', 'Command+Shift+R'],
  },
};

/** The OS's own combinations that a global hotkey would break. */
const OS_RESERVED: Record<Platform, string[]> = {
  linux: ['Control+Alt+T', 'Control+Alt+L', 'Control+Alt+D', 'Control+Alt+Delete', 'Control+Alt+Up', 'Control+Alt+Down', 'Control+Alt+Left', 'Control+Alt+Right'],
  win32: ['Control+Alt+Delete', 'Control+Shift+Escape', 'Alt+Tab', 'Alt+F4'],
  darwin: ['Command+Q', 'Command+Tab', 'Command+Space', 'Command+Control+Q', 'Command+Alt+Escape'],
};

// Letters chosen to be memorable: Y(es) answers whatever prompt shows, Z snoozes it. macOS uses Control+Option;
// Windows avoids Ctrl+Alt (it is AltGr on many layouts and types characters) and uses Alt+Shift; Linux Ctrl+Alt.
const LETTERS: Record<HotkeyAction, string> = {
  answerYes: 'Y',
  snoozePrompt: 'Z',
  toggleOverlay: 'O',
  confirmPurpose: 'J',
  reconfirmPurpose: 'U',
  nextAgendaItem: 'N',
  toggleClickThrough: 'K',
  endCall: 'E',
  startNextMeeting: 'S',
  openReview: 'W',
};
const PREFIX: Record<Platform, string> = { darwin: 'Control+Alt', win32: 'Alt+Shift', linux: 'Control+Alt' };

export function defaultHotkeys(platform: Platform): Record<HotkeyAction, string> {
  return Object.fromEntries(
    Object.entries(LETTERS).map(([action, letter]) => [action, `${PREFIX[platform]}+${letter}`]),
  ) as Record<HotkeyAction, string>;
}

/** Why an accelerator should not be used on this platform, in plain words; empty when it is fine. */
export function hotkeyProblems(accelerator: string, platform: Platform): string[] {
  const normal = normalizeAccelerator(accelerator, platform);
  if (!normal) return [`“${accelerator}” is not a key combination Second Step can use. Try something like ${PREFIX[platform]}+Y.`];
  const problems: string[] = [];
  const same = (list: string[]) => list.some((a) => normalizeAccelerator(a, platform) === normal);
  for (const [app, shortcuts] of Object.entries(CALL_APP_SHORTCUTS)) {
    if (same(shortcuts[platform])) problems.push(`${app} already uses ${normal} during calls.`);
  }
  if (same(OS_RESERVED[platform])) problems.push(`${normal} belongs to your operating system.`);
  if (platform === 'win32' && normal.includes('Control+Alt')) {
    problems.push('On Windows, Ctrl+Alt is AltGr on many keyboards and types characters — pick another combination.');
  }
  if (!/(Command|Control|Alt|Super)/.test(normal)) problems.push('Use Ctrl, Alt or Cmd in a global hotkey so normal typing is not taken.');
  return problems;
}

/** Every problem of a set of hotkeys: bad combinations and the same combination bound twice. */
export function validateHotkeys(hotkeys: Partial<Record<HotkeyAction, string>>, platform: Platform): Partial<Record<HotkeyAction, string[]>> {
  const result: Partial<Record<HotkeyAction, string[]>> = {};
  const seen = new Map<string, HotkeyAction>();
  for (const [action, accelerator] of Object.entries(hotkeys) as [HotkeyAction, string][]) {
    const problems = hotkeyProblems(accelerator, platform);
    const normal = normalizeAccelerator(accelerator, platform);
    const other = normal ? seen.get(normal) : undefined;
    if (other) problems.push(`${normal} is already used for another action.`);
    if (normal && !other) seen.set(normal, action);
    if (problems.length) result[action] = problems;
  }
  return result;
}
