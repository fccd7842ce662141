// useView: loads, refetches on `changed` (or takes a pushed view from its event), keeps the newest answer when answers arrive out of order, reports errors.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/src/api';
import { useView } from '../../renderer/src/ui/useView';
import { cleanup, fakeBridge, installBridge, render, settle } from './harness';

afterEach(cleanup);

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useView', () => {
  it('refetches on `changed`, after the request in flight, and ends on the newest answer', async () => {
    const fake = fakeBridge();
    installBridge(fake);
    const answers = [deferred<string>(), deferred<string>()];
    let n = 0;
    const fetcher = () => answers[n++]!.promise;
    function Show() {
      const view = useView(fetcher);
      return <output>{view.loading && view.data === undefined ? 'loading' : (view.data ?? view.error?.message)}</output>;
    }
    const el = await render(<Show />);
    expect(el.textContent).toBe('loading');
    await act(async () => fake.emit('changed', { revision: 2 }));
    await act(async () => answers[1]!.resolve('new'));
    await act(async () => answers[0]!.resolve('old'));
    await settle();
    expect(el.textContent).toBe('new');
  });

  it('a burst of changes while a request runs costs one more fetch, made after it, and ends on the newest answer', async () => {
    const fake = fakeBridge();
    installBridge(fake);
    const answers = [deferred<string>(), deferred<string>(), deferred<string>()];
    let n = 0;
    const fetcher = () => answers[n++]!.promise;
    function Show() {
      const view = useView(fetcher);
      return <output>{view.data ?? 'loading'}</output>;
    }
    const el = await render(<Show />);
    for (let revision = 2; revision < 12; revision++) await act(async () => fake.emit('changed', { revision }));
    expect(n).toBe(1); // the first request is still running: nothing new asked yet
    await act(async () => answers[0]!.resolve('during the burst'));
    await settle();
    expect(n).toBe(2); // exactly one more, for all ten changes
    await act(async () => answers[1]!.resolve('after the burst'));
    await settle();
    expect(el.textContent).toBe('after the burst');
    expect(n).toBe(2);
  });

  it('exposes the error of a failed fetch', async () => {
    installBridge(fakeBridge());
    function Show() {
      const view = useView(() => Promise.reject(new ApiError({ code: 'read-only', message: 'Read only.' })));
      return <output>{view.error ? `${view.error.code}: ${view.error.message}` : 'none'}</output>;
    }
    const el = await render(<Show />);
    expect(el.textContent).toBe('read-only: Read only.');
  });

  it('takes a pushed view from its event, and an answer asked before the push may not overwrite it', async () => {
    const fake = fakeBridge();
    installBridge(fake);
    const first = deferred<string | null>();
    const push = { event: 'live' as const, pick: (p: { view: unknown }) => (p.view === null ? null : 'pushed') };
    function Show() {
      const view = useView(() => first.promise, undefined, push);
      return <output>{view.data === undefined ? 'loading' : String(view.data)}</output>;
    }
    const el = await render(<Show />);
    expect(fake.listenerCount('live')).toBe(1);
    expect(fake.listenerCount('changed')).toBe(0); // the push replaces the refetch
    await act(async () => fake.emit('live', { revision: 2, view: null }));
    expect(el.textContent).toBe('null');
    await act(async () => first.resolve('stale'));
    await settle();
    expect(el.textContent).toBe('null');
  });

  it('stops listening when unmounted', async () => {
    const fake = fakeBridge();
    installBridge(fake);
    function Show() {
      useView(async () => 1);
      return null;
    }
    await render(<Show />);
    expect(fake.listenerCount('changed')).toBe(1);
    await cleanup();
    expect(fake.listenerCount('changed')).toBe(0);
  });
});
