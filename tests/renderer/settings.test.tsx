// The review's Settings tab in jsdom: the hotkey editor (capture, instant checks, the core's field message, taken
// registrations, reset), the small forms and their field messages, switches, calendars and the CSV export.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, type CalendarSource, type Settings } from '../../shared/domain';
import { acceleratorOf } from '../../renderer/src/review/settings/accelerator';
import { SettingsMode } from '../../renderer/src/review/settings/SettingsMode';
import { splitDomains } from '../../renderer/src/review/settings/SettingsForms';
import { appState } from './fixtures';
import { button, byLabel, byRole, cleanup, click, description, fail, fakeBridge, installBridge, key, ok, pageText, render, type, type FakeBridge } from './harness';

const NOW = Date.parse('2026-11-23T16:00:00Z');
let fake: FakeBridge;
let settings: Settings;

beforeEach(() => {
  settings = defaultSettings();
  fake = fakeBridge();
  fake.answer('getState', () => ok(appState(NOW)));
  fake.answer('getSettings', () => ok(settings));
  fake.answer('listCalendars', () => ok([]));
  fake.answer('updateSettings', (patch) => {
    const p = patch as Partial<Settings>;
    // A null hotkey removes the override, as the core does.
    const hotkeys = Object.fromEntries(Object.entries({ ...settings.hotkeys, ...p.hotkeys }).filter(([, v]) => v !== null));
    settings = { ...settings, ...p, hotkeys, prompts: { ...settings.prompts, ...p.prompts }, overlay: { ...settings.overlay, ...p.overlay } };
    return ok(settings);
  });
  installBridge(fake);
});
afterEach(cleanup);

const status = () => byRole('status')[0]!.textContent;

describe('accelerators from key presses', () => {
  it('reads the physical key with its modifiers, in canonical order', () => {
    expect(acceleratorOf({ code: 'KeyY', ctrlKey: true, altKey: true, shiftKey: false, metaKey: false }, 'linux')).toBe('Control+Alt+Y');
    expect(acceleratorOf({ code: 'Digit5', ctrlKey: false, altKey: true, shiftKey: true, metaKey: false }, 'win32')).toBe('Alt+Shift+5');
    expect(acceleratorOf({ code: 'KeyK', ctrlKey: false, altKey: false, shiftKey: true, metaKey: true }, 'darwin')).toBe('Command+Shift+K');
    expect(acceleratorOf({ code: 'F7', ctrlKey: true, altKey: false, shiftKey: false, metaKey: false }, 'linux')).toBe('Control+F7');
    expect(acceleratorOf({ code: 'ShiftLeft', ctrlKey: true, altKey: false, shiftKey: true, metaKey: false }, 'linux')).toBeNull();
    expect(acceleratorOf({ code: 'KeyA', ctrlKey: false, altKey: false, shiftKey: false, metaKey: false }, 'linux')).toBeNull();
  });

  it('splits email domains on commas and lines', () => {
    expect(splitDomains('acme.com, ours.io\n\nexample.org;x.io')).toEqual(['acme.com', 'ours.io', 'example.org', 'x.io']);
  });
});

