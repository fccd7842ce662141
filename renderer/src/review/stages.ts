// Runs in the renderer. Stage-aware prompts for planning a meeting. Every step of a deal has its own point: a first
// meeting listens (learn how they work, earn trust) and ends by agreeing the second; later steps build on it.
import type { StageTemplateItem } from '../../../shared/domain';
import { stageKey, templateForStage, type StageTemplates } from '../../../shared/rules/stage-templates';
export { STAGES } from '../../../shared/rules/stage-templates';

export interface StageGuide {
  /** One sentence on what this kind of meeting is for. */
  tip: string;
  purpose: string;
  idealOutcome: string;
  whyUs: string;
}

const GUIDES: Record<string, StageGuide> = {
  'first meeting': {
    tip: 'A first meeting is for listening, not pitching: learn how they work today, earn their trust, and leave with the second meeting in the diary.',
    purpose: 'e.g. Learn how they plan routes today and whether a second conversation makes sense',
    idealOutcome: 'e.g. A second meeting agreed, with a date, to look at their routes together',
    whyUs: 'e.g. One or two things we do that their current supplier does not',
  },
  'follow-up': {
    tip: 'Pick up where the first meeting left off: test what you learned, dig into the problem, and agree what comes next.',
    purpose: 'e.g. Check we understood their two biggest problems and size them',
    idealOutcome: 'e.g. They agree to a demo with their operations lead',
    whyUs: 'e.g. How we handled the same problem for a similar customer',
  },
  demo: {
    tip: 'Show only what solves the problems they named — on their situation, not a tour of every feature.',
    purpose: 'e.g. Show how route planning handles their depot on their own data',
    idealOutcome: 'e.g. They see it working for them and agree to a proposal meeting',
    whyUs: 'e.g. What they will see that no other supplier can show them',
  },
  proposal: {
    tip: 'Walk through the proposal together and check it fits what they told you they need.',
    purpose: 'e.g. Take them through the proposal and check it answers their needs',
    idealOutcome: 'e.g. Agreement in principle and a date to settle the terms',
    whyUs: 'e.g. The value in their numbers, not just the price',
  },
  negotiation: {
    tip: 'Settle what is still open so both sides can sign — know in advance what you can and cannot give.',
    purpose: 'e.g. Settle the open terms so both sides can sign',
    idealOutcome: 'e.g. A signed agreement, or a dated list of what is left',
    whyUs: 'e.g. Why the value holds even where we do not move on price',
  },
};

const GENERIC: StageGuide = {
  tip: 'Every meeting needs a point. Write down why you are both there and what a good result looks like.',
  purpose: 'e.g. Why are you both here? One sentence',
  idealOutcome: 'e.g. What a good result looks like when the call ends',
  whyUs: 'e.g. What makes us different for this customer',
};

/** The guide for a stage name as typed (case and spacing forgiven); a stage of the rep's own gets the generic one.
 * Its starting agenda is the rep's template for the stage, else ours — the rule the core also uses. */
export function guideFor(stage: string, templates: StageTemplates = {}): StageGuide & { agenda: readonly StageTemplateItem[] } {
  const key = stageKey(stage);
  // hasOwn: a stage typed as "constructor" must not find Object's prototype.
  const guide = Object.hasOwn(GUIDES, key) ? GUIDES[key]! : GENERIC;
  return { ...guide, agenda: templateForStage(stage, templates) };
}
