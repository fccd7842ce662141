// The wrap-up window: the core's field messages land under the right fields (and in the alert summary), the form
// sends what the rep typed (with `when` as an ISO instant), keeps every word on failure and on Esc, submits on
// Ctrl/Cmd+Enter, and confirms calmly on success.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodRawInput } from '../../shared/contract';
import { WrapUpApp } from '../../renderer/src/wrapup/WrapUpApp';
import { appState, meeting, wrapUpView } from './fixtures';
import { button, byLabel, byRole, cleanup, click, description, fail, fakeBridge, installBridge, key, ok, pageText, queryButton, render, type, type FakeBridge } from './harness';

const NOW = Date.parse('2025-11-25T09:30:00.000Z');
let fake: FakeBridge;

beforeEach(() => {
  fake = fakeBridge();
  fake.answer('getState', () => ok(appState(NOW)));
  fake.answer('getWrapUp', () => ok(wrapUpView()));
  installBridge(fake);
});

afterEach(async () => {
  await cleanup();
  vi.useRealTimers();
});

/** Every field of the contract, by its key in the core's `fields` and its visible label. */
const FIELD_LABELS = {
  what: 'Next step',
  kind: 'Kind',
  when: 'When',
  durationMinutes: 'Duration (minutes)',
  owner: 'Owner',
  purpose: 'Its point',
  bring: "I'll bring",
  agreed: 'The prospect agreed on the call',
  outcome: 'Outcome vs ideal',
  notes: 'Notes',
} as const;

