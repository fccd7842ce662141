// Runs in Node (main and preview). The global hotkeys as the core sees them: which accelerators are in force (the
// rep's own choices over this OS's defaults), what each one does — through the very handlers the windows call, so
// a key press and a click share one code path — and which ones the host could not register.
import type { Handlers } from '../../../shared/contract';
import type { HotkeyAction, Settings } from '../../../shared/domain';
import { defaultHotkeys, type Platform } from '../../../shared/rules/hotkeys';
import { UserError } from './errors';

/** The OS this core runs on, in the hotkey rules' terms. */
export const hostPlatform: Platform = process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux';

export const effectiveHotkeys = (settings: Settings): Record<HotkeyAction, string> => ({
  ...defaultHotkeys(hostPlatform),
  ...settings.hotkeys,
});

/** What only the host can do (it owns the windows). 'ad-hoc-call': nothing is planned now — bring up the overlay,
 * with the keyboard, so the rep can give the unplanned call its point before it starts. */
export type HostAction = 'toggle-overlay' | 'toggle-click-through' | 'open-review' | 'ad-hoc-call';

export interface HotkeyFailure {
  action: HotkeyAction;
  accelerator: string;
}

const HOST_ACTIONS: Partial<Record<HotkeyAction, HostAction>> = {
  toggleOverlay: 'toggle-overlay',
  toggleClickThrough: 'toggle-click-through',
  openReview: 'open-review',
};

/** Runs a hotkey's action. Core actions go through the contract handlers; window actions come back to the host. */
export async function runHotkey(handlers: Handlers, action: HotkeyAction, liveMeetingId: string | null): Promise<HostAction | null> {
  const host = HOST_ACTIONS[action];
  if (host) return host;
  const meetingId = liveMeetingId ?? undefined;
  switch (action) {
    case 'answerYes':
      await handlers.answerPrompt({ answer: 'yes', meetingId });
      break;
    case 'snoozePrompt':
      await handlers.answerPrompt({ answer: 'snooze', meetingId });
      break;
    case 'confirmPurpose':
    case 'reconfirmPurpose':
      if (!liveMeetingId) break;
      await handlers.confirmPurpose({ meetingId: liveMeetingId, kind: action === 'confirmPurpose' ? 'confirm' : 'reconfirm', result: 'agreed' });
      break;
    case 'nextAgendaItem':
      await handlers.nextAgendaItem({ meetingId });
      break;
    case 'endCall':
      if (liveMeetingId) await handlers.endCall({ meetingId: liveMeetingId });
      break;
    case 'startNextMeeting':
      if (liveMeetingId) break;
      try {
        await handlers.startNextMeeting({});
      } catch (error) {
        if (error instanceof UserError && error.code === 'conflict') return 'ad-hoc-call';
        throw error;
      }
      break;
  }
  return null;
}
