// Runs everywhere (the wrap-up form coaches as the rep types; the core enforces on submit). The next-step coach:
// hard requirements that cannot be waived (an action, a date and time in the future, a point), and warnings the
// rep may acknowledge (a vague action, a step too far out, not agreed on the call, nothing to bring).
import { isMeetingKind, type NextStepKind } from '../domain/kinds';

export type QualityField = 'what' | 'when' | 'purpose' | 'agreed' | 'bring';
export type WarningCode = 'vague' | 'far-out' | 'not-agreed' | 'nothing-to-bring';

export interface Finding {
  field: QualityField;
  severity: 'required' | 'warning';
  code: 'missing-what' | 'missing-when' | 'past' | 'missing-purpose' | WarningCode;
  message: string;
}

export interface StepDraft {
  kind?: NextStepKind;
  what?: string;
  /** ISO date-time, or undefined when not (validly) set. */
  when?: string;
  purpose?: string;
  bring?: string;
  agreed?: boolean;
}

export interface QualityOptions {
  now: number;
  /** Steps further out than this many days get a warning. */
  maxDaysOut: number;
}

// Words that promise contact without saying what happens. Anchored at the start of the action (after filler),
// so "Demo of their follow-up workflow" is fine and "f/u next week" is not.
const FILLER = String.raw`(?:(?:a|an|the|quick|short|brief|just|to|will|i'll|we'll|i will|we will|let's|lets|another)\s+)*`;
const VAGUE = String.raw`(?:f\/?u|follow[\s-]*up|touch(?:ing)?[\s-]+base|circle[\s-]+back|check(?:ing)?[\s-]*in|catch(?:ing)?[\s-]*up|reach(?:ing)?[\s-]+out|ping|reconnect|connect|keep in touch|stay in touch|send (?:over )?(?:some |more |the )?info(?:rmation)?|chat|talk)`;
const VAGUE_ACTION = new RegExp(String.raw`^\s*${FILLER}${VAGUE}(?:\b|$)`, 'i');

export const isVagueAction = (what: string): boolean => VAGUE_ACTION.test(what.trim());

const DAY = 86_400_000;

export function assessNextStep(step: StepDraft, { now, maxDaysOut }: QualityOptions): Finding[] {
  const findings: Finding[] = [];
  const what = step.what?.trim() ?? '';
  const when = step.when ? Date.parse(step.when) : Number.NaN;

  if (!what) findings.push(required('what', 'missing-what', 'Say what happens next — a call, a demo, a document.'));
  else if (isVagueAction(what)) {
    findings.push(warning('what', 'vague', `“${what}” is vague — what exactly happens, and what is it for?`));
  }

  if (Number.isNaN(when)) findings.push(required('when', 'missing-when', 'Give it a date and time — “next week” slips.'));
  else if (when <= now) findings.push(required('when', 'past', 'Pick a time in the future — the next step has not happened yet.'));
  else if (when - now > maxDaysOut * DAY) {
    const days = Math.round((when - now) / DAY);
    findings.push(warning('when', 'far-out', `That is ${days} days away — interest cools fast. Could you meet sooner?`));
  }

  if (!step.purpose?.trim()) {
    findings.push(required('purpose', 'missing-purpose', 'Give the next step its own point: why will you both be there?'));
  }
  if (step.agreed === false) {
    findings.push(warning('agreed', 'not-agreed', 'They have not said yes yet. A step agreed on the call is far more likely to happen.'));
  }
  if (!step.bring?.trim() && (!step.kind || isMeetingKind(step.kind))) {
    findings.push(warning('bring', 'nothing-to-bring', 'What will you bring? Something new — a sample, a plan, a case — gives them a reason to meet.'));
  }
  return findings;
}

/** Warnings the rep has not yet acknowledged; a step is ready when there are no requirements and none of these. */
export const unacknowledged = (findings: Finding[], acknowledged: readonly string[]) =>
  findings.filter((f) => f.severity === 'warning' && !acknowledged.includes(f.code));

const required = (field: QualityField, code: Finding['code'], message: string): Finding => ({ field, severity: 'required', code, message });
const warning = (field: QualityField, code: WarningCode, message: string): Finding => ({ field, severity: 'warning', code, message });
