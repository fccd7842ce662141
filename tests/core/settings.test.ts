// Settings by patch: only what is sent changes; nonsense is refused under its field with nothing half-saved;
// hotkeys that clash with a call app or with each other are refused in plain words.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultHotkeys } from '../../shared/rules/hotkeys';
import { hostPlatform } from '../../electron/main/core/hotkeys';
import { openTestCore, type TestCore } from '../support/core-harness';

let t: TestCore;
afterEach(async () => t?.dispose());

describe('settings', () => {
  it('changes only what the patch names, and normalises the rep’s own domains', async () => {
    t = await openTestCore();
    const before = await t.ok('getSettings');
    const after = await t.ok('updateSettings', { ownDomains: ['@Acme.com', 'sales.acme.io'], prompts: { snoozeMinutes: 5 } });
    expect(after.ownDomains).toEqual(['acme.com', 'sales.acme.io']);
    expect(after.prompts).toEqual({ ...before.prompts, snoozeMinutes: 5 });
    expect(after.overlay).toEqual(before.overlay);
    t = await t.reopen();
    expect((await t.ok('getSettings')).ownDomains).toEqual(['acme.com', 'sales.acme.io']);
  });

  it('refuses nonsense under its field and saves nothing of that patch', async () => {
    t = await openTestCore();
    const before = await t.ok('getSettings');
    const reply = await t.call('updateSettings', { ownDomains: ['not a domain'], endOfDay: '25:00', gateInternalMeetings: true });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'invalid', fields: { 'ownDomains.0': 'Use an email domain like acme.com.', endOfDay: 'Use a time like 17:30.' } },
    });
    expect(await t.ok('getSettings')).toEqual(before);
  });

  it('refuses a hotkey a call app uses, or one already taken by another action', async () => {
    t = await openTestCore();
    const defaults = defaultHotkeys(hostPlatform);
    const zoomMute = hostPlatform === 'darwin' ? 'Command+Shift+A' : 'Alt+A';
    const clash = await t.call('updateSettings', { hotkeys: { answerYes: zoomMute } });
    expect(clash).toMatchObject({ ok: false, error: { fields: { 'hotkeys.answerYes': expect.stringMatching(/Zoom already uses/) } } });
    const twice = await t.call('updateSettings', { hotkeys: { endCall: defaults.answerYes } });
    expect(twice).toMatchObject({ ok: false, error: { fields: { 'hotkeys.endCall': expect.stringMatching(/already used for another action/) } } });
  });

  it('"Reset to default" removes the override, so the hotkey follows our default from then on', async () => {
    t = await openTestCore();
    const defaults = defaultHotkeys(hostPlatform);
    const own = hostPlatform === 'darwin' ? 'Control+Alt+F9' : 'Control+Shift+F9';
    expect((await t.ok('updateSettings', { hotkeys: { answerYes: own } })).hotkeys).toEqual({ answerYes: own });
    const reset = await t.ok('updateSettings', { hotkeys: { answerYes: null } });
    expect(reset.hotkeys).toEqual({});
    expect(t.core.hotkeys.current().answerYes).toBe(defaults.answerYes);
    t = await t.reopen();
    expect((await t.ok('getSettings')).hotkeys).toEqual({});
  });
});
