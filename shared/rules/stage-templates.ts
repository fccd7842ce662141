// Runs everywhere. The default agenda for each stage of a deal — the rep can edit them (settings.stageTemplates)
// and take or leave them per meeting. Every agenda ends by agreeing the next step: that is the method.
export const STAGES = ['First meeting', 'Follow-up', 'Demo', 'Proposal', 'Negotiation'] as const;

export const DEFAULT_STAGE_AGENDAS: Record<string, readonly string[]> = {
  'first meeting': ['Introductions and why we are meeting', 'How they do it today', 'What gets in the way', 'Agree the next step'],
  'follow-up': ['Recap what we heard last time', 'Go deeper on the main problem', 'Who else should be involved', 'Agree the next step'],
  demo: ['Confirm what they want to see', 'Demo on their case', 'Questions and concerns', 'Agree the next step'],
  proposal: ['Recap their needs', 'Walk through the proposal', 'Open questions', 'Agree the next step'],
  negotiation: ['List what is still open', 'Work through each point', 'Confirm what is agreed', 'Agree the next step'],
};

const GENERIC_AGENDA = ['Confirm why we are here', 'Agree the next step'] as const;

const key = (stage: string) => stage.trim().toLowerCase();

/** The agenda a meeting of this stage starts from: the rep's own template, else ours, else a generic one. */
export function agendaForStage(stage: string, templates: Record<string, readonly string[]> = {}): readonly string[] {
  const own = Object.entries(templates).find(([name]) => key(name) === key(stage))?.[1];
  if (own && own.length > 0) return own;
  // hasOwn: a stage typed as "constructor" must not find Object's prototype.
  return Object.hasOwn(DEFAULT_STAGE_AGENDAS, key(stage)) ? DEFAULT_STAGE_AGENDAS[key(stage)]! : GENERIC_AGENDA;
}