describe('wrap-up window', () => {
  it('shows the heading, the firm sentence and a recap of the call', async () => {
    await render(<WrapUpApp />);
    expect(document.querySelector('h1')?.textContent).toBe('Wrap up: Discovery with Acme');
    expect(pageText()).toContain('This window stays until the next step is logged — or the deal is closed out.');
    expect(pageText()).toContain('Learn how Acme plans routes today');
    expect(pageText()).toContain('1/3 done');
    expect(pageText()).toMatch(/Purpose confirmed \d/);
    expect(pageText()).not.toContain('1 of');
  });

  it('says "1 of N" when more wrap-ups are pending', async () => {
    fake.answer('getWrapUp', () => ok(wrapUpView({ pending: 3 })));
    await render(<WrapUpApp />);
    expect(pageText()).toContain('1 of 3');
  });

  it('puts each of the core’s field messages under its own field, plus an alert summary', async () => {
    const messages = Object.fromEntries(Object.keys(FIELD_LABELS).map((k) => [k, `Message for ${k}.`]));
    fake.answer('logNextStep', () => fail('Some fields need your attention.', messages));
    await render(<WrapUpApp />);
    await click(button('Log next step'));

    for (const [key, label] of Object.entries(FIELD_LABELS)) {
      const control = byLabel(label);
      expect(control.getAttribute('aria-invalid'), label).toBe('true');
      const described = description(control);
      expect(described, label).toContain(`Message for ${key}.`);
      // …and only its own message.
      for (const other of Object.keys(FIELD_LABELS)) if (other !== key) expect(described, label).not.toContain(`Message for ${other}.`);
    }
    const [alert] = byRole('alert');
    expect(alert?.textContent).toContain('Some fields need your attention.');
    for (const key of Object.keys(FIELD_LABELS)) expect(alert?.textContent).toContain(`Message for ${key}.`);
  });

  it('lists messages for fields it does not show in the summary only', async () => {
    fake.answer('logNextStep', () => fail('Some fields need your attention.', { meetingId: 'An id is missing.' }));
    await render(<WrapUpApp />);
    await click(button('Log next step'));
    expect(byRole('alert')[0]?.textContent).toContain('An id is missing.');
    expect(byLabel('Next step').getAttribute('aria-invalid')).toBeNull();
  });

  it('sends what the rep typed, with the defaults and `when` as an ISO instant', async () => {
    fake.answer('logNextStep', () => ok({ step: { what: 'Demo with Dana', when: '2025-11-28T14:00:00.000Z' }, plannedMeeting: null }));
    await render(<WrapUpApp />);
    await type(byLabel('Next step'), 'Demo with Dana');
    await type(byLabel('When'), '2025-11-28T15:00');
    await type(byLabel('Its point'), 'Show route planning on their depot data');
    await type(byLabel("I'll bring"), 'A sample plan');
    await click(byLabel('The prospect agreed on the call'));
    await click(button('Log next step'));

    const [input] = fake.callsOf('logNextStep') as MethodRawInput<'logNextStep'>[];
    expect(input).toMatchObject({
      meetingId: 'm1',
      kind: 'meeting',
      owner: 'both',
      durationMinutes: 30,
      what: 'Demo with Dana',
      purpose: 'Show route planning on their depot data',
      bring: 'A sample plan',
      agreed: true,
    });
    expect(input!.when).toBe(new Date(2025, 10, 28, 15, 0).toISOString());
    expect(input!.when).toMatch(/Z$/);
  });

  it('keeps every typed word after a refusal and when Esc is pressed', async () => {
    fake.answer('logNextStep', () => fail('Some fields need your attention.', { when: 'The date and time of the next step is required.' }));
    await render(<WrapUpApp />);
    await type(byLabel('Next step'), 'Demo with Dana');
    await type(byLabel('Notes'), 'Dana decides with the CFO');
    await click(button('Log next step'));
    await key(byLabel<HTMLInputElement>('Next step'), { key: 'Escape' });
    expect(byLabel<HTMLInputElement>('Next step').value).toBe('Demo with Dana');
    expect(byLabel<HTMLTextAreaElement>('Notes').value).toBe('Dana decides with the CFO');
    expect(description(byLabel('When'))).toContain('The date and time of the next step is required.');
  });

  it('drops a field’s message once the rep fills that field in, and keeps the others until the next try', async () => {
    fake.answer('logNextStep', () =>
      fail('Some fields need your attention.', { what: 'What happens next is required.', purpose: 'The point of the next step is required.' }),
    );
    await render(<WrapUpApp />);
    await click(button('Log next step'));
    expect(description(byLabel('Next step'))).toContain('What happens next is required.');
    await type(byLabel('Next step'), 'Demo with Dana');
    expect(description(byLabel('Next step'))).not.toContain('required');
    expect(byLabel('Next step').getAttribute('aria-invalid')).not.toBe('true');
    expect(description(byLabel('Its point'))).toContain('The point of the next step is required.');
    expect(pageText()).not.toContain('What happens next is required.'); // gone from the summary too
  });

  it('submits with Ctrl+Enter from any field', async () => {
    await render(<WrapUpApp />);
    await key(byLabel('Its point'), { key: 'Enter', ctrlKey: true });
    expect(fake.callsOf('logNextStep')).toHaveLength(1);
    await key(byLabel('Notes'), { key: 'Enter', metaKey: true });
    expect(fake.callsOf('logNextStep')).toHaveLength(2);
  });

  it('confirms calmly after logging and says when nothing is left', async () => {
    let done = false;
    fake.answer('getWrapUp', () => ok(done ? null : wrapUpView()));
    fake.answer('logNextStep', () => {
      done = true;
      return ok({ step: { what: 'Demo with Dana', when: '2025-11-28T14:00:00.000Z', purpose: 'Show it on their data', bring: '' }, plannedMeeting: meeting({ id: 'm2' }) });
    });
    await render(<WrapUpApp />);
    await click(button('Log next step'));
    expect(byRole('status')[0]?.textContent).toContain('Next step logged: “Demo with Dana”');
    expect(pageText()).toContain('Nothing to wrap up');
    expect(queryButton('Log next step')).toBeNull();
  });

  it('offers the close-out with result and reason, and shows its messages under its fields', async () => {
    fake.answer('closeOutThread', () =>
      fail('Some fields need your attention.', {
        result: 'Choose how the deal ended: won, lost or not a fit.',
        reason: 'A reason is required.',
      }),
    );
    await render(<WrapUpApp />);
    expect(queryButton('Close out')).toBeNull();
    await click(button('Close out thread…'));
    await click(button('Close out'));
    expect(description(byLabel('Result'))).toContain('Choose how the deal ended');
    expect(description(byLabel('Reason'))).toContain('A reason is required.');
    expect(fake.callsOf('closeOutThread')[0]).toMatchObject({ meetingId: 'm1', reason: '' });
    expect(fake.callsOf('logNextStep')).toHaveLength(0);
  });

  it('says so when there is nothing to wrap up', async () => {
    fake.answer('getWrapUp', () => ok(null));
    await render(<WrapUpApp />);
    expect(pageText()).toContain('Nothing to wrap up');
  });

  it('saves what the rep types as a draft, and puts a saved draft back', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fake.answer('getWrapUp', () => ok(wrapUpView({ draft: { what: 'Demo with Dana', kind: 'demo', agreed: true, bogus: 'x' } })));
    await render(<WrapUpApp />);
    expect(byLabel<HTMLInputElement>('Next step').value).toBe('Demo with Dana');
    expect(byLabel<HTMLSelectElement>('Kind').value).toBe('demo');
    expect(byLabel<HTMLInputElement>('The prospect agreed on the call').checked).toBe(true);

    await type(byLabel('Its point'), 'Show it on their data');
    expect(fake.callsOf('saveWrapUpDraft')).toHaveLength(0); // not on every keystroke
    await act(async () => vi.advanceTimersByTimeAsync(500));
    const [saved] = fake.callsOf('saveWrapUpDraft') as { meetingId: string; values: Record<string, unknown> }[];
    expect(saved?.meetingId).toBe('m1');
    expect(saved?.values).toMatchObject({ what: 'Demo with Dana', kind: 'demo', purpose: 'Show it on their data', agreed: true });
    expect(saved?.values).not.toHaveProperty('bogus');
  });

  it('coaches as the rep types: a vague step, and a step not agreed yet', async () => {
    await render(<WrapUpApp />);
    expect(description(byLabel('Next step'))).not.toContain('vague');
    await type(byLabel('Next step'), 'Follow up');
    expect(description(byLabel('Next step'))).toContain('is vague');
    expect(byLabel('Next step').getAttribute('aria-invalid')).toBeNull(); // coaching, not an error
    expect(description(byLabel('The prospect agreed on the call'))).toContain('not said yes');
    await click(byLabel('The prospect agreed on the call'));
    expect(description(byLabel('The prospect agreed on the call'))).not.toContain('not said yes');
  });
});
