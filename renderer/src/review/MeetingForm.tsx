// Runs in the renderer. The meeting form, for planning a new meeting (`createMeeting`) or preparing a planned one
// (`updateMeeting`, the review's "Prep"): its point (purpose), its ideal outcome, the "why us" note and an agenda.
// The core validates; its messages appear under the fields and in a summary.
import { useRef, useState, type FormEvent, type Ref } from 'react';
import type { MethodRawInput } from '../../../shared/contract';
import type { Meeting, Thread } from '../../../shared/domain';
import { api, toApiError, type ApiError } from '../api';
import { errorFor, ErrorSummary, firstOnScreen, focusField, TextAreaField, TextField, type SummaryField } from '../ui/fields';
import { formatWhen, nextHalfHour, toIsoFromLocalInput, toLocalInput } from '../ui/format';
import { stageKey, templateForStage, type StageTemplates } from '../../../shared/rules/stage-templates';
import { useView } from '../ui/useView';
import { AgendaEditor, agendaItem, draftItems, type AgendaDraftItem, type TemplateOffer } from './AgendaEditor';
import { guideFor, STAGES } from './stages';

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

/** What the form saves: a new meeting (picking or starting a deal), or changes to a planned one. */
export type FormTarget = { kind: 'new'; threads: Thread[] } | { kind: 'edit'; meeting: Meeting; account: string };

const getSettings = () => api.getSettings();

/** Our stages, then the rep's own stages that have a template. */
const knownStages = (templates: StageTemplates): string[] => [
  ...STAGES,
  ...Object.keys(templates).filter((name) => !STAGES.some((s) => stageKey(s) === stageKey(name))),
];

/** The stage a typed name picks, as it is spelled in the list; undefined while the rep is still typing. */
const pickedStage = (typed: string, templates: StageTemplates): string | undefined =>
  knownStages(templates).find((s) => stageKey(s) === stageKey(typed));

/** An agenda still exactly as a template gave it: picking another stage may replace it without asking. */
const isUntouched = (agenda: AgendaDraftItem[], stage: string, templates: StageTemplates) => {
  const template = templateForStage(stage, templates);
  return (
    agenda.length === 0 ||
    (agenda.length === template.length && agenda.every((item, i) => item.text === template[i]!.text && item.minutes === (template[i]!.minutes ? String(template[i]!.minutes) : '')))
  );
};

/** Next half hour, for 30 minutes. */
const defaultTimes = (now: number) => {
  const start = nextHalfHour(now);
  return { start: toLocalInput(start), end: toLocalInput(start.getTime() + 30 * 60_000) };
};

const freshDraft = (now: number): Draft => ({
  account: '',
  title: '',
  ...defaultTimes(now),
  stage: 'First meeting',
  purpose: '',
  idealOutcome: '',
  whyUs: '',
  agenda: [],
  pendingItem: { text: '', minutes: '' },
});

/** Agenda items keep their id (and ticks), so editing one does not make it a new item. */
const agendaIds = new WeakMap<AgendaDraftItem, { id: string; done: boolean }>();

const draftOf = (meeting: Meeting, account: string): Draft => ({
  account,
  title: meeting.title,
  start: toLocalInput(meeting.start),
  end: toLocalInput(meeting.end),
  stage: meeting.stage,
  purpose: meeting.purpose,
  idealOutcome: meeting.idealOutcome,
  whyUs: meeting.whyUs,
  agenda: meeting.agenda.map((a) => {
    const item = agendaItem(a.text, a.minutes ? String(a.minutes) : '');
    agendaIds.set(item, { id: a.id, done: a.done });
    return item;
  }),
  pendingItem: { text: '', minutes: '' },
});

/** Field keys of the core, and where each is shown. */
const FIELD_KEYS = ['account', 'threadId', 'title', 'start', 'end', 'stage', 'purpose', 'idealOutcome', 'whyUs', 'agenda'] as const;
const FIELD_IDS: Record<(typeof FIELD_KEYS)[number], string> = {
  account: 'account',
  threadId: 'account',
  title: 'title',
  start: 'start',
  end: 'end',
  stage: 'stage',
  purpose: 'purpose',
  idealOutcome: 'ideal',
  whyUs: 'why',
  agenda: 'agenda-new',
};

