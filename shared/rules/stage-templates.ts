// Runs everywhere. The default agenda for each stage of a deal — the rep can edit them (settings.stageTemplates)
// and take or leave them per meeting. Every agenda ends by agreeing the next step: that is the method.
//
// The rep's templates hold only what differs from ours: a stage reset to ours (or saved exactly as ours) has no entry,
// so a better built-in agenda in a later version reaches every stage the rep never changed.
import type { StageTemplateItem } from '../domain';

export const STAGES = ['First meeting', 'Follow-up', 'Demo', 'Proposal', 'Negotiation'] as const;

export type StageTemplates = Readonly<Record<string, readonly StageTemplateItem[]>>;

export const DEFAULT_STAGE_AGENDAS: Record<string, readonly string[]> = {
  'first meeting': ['Introductions and why we are meeting', 'How they do it today', 'What gets in the way', 'Agree the next step'],
  'follow-up': ['Recap what we heard last time', 'Go deeper on the main problem', 'Who else should be involved', 'Agree the next step'],
  demo: ['Confirm what they want to see', 'Demo on their case', 'Questions and concerns', 'Agree the next step'],
  proposal: ['Recap their needs', 'Walk through the proposal', 'Open questions', 'Agree the next step'],
  negotiation: ['List what is still open', 'Work through each point', 'Confirm what is agreed', 'Agree the next step'],
};

const GENERIC_AGENDA = ['Confirm why we are here', 'Agree the next step'] as const;

/** Stage names compare as the rep reads them: case and spacing forgiven. */
export const stageKey = (stage: string) => stage.trim().toLowerCase().replace(/\s+/g, ' ');

/** Our own agenda for a stage (the generic one for a stage of the rep's own). */
export function builtInTemplate(stage: string): readonly StageTemplateItem[] {
  // hasOwn: a stage typed as "constructor" must not find Object's prototype.
  const texts = Object.hasOwn(DEFAULT_STAGE_AGENDAS, stageKey(stage)) ? DEFAULT_STAGE_AGENDAS[stageKey(stage)]! : GENERIC_AGENDA;
  return texts.map((text) => ({ text }));
}

/** The rep's own template for a stage, whatever the case of its name; undefined when the stage uses ours. */
export function ownTemplate(stage: string, templates: StageTemplates = {}): readonly StageTemplateItem[] | undefined {
  const own = Object.entries(templates).find(([name]) => stageKey(name) === stageKey(stage))?.[1];
  return own && own.length > 0 ? own : undefined;
}

/** The agenda a meeting of this stage starts from: the rep's own template, else ours, else a generic one. */
export const templateForStage = (stage: string, templates: StageTemplates = {}): readonly StageTemplateItem[] =>
  ownTemplate(stage, templates) ?? builtInTemplate(stage);

/** The same agenda, as the items' words. */
export const agendaForStage = (stage: string, templates: StageTemplates = {}): readonly string[] =>
  templateForStage(stage, templates).map((item) => item.text);

const sameItems = (a: readonly StageTemplateItem[], b: readonly StageTemplateItem[]) =>
  a.length === b.length && a.every((item, i) => item.text === b[i]!.text && item.minutes === b[i]!.minutes);

/**
 * The templates after the rep saves one stage (`items`) or resets it to ours (`null`). Any entry for the same stage
 * under another spelling goes, so a stage has at most one; an empty list, or one equal to ours, is a reset too.
 */
export function withStageTemplate(
  templates: StageTemplates,
  stage: string,
  items: readonly StageTemplateItem[] | null,
): Record<string, StageTemplateItem[]> {
  const rest = Object.fromEntries(
    Object.entries(templates)
      .filter(([name]) => stageKey(name) !== stageKey(stage))
      .map(([name, list]) => [name, list.map((item) => ({ ...item }))]),
  );
  const own = items?.map(({ text, minutes }) => ({ text: text.trim(), ...(minutes ? { minutes } : {}) }));
  if (!own || own.length === 0 || sameItems(own, builtInTemplate(stage))) return rest;
  return { ...rest, [stage.trim()]: own };
}
