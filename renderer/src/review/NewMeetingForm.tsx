// Runs in the renderer. The "New meeting" region: plan a meeting with its point, its ideal outcome, why us, and an
// agenda. The core validates; its messages appear under the fields and in a summary.
import { useRef, useState, type FormEvent } from 'react';
import type { MethodRawInput } from '../../../shared/contract';
import type { Thread } from '../../../shared/domain';
import { api, toApiError, type ApiError } from '../api';
import { errorFor, ErrorSummary, firstOnScreen, focusField, TextAreaField, TextField, type SummaryField } from '../ui/fields';
import { formatWhen, nextHalfHour, toIsoFromLocalInput, toLocalInput } from '../ui/format';
import { AgendaEditor, agendaItem, type AgendaDraftItem } from './AgendaEditor';
import { guideFor, STAGES } from './stages';

const ID = 'new-meeting';

interface Draft {
  account: string;
  title: string;
  start: string;
  end: string;
  stage: string;
  purpose: string;
  idealOutcome: string;
  whyUs: string;
  agenda: AgendaDraftItem[];
  pendingItem: { text: string; minutes: string };
}

/** Next half hour, for 30 minutes. */
const defaultTimes = (now: number) => {
  const start = nextHalfHour(now);
  return { start: toLocalInput(start), end: toLocalInput(start.getTime() + 30 * 60_000) };
};

const freshDraft = (now: number): Draft => {
  return {
    account: '',
    title: '',
    ...defaultTimes(now),
    stage: 'First meeting',
    purpose: '',
    idealOutcome: '',
    whyUs: '',
    agenda: [],
    pendingItem: { text: '', minutes: '' },
  };
};

/** Where each of the core's field keys is shown. */
const FIELDS: Record<string, SummaryField> = {
  account: { id: `${ID}-account` },
  threadId: { id: `${ID}-account` },
  title: { id: `${ID}-title` },
  start: { id: `${ID}-start` },
  end: { id: `${ID}-end` },
  stage: { id: `${ID}-stage` },
  purpose: { id: `${ID}-purpose` },
  idealOutcome: { id: `${ID}-ideal` },
  whyUs: { id: `${ID}-why` },
  agenda: { id: `${ID}-agenda-new` },
};

/** The core's keys to where they are shown; an agenda item's message sits with that item. */
function fieldFor(key: string): SummaryField | undefined {
  const item = /^agenda\.(\d+)/.exec(key);
  if (item) return { id: `${ID}-agenda-item-${item[1]}` };
  return FIELDS[key] ?? FIELDS[key.split('.')[0] ?? ''];
}

const summaryFields = (error: ApiError | null): Record<string, SummaryField> =>
  Object.fromEntries(Object.keys(error?.fields ?? {}).flatMap((k) => (fieldFor(k) ? [[k, fieldFor(k)!]] : [])));

/** Moves the end with the start, keeping the meeting's length. */
function shiftEnd(draft: Draft, start: string): string {
  const before = toIsoFromLocalInput(draft.start);
  const after = toIsoFromLocalInput(start);
  const end = toIsoFromLocalInput(draft.end);
  if (!before || !after || !end) return draft.end;
  return toLocalInput(Date.parse(end) + (Date.parse(after) - Date.parse(before)));
}

