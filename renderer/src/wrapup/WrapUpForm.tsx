// Runs in the renderer. The firm part of the app: log the call's next step (what, when, its point, what you bring,
// who owns it, whether they agreed) — or, honestly, close the deal out with a reason. Every typed word is kept
// (saved to the core as a draft, so a crash or restart loses nothing); Esc clears nothing; Ctrl/Cmd+Enter submits.
// The coach (shared/rules/next-step-quality) speaks as the rep types; the core enforces on submit.
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CloseOutResult } from '../../../shared/domain';
import type { WrapUpView } from '../../../shared/views';
import { api, toApiError } from '../api';
import {
  CheckboxField,
  errorFor,
  ErrorSummary,
  firstOnScreen,
  focusField,
  RadioGroupField,
  SelectField,
  TextAreaField,
  TextField,
} from '../ui/fields';
import { formatWhen, toIsoFromLocalInput, toLocalInput } from '../ui/format';
import { choices, KIND_LABELS, OUTCOME_LABELS, OWNER_LABELS, RESULT_LABELS, submitShortcut } from '../ui/labels';
import { assessNextStep, type Finding, type QualityField } from '../../../shared/rules/next-step-quality';
import { followUpEmail } from '../../../shared/rules/follow-up-email';
import { parseWhen } from '../../../shared/rules/parse-when';
import { Recap } from './Recap';
import { restoreDraft, useSavedDraft } from './useSavedDraft';
import { fromJot, sanitize, whenReadBack, withoutField, WRAP_UP_FIELDS, type Failure, type WrapUpDraft } from './wrap-up-draft';

/** What the window says once the wrap-up is settled, and the step to offer as a calendar invite (if one was logged). */
export interface Settled {
  message: string;
  stepId?: string;
  /** The recap to send the prospect, once a step is logged. */
  email?: { subject: string; body: string };
}

