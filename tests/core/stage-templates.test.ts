// Stage templates through the real core: saved per stage by the settings patch, kept across a restart, refused in
// plain words under the item at fault, and a reset removes the rep's version (nothing of ours is stored).
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core-harness';

let t: TestCore;
afterEach(async () => t?.dispose());

describe('stage templates in the settings', () => {
  it('saves one stage’s agenda, keeps it across a restart, and a reset removes it', async () => {
    t = await openTestCore();
    const demo = [{ text: 'Their data first', minutes: 10 }, { text: 'Agree the next step' }];
    const saved = await t.ok('updateSettings', { stageTemplates: { Demo: demo } });
    expect(saved.stageTemplates).toEqual({ Demo: demo });
    // Another spelling of the same stage replaces it rather than adding a second entry.
    const respelled = await t.ok('updateSettings', { stageTemplates: { demo: [{ text: 'Their data first' }] } });
    expect(respelled.stageTemplates).toEqual({ demo: [{ text: 'Their data first' }] });
    t = await t.reopen();
    expect((await t.ok('getSettings')).stageTemplates).toEqual({ demo: [{ text: 'Their data first' }] });
    const reset = await t.ok('updateSettings', { stageTemplates: { DEMO: null } });
    expect(reset.stageTemplates).toEqual({});
  });

  it('refuses an empty item under that item and saves nothing of the patch', async () => {
    t = await openTestCore();
    const before = await t.ok('getSettings');
    const reply = await t.call('updateSettings', { stageTemplates: { Demo: [{ text: 'Fine' }, { text: '   ' }] }, endOfDay: '18:00' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid', fields: { 'stageTemplates.Demo.1.text': expect.stringMatching(/agenda item/i) } } });
    expect(await t.ok('getSettings')).toEqual(before);
  });
});
