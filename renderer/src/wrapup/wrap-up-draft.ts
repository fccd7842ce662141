// Runs in the renderer. The wrap-up form's state as data: the draft the rep is typing (saved to the core as they
// go), where each of the core's field messages is shown, and the pure steps between them — a fresh draft from the
// overlay's jot, a restored draft made safe, "Say when" read back, a message dropped once its field is edited.
import type { CloseOutResult, NextStepKind, Outcome, Owner } from '../../../shared/domain';
import { parseJot, type ParsedWhen } from '../../../shared/rules/parse-when';
import { ApiError } from '../api';
import type { SummaryField } from '../ui/fields';
import { formatWhen, toLocalInput } from '../ui/format';
import { KIND_LABELS, OUTCOME_LABELS, OWNER_LABELS, RESULT_LABELS } from '../ui/labels';

export type WrapUpDraft = {
  what: string;
  kind: NextStepKind;
  /** "tue 3pm" as typed; its parse fills `when`. */
  whenText: string;
  when: string;
  durationMinutes: string;
  owner: Owner;
  purpose: string;
  bring: string;
  agreed: boolean;
  outcome: Outcome | '';
  notes: string;
  closeOutOpen: boolean;
  result: CloseOutResult | '';
  reason: string;
};

export const emptyDraft = (): WrapUpDraft => ({
  what: '',
  kind: 'meeting',
  whenText: '',
  when: '',
  durationMinutes: '30',
  owner: 'both',
  purpose: '',
  bring: '',
  agreed: false,
  outcome: '',
  notes: '',
  closeOutOpen: false,
  result: '',
  reason: '',
});

/** Where each of the core's field keys is shown (both actions' keys). */
export const WRAP_UP_FIELDS: Record<string, SummaryField> = {
  what: { id: 'ws-what' },
  kind: { id: 'ws-kind' },
  whenText: { id: 'ws-when-text' },
  when: { id: 'ws-when' },
  durationMinutes: { id: 'ws-duration' },
  owner: { id: 'ws-owner' },
  purpose: { id: 'ws-purpose' },
  bring: { id: 'ws-bring' },
  agreed: { id: 'ws-agreed' },
  outcome: { id: 'ws-outcome' },
  notes: { id: 'ws-notes' },
  result: { id: 'ws-result' },
  reason: { id: 'ws-reason' },
};

export type Failure = { action: 'next-step' | 'close-out'; error: ApiError };

/** A restored draft with a value the form no longer offers falls back to the default. */
export function sanitize(d: WrapUpDraft): WrapUpDraft {
  const fresh = emptyDraft();
  return {
    ...d,
    kind: d.kind in KIND_LABELS ? d.kind : fresh.kind,
    owner: d.owner in OWNER_LABELS ? d.owner : fresh.owner,
    outcome: d.outcome === '' || d.outcome in OUTCOME_LABELS ? d.outcome : fresh.outcome,
    result: d.result === '' || d.result in RESULT_LABELS ? d.result : fresh.result,
  };
}

/** A fresh form starts from what the rep jotted at the "ask for the next meeting" prompt ("tue 3pm demo with Dana"). */
export function fromJot(jot: string, now: number): WrapUpDraft {
  const fresh = emptyDraft();
  if (!jot) return fresh;
  const { when, what } = parseJot(jot, now);
  return {
    ...fresh,
    what,
    whenText: when.kind === 'none' ? '' : when.text,
    when: when.kind === 'date-time' ? toLocalInput(when.iso) : '',
  };
}

/** What the rep is told under "Say when": the date read back, or what is missing. */
export function whenReadBack(parsed: ParsedWhen, now: number): string {
  if (parsed.kind === 'date-time') return `→ ${formatWhen(parsed.iso, now, { weekday: 'long' })}`;
  if (parsed.kind === 'needs-time') return `→ ${formatWhen(parsed.iso, now, { weekday: 'long', time: false })} — at what time?`;
  return 'Not understood yet — try “thu 10am” or “in two weeks at 3pm”.';
}

/** The failure without `field`'s message; none at all once no message is left (the summary would list nothing). */
export function withoutField(failure: Failure | null, field: string): Failure | null {
  if (!failure || !(field in failure.error.fields)) return failure;
  const { [field]: _answered, ...rest } = failure.error.fields;
  if (Object.keys(rest).length === 0) return null;
  return { ...failure, error: new ApiError({ code: failure.error.code, message: failure.error.message, fields: rest }) };
}
