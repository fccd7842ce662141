// Runs in the renderer. "Reschedule…" on a follow-up: a new date and time, and why it moved (required — it is kept in
// the step's history, so the deal's story stays honest). The core checks both; its messages show under the fields.
import { useRef, useState, type FormEvent } from 'react';
import type { FollowUp } from '../../../../shared/rules/review-queries';
import { api, toApiError, type ApiError } from '../../api';
import { errorFor, ErrorSummary, focusField, TextField } from '../../ui/fields';
import { formatWhen, toIsoFromLocalInput, toLocalInput } from '../../ui/format';

const DAY = 86_400_000;

/** A sensible first offer: the date it has if that is still ahead, else the same time tomorrow. */
function proposedWhen(step: FollowUp, now: number): string {
  const when = Date.parse(step.when);
  if (when > now) return toLocalInput(when);
  const days = Math.ceil((now - when) / DAY);
  return toLocalInput(when + days * DAY);
}

interface Props {
  step: FollowUp;
  now: number;
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function RescheduleForm({ step, now, onDone, onCancel }: Props) {
  const id = `reschedule-${step.id}`;
  const [when, setWhen] = useState(() => proposedWhen(step, now));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const whenIso = toIsoFromLocalInput(when);
  const fields = { when: { id: `${id}-when` }, reason: { id: `${id}-reason` } };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      const { step: moved } = await api.rescheduleFollowUp({ nextStepId: step.id, when: whenIso ?? '', reason });
      onDone(`Moved “${moved.what}” to ${formatWhen(moved.when, now, { alwaysWeekday: true })}.`);
    } catch (e) {
      const apiError = toApiError(e);
      setError(apiError);
      requestAnimationFrame(() => {
        const first = Object.keys(apiError.fields).find((k): k is keyof typeof fields => k in fields);
        if (first) focusField(fields[first].id);
        else summaryRef.current?.focus();
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="reschedule" noValidate onSubmit={submit} aria-label={`Reschedule: ${step.what}`}>
      <ErrorSummary error={error} fields={fields} summaryRef={summaryRef} />
      <div className="reschedule__fields">
        <TextField
          id={`${id}-when`}
          label="New date and time"
          type="datetime-local"
          value={when}
          onChange={setWhen}
          required
          hint={whenIso ? formatWhen(whenIso, now, { alwaysWeekday: true, weekday: 'long' }) : 'Pick a day and a time.'}
          error={errorFor(error?.fields, 'when')}
        />
        <TextField
          id={`${id}-reason`}
          className="reschedule__reason"
          label="Why it moved"
          value={reason}
          onChange={setReason}
          placeholder="e.g. Their ops lead is away that week"
          required
          hint="Kept with the step, so you can see later why it slipped."
          error={errorFor(error?.fields, 'reason')}
        />
      </div>
      <div className="reschedule__actions">
        <button type="submit" className="button button--small" disabled={saving}>
          Save new date
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