describe('hotkeys', () => {
  it('shows each action with its current combination and saves a pressed one', async () => {
    await render(<SettingsMode now={NOW} />);
    const field = byLabel<HTMLInputElement>('Open the review');
    expect(field.value).toBe('Ctrl+Alt+W'); // the Linux default in jsdom
    await key(field, { key: 'r', code: 'KeyR', ctrlKey: true, altKey: true });
    expect(fake.callsOf('updateSettings')).toEqual([{ hotkeys: { openReview: 'Control+Alt+R' } }]);
    expect(byLabel<HTMLInputElement>('Open the review').value).toBe('Ctrl+Alt+R');
    expect(status()).toBe('Saved: Open the review: Ctrl+Alt+R.');
  });

  it('checks a combination at once and does not save a clash', async () => {
    await render(<SettingsMode now={NOW} />);
    const field = byLabel<HTMLInputElement>('End call');
    await key(field, { key: 'y', code: 'KeyY', ctrlKey: true, altKey: true }); // already "Yes / agreed"
    expect(fake.callsOf('updateSettings')).toEqual([]);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(description(field)).toMatch(/Control\+Alt\+Y/);
    await key(field, { key: 'd', code: 'KeyD', ctrlKey: true }); // Google Meet's mute
    expect(description(field)).toMatch(/Google Meet already uses Control\+D/);
    await key(field, { key: 'x', code: 'KeyX' });
    expect(description(field)).toMatch(/Hold Ctrl, Alt or Cmd/);
  });

  it('lets Tab move on', async () => {
    await render(<SettingsMode now={NOW} />);
    const field = byLabel<HTMLInputElement>('End call');
    const event = new KeyboardEvent('keydown', { key: 'Tab', code: 'Tab', bubbles: true, cancelable: true });
    field.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
  });

  it("shows the core's message under the field", async () => {
    fake.answer('updateSettings', () => fail('Check the hotkeys.', { 'hotkeys.endCall': 'Your OS keeps that one.' }));
    await render(<SettingsMode now={NOW} />);
    const field = byLabel<HTMLInputElement>('End call');
    await key(field, { key: 'q', code: 'KeyQ', ctrlKey: true, altKey: true, shiftKey: true });
    expect(description(field)).toBe('Your OS keeps that one.');
  });

  it('shows a registration the OS refused, and resets to the default by removing the override', async () => {
    settings = { ...settings, hotkeys: { endCall: 'Control+Alt+Q' } };
    fake.answer('getState', () => ok({ ...appState(NOW), hotkeyFailures: [{ action: 'endCall', accelerator: 'Control+Alt+Q' }] }));
    await render(<SettingsMode now={NOW} />);
    expect(description(byLabel('End call'))).toMatch(/Ctrl\+Alt\+Q is taken by another app/);
    await click(button('Reset to default: End call'));
    expect(fake.callsOf('updateSettings')).toEqual([{ hotkeys: { endCall: null } }]);
    expect(byLabel<HTMLInputElement>('End call').value).toBe('Ctrl+Alt+E');
    expect(button('Reset to default: End call').disabled).toBe(true);
  });
});

describe('forms', () => {
  it('saves the prompt timings, with the re-confirm point as a share', async () => {
    await render(<SettingsMode now={NOW} />);
    await type(byLabel('Re-confirm the purpose at (% of the call)'), '60');
    await type(byLabel('Snooze a prompt for (minutes)'), '3');
    await click(button('Save prompts'));
    expect(fake.callsOf('updateSettings')).toEqual([{ prompts: { askNextMinutesBefore: 5, reconfirmAtFraction: 0.6, snoozeMinutes: 3, hardLimitMinutes: 60 } }]);
    expect(status()).toBe('Saved: prompts.');
  });

  it('says "Enter a number" locally and shows the core message under its field', async () => {
    await render(<SettingsMode now={NOW} />);
    await type(byLabel('Snooze a prompt for (minutes)'), '');
    await click(button('Save prompts'));
    expect(fake.callsOf('updateSettings')).toEqual([]);
    expect(description(byLabel('Snooze a prompt for (minutes)'))).toBe('Enter a number.');
    fake.answer('updateSettings', () => fail('Check the highlighted settings.', { 'prompts.snoozeMinutes': 'At most 30 minutes.' }));
    await type(byLabel('Snooze a prompt for (minutes)'), '45');
    await click(button('Save prompts'));
    expect(description(byLabel('Snooze a prompt for (minutes)'))).toBe('At most 30 minutes.');
  });

  it('saves the end of day, next steps, domains and overlay', async () => {
    await render(<SettingsMode now={NOW} />);
    await type(byLabel('Review my day at'), '18:15');
    await click(button('Save end of day'));
    await type(byLabel('Warn when a next step is further out than (days)'), '21');
    await click(button('Save next steps'));
    await type(byLabel('Email domains of your company'), 'acme.com, ours.io');
    await click(button('Save email domains'));
    await type(byLabel('Opacity'), '80');
    await click(byLabel('Compact: a single line'));
    await click(button('Save overlay'));
    expect(fake.callsOf('updateSettings')).toEqual([
      { endOfDay: '18:15' },
      { nextStep: { maxDaysOut: 21 } },
      { ownDomains: ['acme.com', 'ours.io'] },
      { overlay: { opacity: 0.8, compact: true, contentProtection: true } },
    ]);
    expect(pageText()).toContain('Linux and some screen-recording apps on macOS 15+ ignore this');
  });

  it('saves the switches as they change', async () => {
    await render(<SettingsMode now={NOW} />);
    await click(byLabel('Start Second Step when I log in'));
    await click(byLabel('Ask for a next step after internal meetings too'));
    expect(fake.callsOf('updateSettings')).toEqual([{ startAtLogin: true }, { gateInternalMeetings: true }]);
    expect(byLabel<HTMLInputElement>('Start Second Step when I log in').checked).toBe(true);
  });
});

