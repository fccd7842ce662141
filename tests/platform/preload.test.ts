// The preload exposes exactly the contract as `window.api` (its methods plus `on`), over the contract's channels, and
// never hands a page ipcRenderer or an IPC event object.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelOf, methodNames, type Bridge } from '../../shared/contract';
import { contextBridge, ipcRenderer, resetFakeElectron } from '../support/fake-electron';

let api: Bridge;

beforeAll(async () => {
  resetFakeElectron();
  await import('../../electron/preload/index');
  api = contextBridge.exposed.get('api') as Bridge;
});

describe('window.api', () => {
  it('is the only thing exposed, and holds exactly the contract methods plus on()', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'on'].sort());
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it('does not leak ipcRenderer or any of its methods', () => {
    const ipcFunctions = new Set<unknown>();
    for (let proto: object | null = ipcRenderer; proto; proto = Object.getPrototypeOf(proto)) {
      for (const key of Object.getOwnPropertyNames(proto)) ipcFunctions.add((ipcRenderer as unknown as Record<string, unknown>)[key]);
    }
    expect(Object.values(api).filter((value) => (value as unknown) === ipcRenderer || ipcFunctions.has(value))).toEqual([]);
    expect(Object.keys(api)).not.toContain('invoke');
    expect(Object.keys(api)).not.toContain('send');
  });

  it('calls a method on its contract channel and returns the reply as it came', async () => {
    ipcRenderer.answer = (channel) => ({ ok: true, value: channel });
    const input = { id: 'meeting-1' };
    expect(await api.startMeeting(input)).toEqual({ ok: true, value: channelOf('startMeeting') });
    expect(ipcRenderer.invoked.at(-1)).toEqual({ channel: channelOf('startMeeting'), args: [input] });
  });

  it('hands listeners the payload only, never the IPC event, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = api.on('changed', listener);
    ipcRenderer.deliver(channelOf('changed'), { revision: 3 });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ revision: 3 });
    unsubscribe();
    ipcRenderer.deliver(channelOf('changed'), { revision: 4 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount(channelOf('changed'))).toBe(0);
  });

  it('keeps events apart', () => {
    const onClock = vi.fn();
    api.on('clock', onClock);
    ipcRenderer.deliver(channelOf('window'), { window: 'overlay', action: 'show' });
    expect(onClock).not.toHaveBeenCalled();
  });
});
