// Runs in Node (main and preview). The hotkeys in force: the rep's own choices over this OS's defaults.
import type { HotkeyAction, Settings } from '../../../shared/domain';
import { defaultHotkeys, type Platform } from '../../../shared/rules/hotkeys';

const platform: Platform = process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux';

export const effectiveHotkeys = (settings: Settings): Record<HotkeyAction, string> => ({
  ...defaultHotkeys(platform),
  ...settings.hotkeys,
});
