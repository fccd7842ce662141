// Runs in the renderer. What the home window must not let slip by, each as one calm banner: calls whose time passed
// without being started ("did it happen?"), a call starting now (Join & start / Start), and hotkeys the OS would not
// give us (another app holds them).
import { useEffect, useState } from 'react';
import type { Events } from '../../../shared/bridge';
import type { AppState } from '../../../shared/views';
import { api } from '../api';
import { formatAccelerator } from '../ui/labels';
import { useAction } from '../ui/useAction';

const ACTION_NAMES: Record<string, string> = {
  answerYes: 'yes / agreed',
  snoozePrompt: 'snooze',
  toggleOverlay: 'show / hide the overlay',
  confirmPurpose: 'purpose confirmed',
  reconfirmPurpose: 'purpose re-confirmed',
  nextAgendaItem: 'next agenda item',
  toggleClickThrough: 'click-through',
  endCall: 'end call',
  startNextMeeting: 'start next meeting',
  openReview: 'open the review',
};

function UnheldCallsBanner({ count }: { count: number }) {
  const open = useAction(() => api.showWindow({ window: 'wrapup' }));
  return (
    <div className="banner" role="status">
      <div className="banner__body">
        <p className="banner__title">
          {count === 1 ? 'A call’s time has passed without it being started.' : `${count} calls’ times have passed without them being started.`}
        </p>
        <p className="muted">Say whether it happened, so its next step is not lost.</p>
      </div>
      <button type="button" className="button" disabled={open.pending} onClick={() => void open.run()}>
        Did it happen?
      </button>
    </div>
  );
}

function DueCallBanner({ due, onDone }: { due: Events['due']; onDone: () => void }) {
  const start = useAction(async (join: boolean) => {
    await api.startMeeting({ id: due.meetingId });
    // The host opens https links outside the app (our windows never navigate away).
    if (join && due.joinUrl) window.open(due.joinUrl, '_blank', 'noopener');
    onDone();
  });
  return (
    <div className="banner" role="status">
      <div className="banner__body">
        <p className="banner__title">
          Starting now: <strong>{due.title}</strong> · {due.account}
        </p>
        <p className="muted">{due.purpose ? `Purpose: ${due.purpose}` : 'No purpose set — decide the point of this call before you join.'}</p>
        {start.error ? <p className="banner__error">{start.error.message}</p> : null}
      </div>
      {due.joinUrl ? (
        <button type="button" className="button" disabled={start.pending} onClick={() => void start.run(true)}>
          Join & start
        </button>
      ) : null}
      <button type="button" className={due.joinUrl ? 'button button--secondary' : 'button'} disabled={start.pending} onClick={() => void start.run(false)}>
        Start
      </button>
    </div>
  );
}

function HotkeyFailuresBanner({ failures }: { failures: AppState['hotkeyFailures'] }) {
  return (
    <div className="banner banner--warning" role="alert">
      <div className="banner__body">
        <p className="banner__title">Some hotkeys are taken by another app or by your system:</p>
        <ul>
          {failures.map((f) => (
            <li key={f.action}>
              {formatAccelerator(f.accelerator)} ({ACTION_NAMES[f.action] ?? f.action})
            </li>
          ))}
        </ul>
        <p className="muted">Pick other keys for them in the settings; the buttons on the overlay still work.</p>
      </div>
    </div>
  );
}

/** The call the core last announced as starting, until it is started or its moment passes. */
function useDueCall(): [Events['due'] | null, () => void] {
  const [due, setDue] = useState<Events['due'] | null>(null);
  useEffect(() => api.on('due', setDue), []);
  return [due, () => setDue(null)];
}

export function AttentionBanners({ state }: { state: AppState | undefined }) {
  const [due, clearDue] = useDueCall();
  const dueStillPlanned = due && state?.liveMeetingId !== due.meetingId;
  return (
    <>
      {dueStillPlanned ? <DueCallBanner due={due} onDone={clearDue} /> : null}
      {state && state.unheldCalls > 0 ? <UnheldCallsBanner count={state.unheldCalls} /> : null}
      {state && state.hotkeyFailures.length > 0 ? <HotkeyFailuresBanner failures={state.hotkeyFailures} /> : null}
    </>
  );
}
