// Runs under vitest (e2e project): the built browser preview + the real core + Debian Chromium. Proves the host itself,
// whatever the pages show: `window.api` is there under the pages' strict CSP, events reach the page, the test clock
// moves, window requests show as a banner, and a page from another origin can neither read the token nor drive the
// core (ARCHITECTURE §6).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/contract';
import { launchBrowser, runAxe, screenshot, startPreview, type Browser, type Preview } from './support';

let preview: Preview;
let browser: Browser;
let attacker: Server;
let attackerPort: number;

beforeAll(async () => {
  preview = await startPreview({ now: '2026-03-02T09:00:00.000Z' });
  browser = await launchBrowser();
  // A "foreign web page" the rep might have open: it tries to use the preview from another origin.
  attacker = createServer((req, res) => {
    const target = `http://127.0.0.1:${preview.port}`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>evil</title><body><script>
      window.results = {};
      const s = document.createElement('script');
      s.src = '${target}/__preview/bridge.js';
      s.onload = () => { window.results.script = 'loaded:' + typeof window.api; };
      s.onerror = () => { window.results.script = 'blocked'; };
      document.head.appendChild(s);
      fetch('${target}/__preview/bridge.js').then(r => r.text()).then(t => { window.results.read = t.slice(0, 20); }, () => { window.results.read = 'blocked'; });
      fetch('${target}/api/createMeeting', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ account: 'Evil', title: 'Injected', start: '2026-03-02T10:00:00Z', end: '2026-03-02T11:00:00Z' }) })
        .then(() => { window.results.post = 'sent'; }, () => { window.results.post = 'blocked'; });
    </script></body>`);
  });
  await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', r));
  attackerPort = (attacker.address() as AddressInfo).port;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => attacker?.close(r));
  const code = await preview?.stop();
  expect(code).toBe(0); // graceful shutdown on SIGTERM
});

describe('the browser preview host', () => {
  it('prints its URL and redirects / to the review page', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const { page } = await browser.newPage();
    await page.goto(preview.url);
    expect(new URL(page.url()).pathname).toBe('/review.html');
    await page.close();
  });

  it('gives every page a window.api with the whole contract, under the strict CSP', async () => {
    for (const name of ['review', 'overlay', 'wrapup']) {
      const watched = await browser.newPage();
      const response = await watched.page.goto(preview.page(`${name}.html`));
      expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
      const shape = await watched.page.evaluate(() => {
        const api = (window as unknown as { api?: Record<string, unknown> }).api;
        return api ? Object.keys(api).filter((k) => typeof api[k] === 'function') : null;
      });
      expect(shape?.sort()).toEqual([...methodNames, 'on'].sort());
      const state = await watched.page.evaluate(() => (window as unknown as { api: { getState(): Promise<unknown> } }).api.getState());
      expect(state).toMatchObject({ ok: true, value: { readOnly: false } });
      expect(watched.cspViolations()).toEqual([]);
      await watched.page.close();
    }
  });

  it('pushes core events to the page and moves the test clock', async () => {
    const { page } = await browser.newPage();
    await page.goto(preview.page('review.html'));
    await page.evaluate(() => {
      const w = window as unknown as { seen: unknown[]; api: { on(e: string, l: (p: unknown) => void): void } };
      w.seen = [];
      w.api.on('clock', (p) => w.seen.push(['clock', p]));
      w.api.on('changed', (p) => w.seen.push(['changed', p]));
    });
    // Let the EventSource connect before anything happens.
    await page.waitForTimeout(300);
    const before = await preview.now();
    const after = await preview.advanceClock(2 * 3_600_000);
    expect(after - before).toBeGreaterThanOrEqual(2 * 3_600_000);
    const created = await preview.call('createMeeting', {
      account: 'Northwind',
      title: 'Event check',
      start: new Date(after + 3_600_000).toISOString(),
      end: new Date(after + 5_400_000).toISOString(),
    });
    expect(created.ok).toBe(true);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { seen: [string, unknown][] }).seen.map(([e]) => e)))
      .toEqual(expect.arrayContaining(['clock', 'changed']));
    const clockEvent = await page.evaluate(() => (window as unknown as { seen: [string, { now: number }][] }).seen.find(([e]) => e === 'clock')![1]);
    expect(Math.abs(clockEvent.now - after)).toBeLessThan(1_000);
    await page.close();
  });

  it('shows a window request as a status banner with a link to that page', async () => {
    const { page } = await browser.newPage();
    await page.goto(preview.page('review.html'));
    await page.waitForTimeout(300);
    // The core asks for the overlay when a call starts.
    const review = await preview.call<{ meetings: { id: string; title: string }[] }>('getReview');
    expect(review.ok).toBe(true);
    const meeting = review.ok ? review.value.meetings.find((m) => m.title === 'Event check')! : undefined;
    const started = await preview.call('startMeeting', { id: meeting!.id });
    expect(started).toMatchObject({ ok: true });
    const banner = page.getByRole('status', { name: 'Preview windows' });
    await expect.poll(() => banner.textContent()).toContain('Overlay window opened — Open it');
    await screenshot(page, 'preview-window-banner');
    const axe = await runAxe(page, 'review with the preview banner');
    console.log(axe.text);
    expect(axe.blocking, axe.text).toEqual([]);
    await page.getByRole('link', { name: 'Open it' }).first().click();
    await page.waitForURL('**/overlay.html');
    await page.close();
    // Leave no live call behind for other tests.
    await preview.call('endCall', { meetingId: meeting!.id });
  });

  it('refuses a foreign page: no token through a script tag, no reading bridge.js, no calls', async () => {
    const before = await preview.call<{ meetings: { title: string }[] }>('getReview');
    for (const host of [`localhost:${attackerPort}` /* cross-site */, `127.0.0.1:${attackerPort}` /* same-site */]) {
      const { page } = await browser.newPage();
      await page.goto(`http://${host}/`);
      await page.waitForFunction(() => {
        const r = (window as unknown as { results: Record<string, string> }).results;
        return r && r.script && r.read && r.post;
      });
      const results = await page.evaluate(() => (window as unknown as { results: Record<string, string> }).results);
      expect(results.script).toBe('blocked');
      expect(results.read).toBe('blocked');
      expect(await page.evaluate(() => typeof (window as unknown as { api?: unknown }).api)).toBe('undefined');
      await page.close();
    }
    // The browser also drops the bodies (Cross-Origin-Resource-Policy), but the preview itself refused every request:
    const refusals = preview.stderr();
    expect(refusals).toMatch(/refused GET \/__preview\/bridge\.js \(Sec-Fetch-Site: cross-site\)/);
    expect(refusals).toMatch(/refused GET \/__preview\/bridge\.js \(Sec-Fetch-Site: same-site\)/);
    expect(refusals).toMatch(/refused POST \/api\/createMeeting \(Sec-Fetch-Site: cross-site\)/);
    expect(refusals).toMatch(/refused POST \/api\/createMeeting \(Sec-Fetch-Site: same-site\)/);
    expect(refusals).not.toContain(await preview.token());
    const after = await preview.call<{ meetings: { title: string }[] }>('getReview');
    expect(after.ok && after.value.meetings.map((m) => m.title)).toEqual(before.ok && before.value.meetings.map((m) => m.title));
    expect(after.ok && after.value.meetings.some((m) => m.title === 'Injected')).toBe(false);
  });
});
