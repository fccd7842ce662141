// Stage templates in jsdom: the Settings editor (move, remove, add with minutes, save, reset to ours — which removes
// the rep's version), and a meeting's prep picking a stage: an empty agenda fills from the rep's template, an agenda the
// rep wrote is kept and the template offered (after it, or instead).
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodRawInput } from '../../shared/contract';
import { defaultSettings, type Settings } from '../../shared/domain';
import { withStageTemplate } from '../../shared/rules/stage-templates';
import { ReviewApp } from '../../renderer/src/review/ReviewApp';
import { SettingsMode } from '../../renderer/src/review/settings/SettingsMode';
import { appState, thread } from './fixtures';
import { reviewDoc, reviewModesFor } from './review-fixtures';
import { button, byLabel, cleanup, key, queryButton, click, fakeBridge, installBridge, ok, render, type, type FakeBridge } from './harness';

const NOW = Date.parse('2026-11-23T09:00:00Z');
let fake: FakeBridge;
let settings: Settings;

beforeEach(() => {
  settings = { ...defaultSettings(), stageTemplates: { Demo: [{ text: 'Their data first', minutes: 10 }, { text: 'Agree the next step' }] } };
  fake = fakeBridge();
  fake.answer('getState', () => ok(appState(NOW)));
  fake.answer('getSettings', () => ok(settings));
  fake.answer('listCalendars', () => ok([]));
  fake.answer('getReview', () => ok({ threads: [thread], meetings: [], nextSteps: [], pendingWrapUpIds: [] }));
  fake.answer('getReviewModes', () => ok(reviewModesFor({ ...reviewDoc(), meetings: [], threads: [thread], nextSteps: [] }, NOW)));
  // The core's own merge rule, so what the editor shows next is what the core would store.
  fake.answer('updateSettings', (patch) => {
    const templates = (patch as MethodRawInput<'updateSettings'>).stageTemplates ?? {};
    settings = { ...settings, stageTemplates: Object.entries(templates).reduce((t, [stage, items]) => withStageTemplate(t, stage, items ?? null), settings.stageTemplates) };
    return ok(settings);
  });
  installBridge(fake);
});
afterEach(cleanup);

const itemTexts = () => [...document.querySelectorAll('.agenda-editor__item .agenda-editor__text')].map((el) => el.textContent);
const nextFrame = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));

describe('Settings › Stage templates', () => {
  it('edits a stage’s agenda — move, remove, add with minutes — and saves it for that stage only', async () => {
    await render(<SettingsMode now={NOW} />);
    await type(byLabel('Stage'), 'Proposal');
    expect(itemTexts()).toEqual(['Recap their needs', 'Walk through the proposal', 'Open questions', 'Agree the next step']);
    expect(button('Move up: Recap their needs').disabled).toBe(true);

    await click(button('Move up: Open questions'));
    await nextFrame();
    expect(itemTexts()).toEqual(['Recap their needs', 'Open questions', 'Walk through the proposal', 'Agree the next step']);
    // Focus stays with the item that moved, so pressing Enter again moves it on.
    expect(document.activeElement).toBe(button('Move up: Open questions'));
    await click(button('Move up: Open questions'));
    await nextFrame();
    // At the top its "up" is disabled: focus moves to its "down" instead of being lost.
    expect(document.activeElement).toBe(button('Move down: Open questions'));

    await click(button('Remove agenda item: Walk through the proposal'));
    await type(byLabel('New agenda item'), 'Price and terms');
    await type(byLabel('Minutes for the new item (optional)'), '15');
    await click(button('Save the Proposal agenda'));

    expect(fake.callsOf('updateSettings')).toEqual([
      {
        stageTemplates: {
          Proposal: [{ text: 'Open questions' }, { text: 'Recap their needs' }, { text: 'Agree the next step' }, { text: 'Price and terms', minutes: 15 }],
        },
      },
    ]);
    expect(settings.stageTemplates['Demo']).toHaveLength(2);
    expect(byLabel<HTMLSelectElement>('Stage').selectedOptions[0]!.textContent).toBe('Proposal (your version)');
  });

  it('resets a stage to ours by removing the rep’s version, not by storing a copy', async () => {
    await render(<SettingsMode now={NOW} />);
    await type(byLabel('Stage'), 'Demo');
    expect(itemTexts()).toEqual(['Their data first', 'Agree the next step']);
    await click(button('Reset Demo to our agenda'));
    expect(fake.callsOf('updateSettings')).toEqual([{ stageTemplates: { Demo: null } }]);
    expect(settings.stageTemplates).toEqual({});
    expect(itemTexts()).toEqual(['Confirm what they want to see', 'Demo on their case', 'Questions and concerns', 'Agree the next step']);
    expect(queryButton('Reset Demo to our agenda')).toBeFalsy();
  });
});

describe('Settings › Stage templates: a stage of the rep’s own', () => {
  it('starts from the generic agenda, and once saved is offered in a meeting’s stage list', async () => {
    await render(<SettingsMode now={NOW} />);
    await type(byLabel('A stage of your own (optional)'), 'Pilot review');
    await key(byLabel('A stage of your own (optional)'), { key: 'Enter' });
    expect(byLabel<HTMLSelectElement>('Stage').value).toBe('Pilot review');
    expect(itemTexts()).toEqual(['Confirm why we are here', 'Agree the next step']);
    await type(byLabel('New agenda item'), 'Pilot results against the success criteria');
    await click(button('Add agenda item'));
    await click(button('Save the Pilot review agenda'));
    expect(fake.callsOf('updateSettings').at(-1)).toEqual({
      stageTemplates: { 'Pilot review': [{ text: 'Confirm why we are here' }, { text: 'Agree the next step' }, { text: 'Pilot results against the success criteria' }] },
    });
    expect(byLabel<HTMLSelectElement>('Stage').selectedOptions[0]!.textContent).toBe('Pilot review (your version)');

    await cleanup();
    location.hash = '#plan';
    await render(<ReviewApp />);
    expect([...document.querySelectorAll('#new-meeting-stages option')].map((o) => o.getAttribute('value'))).toContain('Pilot review');
    await type(byLabel('Stage'), 'pilot review');
    expect(itemTexts().at(-1)).toBe('Pilot results against the success criteria');
  });
});

describe('Prep: picking a stage', () => {
  it('fills an empty agenda from the rep’s template for that stage', async () => {
    location.hash = '#plan';
    await render(<ReviewApp />);
    await type(byLabel('Stage'), 'demo');
    expect(itemTexts()).toEqual(['Their data first', 'Agree the next step']);
    expect(document.querySelector('.agenda-editor__minutes')?.textContent).toBe('10 min');
  });

  it('keeps an agenda the rep wrote, and offers the template after it or instead of it', async () => {
    location.hash = '#plan';
    await render(<ReviewApp />);
    await type(byLabel('New agenda item'), 'Their questions from last time');
    await click(button('Add agenda item'));
    await type(byLabel('Stage'), 'Demo');
    expect(itemTexts()).toEqual(['Their questions from last time']);

    await click(button('Add it after mine'));
    expect(itemTexts()).toEqual(['Their questions from last time', 'Their data first', 'Agree the next step']);

    await type(byLabel('Stage'), 'Proposal');
    await click(button('Replace mine'));
    expect(itemTexts()).toEqual(['Recap their needs', 'Walk through the proposal', 'Open questions', 'Agree the next step']);
    // Still the template untouched: the next stage picked replaces it without asking.
    await type(byLabel('Stage'), 'Negotiation');
    expect(itemTexts()[0]).toBe('List what is still open');
  });
});
