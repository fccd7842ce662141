// Runs in the renderer. The overlay answers three questions at a glance: why are we here, where are we in the agenda,
// what must I do now. Big purpose, small everything else; the prompt and "End call" stay in view while the middle
// scrolls.
import { memo, useCallback } from 'react';
import type { Meeting } from '../../../shared/domain';
import type { LiveView } from '../../../shared/views';
import { api } from '../api';
import { plural } from '../ui/format';
import { useAction } from '../ui/useAction';
import { useView, type Pushed } from '../ui/useView';
import { Kbd } from '../ui/Kbd';
import { formatAccelerator } from '../ui/labels';
import { AgendaChecklist } from './AgendaChecklist';
import { CallTimer } from './CallTimer';
import { CompactBar } from './CompactBar';
import { LookToggle } from './LookToggle';
import { PausedPrompts } from './PausedPrompts';
import { PromptBar } from './PromptBar';
import { QuickCall } from './QuickCall';
import { PurposeCheck } from './PurposeCheck';

const getLive = () => api.getLive();
/** The core pushes the live view with every change that moves it: painted from the event, no refetch. */
const LIVE_PUSH: Pushed<LiveView | null, 'live'> = { event: 'live', pick: (payload) => payload.view };

export function OverlayApp() {
  const live = useView(getLive, api, LIVE_PUSH);
  const { patch } = live;
  // Stable, so the memoised parts below are not re-rendered for a new callback.
  const onMeeting = useCallback((meeting: Meeting) => patch((view) => (view ? { ...view, meeting } : view)), [patch]);
  if (live.data === undefined || live.data === null) {
    return (
      <main className="overlay overlay--idle">
        {live.data === null ? <QuickCall /> : <h1 className="overlay__idle">{live.error ? live.error.message : 'Loading…'}</h1>}
      </main>
    );
  }
  const view = live.data;
  if (view.compact) return <CompactBar view={view} />;
  return <LiveMeeting view={view} onMeeting={onMeeting} />;
}

/** The purpose as last agreed with the prospect (an adjusted confirmation rewrites it). */
const currentPurpose = (m: Meeting): string => {
  const adjusted = [...m.confirmations].reverse().find((c) => c.result === 'adjusted' && c.adjustedPurpose);
  return adjusted?.adjustedPurpose ?? m.purpose;
};

function LiveMeeting({ view, onMeeting }: { view: LiveView; onMeeting: (m: Meeting) => void }) {
  const { meeting, thread, waitingWrapUps, prompt } = view;
  const hotkeys = view.hotkeys ?? {};
  const purpose = currentPurpose(meeting);
  const end = useAction(() => api.endCall({ meetingId: meeting.id }));

  return (
    <main className="overlay">
      <header className="overlay__header">
        <MeetingTitle title={meeting.title} account={thread.account} />
        <CallTimer startedAt={meeting.startedAt ?? meeting.start} start={meeting.start} end={meeting.end} />
        <LookToggle compact={false} />
      </header>
      <NowStrip agenda={meeting.agenda} />

      {/* Focusable, so the middle can be scrolled from the keyboard even when nothing in it takes focus (no agenda). */}
      <div className="overlay__scroll" tabIndex={0} role="region" aria-label="Purpose and agenda">
        {waitingWrapUps > 0 ? (
          <p className="overlay__waiting">
            <span className="badge badge--warning">{plural(waitingWrapUps, 'wrap-up', 'wrap-ups')} waiting</span>
            <span className="muted"> until this call ends</span>
          </p>
        ) : null}

        <PointOfTheCall purpose={purpose} idealOutcome={meeting.idealOutcome} />

        <AgendaChecklist meeting={meeting} hotkey={hotkeys.nextAgendaItem} onMeeting={onMeeting} />

        {hotkeys.toggleClickThrough || hotkeys.toggleOverlay ? (
          <p className="overlay__keys muted">
            {hotkeys.toggleClickThrough ? <span>Click-through {formatAccelerator(hotkeys.toggleClickThrough)}</span> : null}
            {hotkeys.toggleOverlay ? <span>Hide {formatAccelerator(hotkeys.toggleOverlay)}</span> : null}
          </p>
        ) : null}
      </div>

      <footer className="overlay__footer">
        <PausedPrompts until={view.promptsPausedUntil} />
        <PromptBar meeting={meeting} prompt={prompt} hotkeys={hotkeys} onMeeting={onMeeting} />
        <PurposeCheck meeting={meeting} prompt={prompt} hotkeys={hotkeys} onMeeting={onMeeting} />
        {end.error ? (
          <p className="inline-error" role="alert">
            {end.error.message}
          </p>
        ) : null}
        <button
          type="button"
          className={`button overlay__end${prompt?.kind === 'overtime' ? '' : ' button--danger'}`}
          disabled={end.pending}
          aria-keyshortcuts={hotkeys.endCall}
          onClick={() => void end.run()}
        >
          End call <Kbd accelerator={hotkeys.endCall} />
        </button>
      </footer>
    </main>
  );
}


// The parts below take only the values they show, and are memoised: a change pushed by the core (an agenda item
// ticked) re-renders the parts whose values changed, not the whole overlay.

const MeetingTitle = memo(function MeetingTitle({ title, account }: { title: string; account: string }) {
  return (
    <h1 className="overlay__title" title={`${title} · ${account}`}>
      <span className="overlay__meeting">{title}</span>
      <span aria-hidden="true"> · </span>
      <span className="overlay__account">{account}</span>
    </h1>
  );
});

/** Why we are here: the purpose (as last agreed) big, the ideal outcome under it. */
const PointOfTheCall = memo(function PointOfTheCall({ purpose, idealOutcome }: { purpose: string; idealOutcome: string }) {
  return (
    <>
      <section className="overlay__section" aria-labelledby="ov-purpose">
        <h2 className="overlay__eyebrow" id="ov-purpose">
          Purpose
        </h2>
        {purpose ? (
          <p className={`overlay__purpose${purpose.length > 110 ? ' overlay__purpose--long' : ''}`}>{purpose}</p>
        ) : (
          <p className="overlay__no-purpose">No purpose set. Ask them: what would make this call worth their time?</p>
        )}
      </section>

      <section className="overlay__section overlay__section--ideal" aria-labelledby="ov-ideal">
        <h2 className="overlay__eyebrow" id="ov-ideal">
          Ideal outcome
        </h2>
        <p className="overlay__ideal">{idealOutcome || <span className="muted">Not set</span>}</p>
      </section>
    </>
  );
});

/** Where we are in the agenda, always in view (the full list scrolls). Repeats the list, so hidden from assistive tech. */
const NowStrip = memo(function NowStrip({ agenda: items }: { agenda: Meeting['agenda'] }) {
  if (items.length === 0) return null;
  const current = items.find((i) => !i.done);
  const done = items.filter((i) => i.done).length;
  return (
    <p className="overlay__now" aria-hidden="true">
      <span className="overlay__now-marker">{current ? 'Now' : 'Done'}</span>
      <span className="overlay__now-text">{current ? current.text : 'Agenda covered — agree the next step'}</span>
      <span className="overlay__count">
        {done}/{items.length}
      </span>
    </p>
  );
});
