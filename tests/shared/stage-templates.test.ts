import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agendaForStage, DEFAULT_STAGE_AGENDAS, STAGES } from '../../shared/rules/stage-templates';

describe('stage templates', () => {
  it('every default agenda ends by agreeing the next step', () => {
    for (const stage of STAGES) expect(agendaForStage(stage).at(-1)).toBe('Agree the next step');
    expect(Object.keys(DEFAULT_STAGE_AGENDAS)).toHaveLength(STAGES.length);
  });

  it('the rep’s own template wins, whatever the case of the stage name', () => {
    expect(agendaForStage('DEMO', { demo: ['Their data first', 'Agree the next step'] })).toEqual(['Their data first', 'Agree the next step']);
    expect(agendaForStage('Demo', { demo: [] })).toEqual(DEFAULT_STAGE_AGENDAS['demo']);
  });

  it('an unknown stage still gets an agenda that ends with the next step', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (stage) => {
        expect(agendaForStage(stage).at(-1)).toBe('Agree the next step');
      }),
    );
  });
});