/** Moves the end with the start, keeping the meeting's length. */
function shiftEnd(draft: Draft, start: string): string {
  const before = toIsoFromLocalInput(draft.start);
  const after = toIsoFromLocalInput(start);
  const end = toIsoFromLocalInput(draft.end);
  if (!before || !after || !end) return draft.end;
  return toLocalInput(Date.parse(end) + (Date.parse(after) - Date.parse(before)));
}

interface Props {
  /** Prefix of every field id ("new-meeting", "prep-<id>"). */
  idPrefix: string;
  target: FormTarget;
  now: number;
  submitLabel: string;
  /** Called with the saved meeting; a new-meeting form also clears itself. */
  onSaved?: (meeting: Meeting) => void;
  onCancel?: () => void;
  /** The first control, for the caller to focus (Prep focuses the form when it opens). */
  firstFieldRef?: Ref<HTMLInputElement>;
}

export function MeetingForm({ idPrefix, target, now, submitLabel, onSaved, onCancel, firstFieldRef }: Props) {
  const editing = target.kind === 'edit' ? target.meeting : null;
  const [draft, setDraft] = useState<Draft>(() => (editing ? draftOf(editing, target.kind === 'edit' ? target.account : '') : freshDraft(now)));
  /** Until the rep picks a time, a new meeting's default follows the core's clock (it may sync late). */
  const [timesTouched, setTimesTouched] = useState(!!editing);
  if (!timesTouched) {
    const times = defaultTimes(now);
    if (times.start !== draft.start || times.end !== draft.end) setDraft((d) => ({ ...d, ...times }));
  }
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const templates = useView(getSettings).data?.stageTemplates ?? {};
  const guide = guideFor(draft.stage, templates);
  /** A picked stage's template, when the rep's own agenda is in the way of filling it in. */
  const [offer, setOffer] = useState<TemplateOffer | null>(null);
  const [agendaNotice, setAgendaNotice] = useState('');
  const fieldErrors = error?.fields;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  /** Picking a stage fills the agenda from its template — unless the rep wrote their own: then it asks. */
  const changeStage = (typed: string) => {
    const picked = pickedStage(typed, templates);
    const changed = picked !== undefined && stageKey(picked) !== stageKey(draft.stage);
    setDraft((d) => ({ ...d, stage: typed }));
    if (!changed) return;
    const template = { stage: picked, items: templateForStage(picked, templates) };
    if (isUntouched(draft.agenda, draft.stage, templates)) {
      setDraft((d) => ({ ...d, stage: typed, agenda: draftItems(template.items) }));
      setAgendaNotice(`The agenda is the ${picked} agenda now (${template.items.length} items).`);
      setOffer(null);
    } else {
      setAgendaNotice('');
      setOffer(template);
    }
  };
  const id = (name: string) => `${idPrefix}-${name}`;

  /** The core's keys to where they are shown; an agenda item's message sits with that item. */
  const fieldFor = (key: string): SummaryField | undefined => {
    const item = /^agenda\.(\d+)/.exec(key);
    if (item) return { id: id(`agenda-item-${item[1]}`) };
    const name = (FIELD_KEYS as readonly string[]).includes(key) ? key : key.split('.')[0];
    const shown = FIELD_IDS[name as (typeof FIELD_KEYS)[number]];
    return shown ? { id: id(shown) } : undefined;
  };
  const summaryFields = Object.fromEntries(Object.keys(fieldErrors ?? {}).flatMap((k) => (fieldFor(k) ? [[k, fieldFor(k)!]] : [])));

  const save = (items: AgendaDraftItem[]): Promise<Meeting> => {
    const common = {
      title: draft.title,
      start: toIsoFromLocalInput(draft.start) ?? '',
      end: toIsoFromLocalInput(draft.end) ?? '',
      stage: draft.stage,
      purpose: draft.purpose,
      idealOutcome: draft.idealOutcome,
      whyUs: draft.whyUs,
      agenda: items.map((i) => ({ ...agendaIds.get(i), text: i.text, ...(i.minutes.trim() ? { minutes: Number(i.minutes) } : {}) })),
    };
    if (target.kind === 'edit') return api.updateMeeting({ id: target.meeting.id, ...common });
    const account = draft.account.trim();
    const thread = target.threads.find((t) => t.status === 'open' && t.account.trim().toLowerCase() === account.toLowerCase());
    const input: MethodRawInput<'createMeeting'> = { ...(thread && account ? { threadId: thread.id } : { account }), ...common };
    return api.createMeeting(input);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    // Whatever is typed in the new-item box is part of the agenda the rep means to save.
    let items = draft.agenda;
    if (draft.pendingItem.text.trim()) {
      items = [...items, agendaItem(draft.pendingItem.text.trim(), draft.pendingItem.minutes.trim())];
      setDraft((d) => ({ ...d, agenda: items, pendingItem: { text: '', minutes: '' } }));
    }
    setSaving(true);
    setSaved('');
    try {
      const meeting = await save(items);
      setError(null);
      if (!editing) {
        setDraft(freshDraft(now));
        setTimesTouched(false);
      }
      setSaved(editing ? `Saved the prep for “${meeting.title}”.` : `Saved “${meeting.title}” for ${formatWhen(meeting.start, now)}.`);
      onSaved?.(meeting);
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

  const openAccounts = target.kind === 'new' ? [...new Set(target.threads.filter((t) => t.status === 'open').map((t) => t.account))] : [];

  return (
    <form className="meeting-form" noValidate onSubmit={submit}>
      <ErrorSummary error={error} fields={summaryFields} summaryRef={summaryRef} />
      <div className="meeting-form__grid">
        {target.kind === 'new' ? (
          <>
            <TextField
              id={id('account')}
              label="Account"
              value={draft.account}
              onChange={(v) => set('account', v)}
              placeholder="e.g. Acme Logistics"
              list={id('accounts')}
              required
              inputRef={firstFieldRef}
              error={errorFor(fieldErrors, 'account') ?? errorFor(fieldErrors, 'threadId')}
            />
            <datalist id={id('accounts')}>
              {openAccounts.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </>
        ) : null}
        <TextField
          id={id('title')}
          // Without the account beside it (a prep edits a meeting of a known deal), the title takes the whole row.
          {...(target.kind === 'edit' ? { className: 'meeting-form__wide' } : {})}
          label="Meeting title"
          value={draft.title}
          onChange={(v) => set('title', v)}
          placeholder="e.g. Discovery call"
          required
          {...(target.kind === 'edit' ? { inputRef: firstFieldRef } : {})}
          error={errorFor(fieldErrors, 'title')}
        />
        <TextField
          id={id('start')}
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
          id={id('end')}
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
          id={id('stage')}
          className="meeting-form__wide"
          label="Stage"
          value={draft.stage}
          onChange={changeStage}
          list={id('stages')}
          hint={guide.tip}
          error={errorFor(fieldErrors, 'stage')}
        />
        <datalist id={id('stages')}>
          {knownStages(templates).map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <TextAreaField
          id={id('purpose')}
          className="meeting-form__wide"
          label="Purpose"
          value={draft.purpose}
          onChange={(v) => set('purpose', v)}
          placeholder={guide.purpose}
          hint="The point of this meeting, in one sentence you could say out loud to them."
          error={errorFor(fieldErrors, 'purpose')}
        />
        <TextAreaField
          id={id('ideal')}
          className="meeting-form__wide"
          label="Ideal outcome"
          value={draft.idealOutcome}
          onChange={(v) => set('idealOutcome', v)}
          placeholder={guide.idealOutcome}
          error={errorFor(fieldErrors, 'idealOutcome')}
        />
        <TextAreaField
          id={id('why')}
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
            idPrefix={id('agenda')}
            items={draft.agenda}
            onChange={(agenda) => set('agenda', agenda)}
            pending={draft.pendingItem}
            onPendingChange={(pendingItem) => set('pendingItem', pendingItem)}
            template={{ stage: draft.stage.trim() || 'suggested', items: guide.agenda }}
            offer={offer}
            onOfferClosed={() => setOffer(null)}
            notice={agendaNotice}
            errors={fieldErrors}
          />
        </div>
      </div>
      <div className="meeting-form__actions">
        <button type="submit" className="button" disabled={saving}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Close
          </button>
        ) : null}
        <p className="meeting-form__saved" aria-live="polite">
          {saved}
        </p>
      </div>
    </form>
  );
}
