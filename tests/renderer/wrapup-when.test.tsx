// The wrap-up's fast path: the note jotted during the call pre-fills the step, "Say when" reads a phrase back as a
// date, and open warnings get one second look before logging (hard requirements stay the core's to refuse).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WrapUpApp } from '../../renderer/src/wrapup/WrapUpApp';
import { appState, meeting, wrapUpView } from './fixtures';
import { button, byLabel, cleanup, click, description, fakeBridge, installBridge, ok, pageText, queryButton, render, type, type FakeBridge } from './harness';

const NOW = new Date(2025, 10, 24, 9, 30).getTime(); // Monday 24 November 2025, 09:30 local
let fake: FakeBridge;

beforeEach(() => {
  fake = fakeBridge();
  fake.answer('getState', () => ok(appState(NOW)));
  fake.answer('getWrapUp', () => ok(wrapUpView()));
  fake.answer('logNextStep', (input) => ok({ step: { ...(input as object), id: 's1', when: new Date(NOW + 86_400_000).toISOString() }, plannedMeeting: null }));
  installBridge(fake);
});
afterEach(cleanup);

const localInput = () => byLabel<HTMLInputElement>('When').value;

describe('wrap-up: when, jot and second look', () => {
  it('pre-fills the step from the note jotted during the call', async () => {
    fake.answer('getWrapUp', () => ok(wrapUpView({ meeting: meeting({ nextStepJot: 'tue 3pm demo with Dana' }) })));
    await render(<WrapUpApp />);
    expect(byLabel<HTMLInputElement>('Next step').value).toBe('demo with Dana');
    expect(byLabel<HTMLInputElement>('Say when').value).toBe('tue 3pm');
    expect(localInput()).toBe('2025-11-25T15:00');
  });

  it('reads a typed phrase back as a date, and asks for a time when none is given', async () => {
    await render(<WrapUpApp />);
    await type(byLabel('Say when'), 'in two weeks at 10');
    expect(localInput()).toBe('2025-12-08T10:00');
    expect(description(byLabel('Say when'))).toMatch(/→ .*8.*10:00/);
    await type(byLabel('Say when'), 'next friday');
    expect(description(byLabel('Say when'))).toContain('at what time?');
    await type(byLabel('Say when'), 'whenever');
    expect(description(byLabel('Say when'))).toContain('Not understood yet');
  });

  it('gives open warnings one second look, then logs it anyway', async () => {
    await render(<WrapUpApp />);
    await type(byLabel('Next step'), 'follow up');
    await type(byLabel('Say when'), 'tomorrow 10am');
    await type(byLabel('Its point'), 'Agree the pilot scope');
    await click(button('Log next step'));
    expect(fake.callsOf('logNextStep')).toHaveLength(0);
    expect(pageText()).toContain('Before you log it');
    expect(pageText()).toMatch(/“follow up” is vague/);

    await click(button('Log it anyway'));
    expect(fake.callsOf('logNextStep')).toHaveLength(1);
    expect(queryButton('Log it anyway')).toBeNull();
  });

  it('offers the logged step as a calendar invite', async () => {
    fake.answer('exportInvite', () => ok({ filename: 'demo.ics', ics: 'BEGIN:VCALENDAR' }));
    const created: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => (created.push(blob), 'blob:invite');
    URL.revokeObjectURL = () => {};
    await render(<WrapUpApp />);
    await type(byLabel('Next step'), 'Demo for the ops team');
    await type(byLabel('Say when'), 'tomorrow 10am');
    await type(byLabel('Its point'), 'Show it on their data');
    await type(byLabel("I'll bring"), 'Their depot plan');
    await click(byLabel('The prospect agreed on the call'));
    await click(button('Log next step'));
    await click(button('Add to calendar (.ics)'));
    expect(fake.callsOf('exportInvite')).toEqual([{ nextStepId: 's1' }]);
    expect(created.map((b) => b.type)).toEqual(['text/calendar']);

    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void copied.push(text) }, configurable: true });
    await click(button('Copy follow-up email'));
    expect(copied[0]).toMatch(/^Next step: Demo for the ops team \(/);
    expect(copied[0]).toContain('The point of it: show it on their data.');
    expect(copied[0]).toContain("I'll bring their depot plan.");
    expect(pageText()).toContain('Copied — paste it into a new email.');
  });

  it('sends a step with hard problems straight to the core, so its messages show', async () => {
    await render(<WrapUpApp />);
    await click(button('Log next step'));
    expect(fake.callsOf('logNextStep')).toHaveLength(1);
    expect(pageText()).not.toContain('Before you log it');
  });
});

describe('wrap-up while the disk refuses saves', () => {
  it('does not invite the rep to close the window while the logged step is not on disk yet', async () => {
    fake.answer('getWrapUp', () => ok(null));
    fake.answer('getState', () => ok({ ...appState(NOW), notice: { kind: 'write-failed', message: 'The disk is full.' } }));
    await render(<WrapUpApp />);
    expect(pageText()).toContain('Kept, not saved yet');
    expect(pageText()).not.toContain('You can close this window');
  });
});