export function WrapUpForm({ view, now, onSettled }: { view: WrapUpView; now: number; onSettled: (settled: Settled) => void }) {
  const { meeting, thread, pending } = view;
  const { draft, update, hold } = useSavedDraft<WrapUpDraft>(meeting.id, () =>
    sanitize(restoreDraft(fromJot(meeting.nextStepJot, now), view.draft)),
  );
  const [failure, setFailure] = useState<Failure | null>(null);
  /** Warnings shown for a second look before logging; null until the rep tries to log with open warnings. */
  const [secondLook, setSecondLook] = useState<Finding[] | null>(null);
  const logAnyway = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const nextStepSummary = useRef<HTMLDivElement>(null);
  const closeOutSummary = useRef<HTMLDivElement>(null);
  const closeOutPanel = useRef<HTMLDivElement>(null);
  /** Editing a field answers its message: that message goes (the others stay until the next try), so a field the rep
   * has just filled in is not left marked "required". */
  const answered = (field: string) => setFailure((f) => withoutField(f, field));
  const set = <K extends keyof WrapUpDraft>(key: K, value: WrapUpDraft[K]) => {
    update((d) => ({ ...d, [key]: value }));
    answered(key);
  };

  const nextStepErrors = failure?.action === 'next-step' ? failure.error.fields : undefined;
  const closeOutErrors = failure?.action === 'close-out' ? failure.error.fields : undefined;
  /** Outcome and notes belong to both actions. */
  const sharedErrors = failure?.error.fields;

  const run = async (action: Failure['action'], call: () => Promise<Settled>) => {
    if (busy) return;
    setBusy(true);
    hold();
    try {
      onSettled(await call());
    } catch (e) {
      const error = toApiError(e);
      setFailure({ action, error });
      requestAnimationFrame(() => {
        const first = firstOnScreen(Object.keys(error.fields).map((k) => WRAP_UP_FIELDS[k]?.id));
        if (first) focusField(first);
        else (action === 'next-step' ? nextStepSummary : closeOutSummary).current?.focus();
      });
    } finally {
      setBusy(false);
    }
  };

  const findings = assessNextStep(
    { kind: draft.kind, what: draft.what, when: toIsoFromLocalInput(draft.when), purpose: draft.purpose, bring: draft.bring, agreed: draft.agreed },
    { now, maxDaysOut: view.coach.maxDaysOut },
  );

  /** Logs the step; open warnings first get a second look (hard requirements are the core's to refuse). */
  const logNextStep = (anyway = false) => {
    const warnings = findings.filter((f) => f.severity === 'warning');
    if (!anyway && warnings.length > 0 && findings.every((f) => f.severity === 'warning')) {
      setSecondLook(warnings);
      requestAnimationFrame(() => logAnyway.current?.focus());
      return Promise.resolve();
    }
    setSecondLook(null);
    return sendNextStep();
  };

  const sendNextStep = () =>
    run('next-step', async () => {
      const duration = draft.durationMinutes.trim();
      const { step, plannedMeeting } = await api.logNextStep({
        meetingId: meeting.id,
        kind: draft.kind,
        what: draft.what,
        when: toIsoFromLocalInput(draft.when) ?? '',
        ...(duration ? { durationMinutes: Number(duration) } : {}),
        owner: draft.owner,
        purpose: draft.purpose,
        bring: draft.bring,
        agreed: draft.agreed,
        ...(draft.outcome ? { outcome: draft.outcome } : {}),
        notes: draft.notes,
      });
      const when = formatWhen(step.when, now, { weekday: 'long' });
      const message = plannedMeeting
        ? `Next step logged: “${step.what}”, ${when}. It is in your meetings, with its purpose.`
        : `Next step logged: “${step.what}”, ${when}.`;
      const email = followUpEmail({
        callPurpose: meeting.purpose,
        step,
        when: formatWhen(step.when, now, { weekday: 'long', alwaysWeekday: true }),
      });
      return { message, stepId: step.id, email };
    });

  const closeOut = () =>
    run('close-out', async () => {
      const closed = await api.closeOutThread({
        meetingId: meeting.id,
        // An unchosen result goes to the core as missing, so its own message explains what to pick.
        result: (draft.result || undefined) as CloseOutResult,
        reason: draft.reason,
        ...(draft.outcome ? { outcome: draft.outcome } : {}),
        notes: draft.notes,
      });
      const how = closed.closeOut ? RESULT_LABELS[closed.closeOut.result].toLowerCase() : 'closed';
      return { message: `The deal with ${closed.account} is closed out (${how}). Thanks for being honest about it.` };
    });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    if (closeOutPanel.current?.contains(e.target as Node)) void closeOut();
    else void logNextStep(secondLook !== null); // a second Ctrl+Enter on the second look means "log anyway"
  };

  const submitNextStep = (e: FormEvent) => {
    e.preventDefault();
    void logNextStep();
  };
  const submitCloseOut = (e: FormEvent) => {
    e.preventDefault();
    void closeOut();
  };

  const whenIso = toIsoFromLocalInput(draft.when);
  const parsedWhen = parseWhen(draft.whenText, now);
  const sayWhen = (text: string) => {
    update((d) => {
      const parsed = parseWhen(text, now);
      return { ...d, whenText: text, when: parsed.kind === 'date-time' ? toLocalInput(parsed.iso) : d.when };
    });
    if (parseWhen(text, now).kind === 'date-time') answered('when');
  };
  const shortcut = submitShortcut();
  // Coaching as they type: warnings, and "that time has passed" once a time is picked. Missing fields are left to
  // the core's messages on submit, so an empty form does not scold.
  const coach: Partial<Record<QualityField, string>> = {};
  const started = draft.what.trim() !== '' || draft.when !== '';
  for (const f of findings) {
    if (!started && (f.field === 'bring' || f.field === 'agreed')) continue; // not before the rep has begun
    if (f.severity === 'warning' || f.code === 'past') coach[f.field] ??= f.message;
  }

  return (
    <div className="wrapup__card" onKeyDown={onKeyDown}>
      <header className="wrapup__header">
        {pending > 1 ? (
          <p className="wrapup__count">
            1 of {pending} <span className="muted">calls to wrap up</span>
          </p>
        ) : null}
        <h1 className="wrapup__title">Wrap up: {meeting.title}</h1>
        <p className="wrapup__why">This window stays until the next step is logged — or the deal is closed out.</p>
      </header>

      <section className="wrapup__section" aria-labelledby="ws-recap-heading">
        <h2 className="wrapup__h2" id="ws-recap-heading">
          How the call went
        </h2>
        <Recap meeting={meeting} thread={thread} now={now} />
        <div className="wrapup__grid">
          <RadioGroupField
            id="ws-outcome"
            className="wrapup__wide"
            label="Outcome vs ideal"
            value={draft.outcome}
            onChange={(v) => set('outcome', v)}
            options={choices(OUTCOME_LABELS)}
            error={errorFor(sharedErrors, 'outcome')}
          />
          <TextAreaField
            id="ws-notes"
            className="wrapup__wide"
            label="Notes"
            value={draft.notes}
            onChange={(v) => set('notes', v)}
            placeholder="What you learned: their problems, who decides, what they use today"
            hint="Optional. Kept with this call."
            error={errorFor(sharedErrors, 'notes')}
          />
        </div>
      </section>

      <section className="wrapup__section" aria-labelledby="ws-next-heading">
        <h2 className="wrapup__h2" id="ws-next-heading">
          What happens next
        </h2>
        <p className="wrapup__coach">
          Every call needs a second step with a date, a time and a point. If you agreed one on the call, write it down
          exactly; if not, decide the one you will ask for.
        </p>
        {meeting.nextStepJot ? (
          <p className="wrapup__jot">
            <span className="wrapup__jot-label">Your note from the call</span> {meeting.nextStepJot}
          </p>
        ) : null}
        <form className="wrapup__form" noValidate onSubmit={submitNextStep}>
          {failure?.action === 'next-step' ? (
            <ErrorSummary error={failure.error} fields={WRAP_UP_FIELDS} summaryRef={nextStepSummary} />
          ) : null}
          <div className="wrapup__grid">
            <TextField
              id="ws-what"
              className="wrapup__wide"
              label="Next step"
              value={draft.what}
              onChange={(v) => set('what', v)}
              placeholder="e.g. Demo with Dana, their operations lead"
              required
              coach={coach.what}
              error={errorFor(nextStepErrors, 'what')}
            />
            <SelectField
              id="ws-kind"
              label="Kind"
              value={draft.kind}
              onChange={(v) => set('kind', v)}
              options={choices(KIND_LABELS)}
              error={errorFor(nextStepErrors, 'kind')}
            />
            <TextField
              id="ws-when-text"
              label="Say when"
              value={draft.whenText}
              onChange={sayWhen}
              placeholder="e.g. tue 3pm, in two weeks at 10"
              hint={draft.whenText.trim() ? whenReadBack(parsedWhen, now) : 'Type it the way you would say it; the date below follows.'}
            />
            <TextField
              id="ws-when"
              label="When"
              type="datetime-local"
              value={draft.when}
              min={toLocalInput(now)}
              onChange={(v) => set('when', v)}
              required
              hint={whenIso ? formatWhen(whenIso, now, { weekday: 'long' }) : 'A real date and time — “next week” slips.'}
              coach={coach.when}
              error={errorFor(nextStepErrors, 'when')}
            />
            <TextField
              id="ws-duration"
              label="Duration (minutes)"
              type="number"
              inputMode="numeric"
              min={5}
              max={600}
              value={draft.durationMinutes}
              onChange={(v) => set('durationMinutes', v)}
              error={errorFor(nextStepErrors, 'durationMinutes')}
            />
            <RadioGroupField
              id="ws-owner"
              label="Owner"
              value={draft.owner}
              onChange={(v) => set('owner', v)}
              options={choices(OWNER_LABELS)}
              error={errorFor(nextStepErrors, 'owner')}
            />
            <TextAreaField
              id="ws-purpose"
              className="wrapup__wide"
              label="Its point"
              value={draft.purpose}
              onChange={(v) => set('purpose', v)}
              placeholder="e.g. Show route planning on their own depot data"
              hint="Why you are meeting again — what the step should achieve."
              required
              error={errorFor(nextStepErrors, 'purpose')}
            />
            <TextAreaField
              id="ws-bring"
              className="wrapup__wide"
              label="I'll bring"
              value={draft.bring}
              onChange={(v) => set('bring', v)}
              placeholder="e.g. A sample plan built from their depot list"
              hint={coach.bring ? undefined : 'Optional. What you come back with: an example, numbers, a short presentation.'}
              coach={coach.bring}
              error={errorFor(nextStepErrors, 'bring')}
            />
            <CheckboxField
              id="ws-agreed"
              className="wrapup__wide"
              label="The prospect agreed on the call"
              checked={draft.agreed}
              onChange={(v) => set('agreed', v)}
              hint={coach.agreed ? undefined : 'Ticked: they said yes to it before you hung up.'}
              coach={coach.agreed}
              error={errorFor(nextStepErrors, 'agreed')}
            />
          </div>
          {secondLook ? (
            <div className="banner banner--warning wrapup__second-look" role="alert" aria-labelledby="ws-second-look">
              <div className="banner__body">
                <p className="banner__title" id="ws-second-look">
                  Before you log it — these could make the step slip:
                </p>
                <ul>
                  {secondLook.map((f) => (
                    <li key={f.code}>{f.message}</li>
                  ))}
                </ul>
                <div className="wrapup__actions">
                  <button type="button" className="button" ref={logAnyway} disabled={busy} onClick={() => void logNextStep(true)}>
                    Log it anyway <span className="kbd" aria-hidden="true">{shortcut}</span>
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => setSecondLook(null)}>
                    Let me fix it
                  </button>
                </div>
              </div>
            </div>
          ) : null}
          <div className="wrapup__actions">
            <button type="submit" className="button" disabled={busy}>
              Log next step <span className="kbd" aria-hidden="true">{shortcut}</span>
            </button>
            <button
              type="button"
              className="button button--secondary"
              aria-expanded={draft.closeOutOpen}
              aria-controls="ws-close-out"
              onClick={() => {
                set('closeOutOpen', !draft.closeOutOpen);
                if (!draft.closeOutOpen) requestAnimationFrame(() => focusField('ws-result'));
              }}
            >
              Close out thread…
            </button>
          </div>
        </form>
      </section>

      {draft.closeOutOpen ? (
        <section className="wrapup__section wrapup__close-out" id="ws-close-out" aria-labelledby="ws-close-heading" ref={closeOutPanel}>
          <h2 className="wrapup__h2" id="ws-close-heading">
            Close out the deal instead
          </h2>
          <p className="wrapup__coach">If there is honestly no next step, end the deal with {thread.account} and say why.</p>
          <form className="wrapup__form" noValidate onSubmit={submitCloseOut}>
            {failure?.action === 'close-out' ? (
              <ErrorSummary error={failure.error} fields={WRAP_UP_FIELDS} summaryRef={closeOutSummary} />
            ) : null}
            <RadioGroupField
              id="ws-result"
              label="Result"
              value={draft.result}
              onChange={(v) => set('result', v)}
              options={choices(RESULT_LABELS)}
              error={errorFor(closeOutErrors, 'result')}
            />
            <TextAreaField
              id="ws-reason"
              label="Reason"
              value={draft.reason}
              onChange={(v) => set('reason', v)}
              placeholder="e.g. They signed a three-year contract with their current supplier"
              required
              error={errorFor(closeOutErrors, 'reason')}
            />
            <div className="wrapup__actions">
              <button type="submit" className="button button--danger" disabled={busy}>
                Close out
              </button>
            </div>
          </form>
        </section>
      ) : null}
    </div>
  );
}
