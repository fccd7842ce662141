// The renderer's `api`: every contract method is there, replies are unwrapped, refusals become `ApiError`s carrying
// the core's code, sentence and per-field messages, and transport failures never leak as raw exceptions.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../shared/bridge';
import { api, ApiError, createApi } from '../../renderer/src/api';
import { fail, fakeBridge, installBridge, ok } from './harness';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('api', () => {
  it('has every contract method and `on`', () => {
    for (const name of methodNames) expect(typeof api[name]).toBe('function');
    expect(typeof api.on).toBe('function');
  });

  it('returns the value of an ok reply and passes the input through untouched', async () => {
    const fake = fakeBridge();
    installBridge(fake);
    const meeting = { id: 'm1', title: 'Discovery' };
    fake.answer('startMeeting', () => ok(meeting));
    await expect(api.startMeeting({ id: 'm1' })).resolves.toEqual(meeting);
    expect(fake.calls).toEqual([['startMeeting', { id: 'm1' }]]);
  });

  it('resolves `null` values as they are (no call in progress is not an error)', async () => {
    const fake = fakeBridge();
    installBridge(fake);
    fake.answer('getLive', () => ok(null));
    await expect(api.getLive()).resolves.toBeNull();
  });

  it('throws an ApiError with code, message and fields for an error reply', async () => {
    const fake = fakeBridge();
    installBridge(fake);
    fake.answer('logNextStep', () => fail('Some fields need your attention.', { what: 'What happens next is required.' }));
    const error = await api
      .logNextStep({ meetingId: 'm1', kind: 'call', what: '', when: '', owner: 'me', purpose: 'x', agreed: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'invalid',
      message: 'Some fields need your attention.',
      fields: { what: 'What happens next is required.' },
    });
  });

  it('gives an ApiError without fields an empty field map', async () => {
    const fake = fakeBridge();
    installBridge(fake);
    fake.answer('endCall', () => fail('This call is already wrapped up.', undefined, 'conflict'));
    const error = (await api.endCall({ meetingId: 'm1' }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('conflict');
    expect(error.fields).toEqual({});
  });

  it('turns a rejected bridge call or a malformed reply into a plain internal ApiError', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const fake = fakeBridge();
    fake.answer('getState', () => Promise.reject(new Error('ipc broke')));
    fake.answer('getReview', () => 'nonsense' as never);
    const local = createApi(() => fake.bridge);
    await expect(local.getState()).rejects.toMatchObject({ name: 'ApiError', code: 'internal' });
    await expect(local.getReview()).rejects.toMatchObject({ name: 'ApiError', code: 'internal' });
  });

  it('reports a missing bridge as an ApiError instead of a TypeError', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const local = createApi(() => undefined);
    await expect(local.getState()).rejects.toBeInstanceOf(ApiError);
    expect(local.on('changed', () => {})).toBeTypeOf('function');
  });

  it('passes `on` through to the bridge and returns its unsubscribe', async () => {
    const fake = fakeBridge();
    installBridge(fake);
    const seen: number[] = [];
    const off = api.on('changed', ({ revision }) => seen.push(revision));
    fake.emit('changed', { revision: 7 });
    off();
    fake.emit('changed', { revision: 8 });
    expect(seen).toEqual([7]);
    expect(fake.listenerCount('changed')).toBe(0);
  });
});