export function NewMeetingForm({ threads, now }: { threads: Thread[]; now: number }) {
  const [draft, setDraft] = useState<Draft>(() => freshDraft(now));
  /** Until the rep picks a time, the default follows the core's clock (it may sync late, or the window stay open). */
  const [timesTouched, setTimesTouched] = useState(false);
  if (!timesTouched) {
    const times = defaultTimes(now);
    if (times.start !== draft.start || times.end !== draft.end) setDraft((d) => ({ ...d, ...times }));
  }
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const guide = guideFor(draft.stage);
  const openAccounts = [...new Set(threads.filter((t) => t.status === 'open').map((t) => t.account))];
  const fieldErrors = error?.fields;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    // Whatever is typed in the new-item box is part of the agenda the rep means to save.
    let items = draft.agenda;
    if (draft.pendingItem.text.trim()) {
      items = [...items, agendaItem(draft.pendingItem.text.trim(), draft.pendingItem.minutes.trim())];
      setDraft((d) => ({ ...d, agenda: items, pendingItem: { text: '', minutes: '' } }));
    }
    const account = draft.account.trim();
    const thread = threads.find((t) => t.status === 'open' && t.account.trim().toLowerCase() === account.toLowerCase());
    const input: MethodRawInput<'createMeeting'> = {
      ...(thread && account ? { threadId: thread.id } : { account }),
      title: draft.title,
      start: toIsoFromLocalInput(draft.start) ?? '',
      end: toIsoFromLocalInput(draft.end) ?? '',
      stage: draft.stage,
      purpose: draft.purpose,
      idealOutcome: draft.idealOutcome,
      whyUs: draft.whyUs,
      agenda: items.map((i) => ({ text: i.text, ...(i.minutes.trim() ? { minutes: Number(i.minutes) } : {}) })),
    };
    setSaving(true);
    setSaved('');
    try {
      const meeting = await api.createMeeting(input);
      setError(null);
      setDraft(freshDraft(now));
      setTimesTouched(false);
      setSaved(`Saved “${meeting.title}” for ${formatWhen(meeting.start, now)}.`);
    } catch (e) {
      const apiError = toApiError(e);
      setError(apiError);
      // Put the rep on the first field to fix, or on the summary when the message is about the whole form.
      requestAnimationFrame(() => {
        const first = firstOnScreen(Object.keys(apiError.fields).map((k) => fieldFor(k)?.id));
        if (first) focusField(first);
        else summaryRef.current?.focus();
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel panel--form" aria-labelledby={`${ID}-heading`}>
      <div className="panel__head">
        <h2 id={`${ID}-heading`}>New meeting</h2>
      </div>
      <form className="meeting-form" noValidate onSubmit={submit}>
        <ErrorSummary error={error} fields={summaryFields(error)} summaryRef={summaryRef} />
        <div className="meeting-form__grid">
          <TextField
            id={`${ID}-account`}
            label="Account"
            value={draft.account}
            onChange={(v) => set('account', v)}
            placeholder="e.g. Acme Logistics"
            list={`${ID}-accounts`}
            required
            error={errorFor(fieldErrors, 'account') ?? errorFor(fieldErrors, 'threadId')}
          />
          <datalist id={`${ID}-accounts`}>
            {openAccounts.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          <TextField
            id={`${ID}-title`}
            label="Meeting title"
            value={draft.title}
            onChange={(v) => set('title', v)}
            placeholder="e.g. Discovery call"
            required
            error={errorFor(fieldErrors, 'title')}
          />
          <TextField
            id={`${ID}-start`}
            label="Starts"
            type="datetime-local"
            value={draft.start}
            onChange={(v) => {
              setTimesTouched(true);
              setDraft((d) => ({ ...d, start: v, end: shiftEnd(d, v) }));
            }}
            required
            error={errorFor(fieldErrors, 'start')}
          />
          <TextField
            id={`${ID}-end`}
            label="Ends"
            type="datetime-local"
            value={draft.end}
            onChange={(v) => {
              setTimesTouched(true);
              set('end', v);
            }}
            required
            error={errorFor(fieldErrors, 'end')}
          />
          <TextField
            id={`${ID}-stage`}
            className="meeting-form__wide"
            label="Stage"
            value={draft.stage}
            onChange={(v) => set('stage', v)}
            list={`${ID}-stages`}
            hint={guide.tip}
            error={errorFor(fieldErrors, 'stage')}
          />
          <datalist id={`${ID}-stages`}>
            {STAGES.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <TextAreaField
            id={`${ID}-purpose`}
            className="meeting-form__wide"
            label="Purpose"
            value={draft.purpose}
            onChange={(v) => set('purpose', v)}
            placeholder={guide.purpose}
            hint="The point of this meeting, in one sentence you could say out loud to them."
            error={errorFor(fieldErrors, 'purpose')}
          />
          <TextAreaField
            id={`${ID}-ideal`}
            className="meeting-form__wide"
            label="Ideal outcome"
            value={draft.idealOutcome}
            onChange={(v) => set('idealOutcome', v)}
            placeholder={guide.idealOutcome}
            error={errorFor(fieldErrors, 'idealOutcome')}
          />
          <TextAreaField
            id={`${ID}-why`}
            className="meeting-form__wide"
            label="Why us"
            value={draft.whyUs}
            onChange={(v) => set('whyUs', v)}
            placeholder={guide.whyUs}
            hint="What makes you different from what they have now — so you stand out instead of nodding along."
            error={errorFor(fieldErrors, 'whyUs')}
          />
          <div className="meeting-form__wide">
            <AgendaEditor
              idPrefix={`${ID}-agenda`}
              items={draft.agenda}
              onChange={(agenda) => set('agenda', agenda)}
              pending={draft.pendingItem}
              onPendingChange={(pendingItem) => set('pendingItem', pendingItem)}
              suggestions={guide.agenda}
              stage={draft.stage}
              errors={fieldErrors}
            />
          </div>
        </div>
        <div className="meeting-form__actions">
          <button type="submit" className="button" disabled={saving}>
            Save meeting
          </button>
          <p className="meeting-form__saved" aria-live="polite">
            {saved}
          </p>
        </div>
      </form>
    </section>
  );
}