describe('calendars and export', () => {
  const feed: CalendarSource = {
    id: 'c1',
    label: 'Work',
    kind: 'url',
    url: 'https://cal.example.com/work.ics',
    enabled: true,
    lastSync: { at: '2026-11-23T15:00:00.000Z', ok: false, message: 'The server did not answer.', imported: 0, skipped: 0, lastSuccessAt: '2026-11-23T12:00:00.000Z' },
  };

  it('lists calendars with their last sync, syncs, removes and adds', async () => {
    fake.answer('listCalendars', () => ok([feed]));
    fake.answer('syncCalendars', () => ok([{ calendarId: 'c1', label: 'Work', ok: true, imported: 3, updated: 0, cancelled: 0, skipped: 0, message: 'Synced 3 events.' }]));
    fake.answer('removeCalendar', () => ok({ removed: feed, cancelled: 2 }));
    await render(<SettingsMode now={NOW} />);
    expect(pageText()).toMatch(/Work Web feed/);
    expect(pageText()).toMatch(/failed: The server did not answer\. Last succeeded/);
    await click(button('Sync now'));
    expect(fake.callsOf('syncCalendars')).toEqual([{}]);
    expect(status()).toBe('Work: Synced 3 events.');
    await click(button('Remove calendar: Work'));
    expect(fake.callsOf('removeCalendar')).toEqual([{ id: 'c1' }]);

    fake.answer('addCalendar', () => fail('Check the calendar.', { path: 'Use the full path of the .ics file.' }));
    await type(byLabel('File path or web address'), 'work.ics');
    await click(button('Add calendar'));
    expect(fake.callsOf('addCalendar')).toEqual([{ path: 'work.ics' }]);
    expect(description(byLabel('File path or web address'))).toMatch(/^Use the full path of the \.ics file\./);
    fake.answer('addCalendar', () => ok({ calendar: feed, sync: { calendarId: 'c1', label: 'Work', ok: true, imported: 1, updated: 0, cancelled: 0, skipped: 0, message: 'Synced 1 event.' } }));
    await type(byLabel('Calendar name (optional)'), 'Work');
    await type(byLabel('File path or web address'), 'webcal://cal.example.com/work.ics');
    await click(button('Add calendar'));
    expect(fake.callsOf('addCalendar').at(-1)).toEqual({ label: 'Work', url: 'webcal://cal.example.com/work.ics' });
    expect(status()).toBe('Added Work. Synced 1 event.');
  });

  it('downloads the CSV export', async () => {
    fake.answer('exportCsv', () => ok({ filename: 'second-step-2026-11-23.csv', csv: 'Account\r\nAcme' }));
    const createObjectURL = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await render(<SettingsMode now={NOW} />);
    await click(button('Export CSV'));
    expect(fake.callsOf('exportCsv')).toEqual([{}]);
    expect(clicked).toHaveBeenCalled();
    expect(status()).toBe('Exported second-step-2026-11-23.csv.');
    clicked.mockRestore();
  });
});
