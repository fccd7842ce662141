// Runs in the main process. The wrap-up's close and quit policy. Each decision is `wrapUpCloseDecision` asked at the
// moment of the event with what the store holds on disk (`core.hasPendingWrapUp()`), never a window flag, so no
// crash, kill or restart can lose it. OS shutdown and logout are never held up: the wrap-up reopens on next start.
import { app, powerMonitor } from 'electron';
import { channelOf, type Events } from '../../../shared/bridge';
import { wrapUpCloseDecision, type CloseCause, type CloseDecision } from '../../../shared/rules/wrap-up-gate';
import type { Core } from '../core';
import type { Windows } from './windows';

export interface WrapUpPolicy {
  /** On start: put an owed wrap-up back in front of the rep (unless a call is live; then it waits). */
  reopenOwedWrapUp(): void;
  /** The app must exit now (an update installing): from here on nothing is held back. */
  allowExit(): void;
}

const TRIED_TO_LEAVE: Events['window'] = { window: 'wrapup', action: 'show' };

type GateCore = Pick<Core, 'hasPendingWrapUp' | 'wrapUpMeetingId' | 'isCallLive'>;

export function enforceWrapUpPolicy({ core, windows }: { core: GateCore; windows: Windows }): WrapUpPolicy {
  // Set once the OS ends the session (or an update must install); from then on nothing is held back.
  let exitAllowed = false;
  const allowExit = () => {
    exitAllowed = true;
  };
  const decide = (cause: CloseCause) =>
    wrapUpCloseDecision(exitAllowed ? 'os-shutdown' : cause, core.hasPendingWrapUp(), core.isCallLive());

  /** Acts on a decision that kept the wrap-up owed; returns whether the event must be prevented. */
  function holdUp(decision: CloseDecision): boolean {
    if (decision === 'allow') return false;
    if (decision === 'defer') {
      // During a live call the wrap-up must not cover the video: it waits out of sight (the overlay counts it)
      // and comes back when the call ends.
      windows.get('wrapup')?.hide();
      windows.show('overlay');
      return true;
    }
    const wrapUp = windows.show('wrapup');
    wrapUp.flashFrame(true);
    wrapUp.webContents.send(channelOf('window'), TRIED_TO_LEAVE);
    return true;
  }

  // macOS (shutdown, restart, logout) and Linux (shutdown) announce it here, before the quit it causes.
  powerMonitor.on('shutdown', allowExit);

  windows.onCreated((name, window) => {
    // Windows announces the end of the session to every top-level window, hidden ones included.
    window.on('query-session-end', allowExit);
    window.on('session-end', allowExit);
    if (name !== 'wrapup') return;
    window.on('close', (event) => {
      if (holdUp(decide('user-close'))) event.preventDefault();
    });
    window.webContents.on('render-process-gone', () => {
      window.destroy(); // a window whose page died shows nothing useful
      holdUp(decide('renderer-gone'));
    });
  });

  app.on('before-quit', (event) => {
    if (holdUp(decide('user-quit'))) event.preventDefault();
  });

  return {
    reopenOwedWrapUp() {
      if (core.wrapUpMeetingId()) windows.show('wrapup');
    },
    allowExit,
  };
}

/** Lets the store finish its last write before the process ends (a quit the policy allowed), within a few seconds:
 * every write is atomic, so a write cut short loses only itself. */
export function closeCoreOnQuit(core: Pick<Core, 'close'>, graceMs = 5_000): void {
  app.once('will-quit', (event) => {
    event.preventDefault();
    const exit = () => {
      clearTimeout(deadline);
      app.exit(0);
    };
    const deadline = setTimeout(exit, graceMs);
    void core.close().finally(exit);
  });
}
