import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Settings } from '../../shared/domain';
import {
  agendaForStage,
  builtInTemplate,
  DEFAULT_STAGE_AGENDAS,
  stageKey,
  STAGES,
  templateForStage,
  withStageTemplate,
  type StageTemplates,
} from '../../shared/rules/stage-templates';

const item = fc.record({ text: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '').map((s) => s.trim()), minutes: fc.option(fc.integer({ min: 1, max: 480 }), { nil: undefined }) }).map(({ text, minutes }) => (minutes ? { text, minutes } : { text }));
const stage = fc.oneof(fc.constantFrom(...STAGES, 'DEMO', '  first   meeting ', 'Pilot review'), fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''));
const templates: fc.Arbitrary<StageTemplates> = fc.dictionary(stage.map((s) => s.trim()), fc.array(item, { minLength: 1, maxLength: 5 }), { maxKeys: 4 });

describe('stage templates', () => {
  it('every default agenda ends by agreeing the next step', () => {
    for (const stage of STAGES) expect(agendaForStage(stage).at(-1)).toBe('Agree the next step');
    expect(Object.keys(DEFAULT_STAGE_AGENDAS)).toHaveLength(STAGES.length);
  });

  it('the rep’s own template wins, whatever the case of the stage name, minutes included', () => {
    const own = { demo: [{ text: 'Their data first', minutes: 10 }, { text: 'Agree the next step' }] };
    expect(templateForStage('DEMO', own)).toEqual(own.demo);
    expect(agendaForStage('Demo', { demo: [] })).toEqual(DEFAULT_STAGE_AGENDAS['demo']);
  });

  it('an unknown stage still gets an agenda that ends with the next step', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (stage) => {
        expect(agendaForStage(stage).at(-1)).toBe('Agree the next step');
      }),
    );
  });

  it('saving a stage makes it that stage’s agenda, and leaves every other stage as it was', () => {
    fc.assert(
      fc.property(templates, stage, fc.array(item, { minLength: 1, maxLength: 6 }), stage, (before, chosen, items, other) => {
        const after = withStageTemplate(before, chosen, items);
        const ours = builtInTemplate(chosen);
        const sameAsOurs = items.length === ours.length && items.every((i, n) => i.text === ours[n]!.text && i.minutes === ours[n]!.minutes);
        expect(templateForStage(chosen, after)).toEqual(sameAsOurs ? ours : items);
        // One entry per stage, however it was spelled before.
        expect(Object.keys(after).filter((k) => stageKey(k) === stageKey(chosen)).length).toBe(sameAsOurs ? 0 : 1);
        if (stageKey(other) !== stageKey(chosen)) expect(templateForStage(other, after)).toEqual(templateForStage(other, before));
        // What is stored still reads back as valid settings.
        expect(Settings.safeParse({ stageTemplates: after }).success).toBe(true);
      }),
    );
  });

  it('a reset removes the override (never a stored copy of ours), and so does saving ours unchanged', () => {
    fc.assert(
      fc.property(templates, stage, (before, chosen) => {
        const reset = withStageTemplate(before, chosen, null);
        expect(Object.keys(reset).some((k) => stageKey(k) === stageKey(chosen))).toBe(false);
        expect(templateForStage(chosen, reset)).toEqual(builtInTemplate(chosen));
        expect(withStageTemplate(before, chosen, builtInTemplate(chosen))).toEqual(reset);
        expect(withStageTemplate(before, chosen, [])).toEqual(reset);
      }),
    );
  });

  it('plain-string items are schema version 1: the current schema refuses them (the 1 → 2 migration lifts old files)', () => {
    expect(Settings.safeParse({ stageTemplates: { Demo: ['Their data first'] } }).success).toBe(false);
    expect(Settings.parse({ stageTemplates: { Demo: [{ text: 'Their data first' }] } }).stageTemplates['Demo']).toEqual([{ text: 'Their data first' }]);
  });
});
