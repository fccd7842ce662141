// The app:// protocol (Electron security checklist, item 18): the windows load app://second-step/<page>.html, which
// serves the built renderer folder and nothing else — no path out of it (dot segments, encoded ones, backslashes,
// NUL, a symlink), no other host, no method but GET/HEAD — and every answer carries the CSP. The scheme is
// registered as privileged before the app is ready and handled once it is, as Electron requires.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAppRequest } from '../../electron/main/platform/app-protocol';
import { RENDERER_CSP } from '../../electron/main/core/renderer-files';
import { protocol } from '../support/fake-electron';
import { createAppDriver } from './app-driver';
import { pages } from './harness';

let root: string;
let renderer: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'second-step-app-protocol-'));
  renderer = join(root, 'out', 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'review.html'), '<!doctype html><title>Review</title>');
  await writeFile(join(renderer, 'assets', 'review.js'), 'export {};');
  await writeFile(join(root, 'secret.txt'), 'not for pages');
  await symlink(join(root, 'secret.txt'), join(renderer, 'assets', 'link.txt'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => answerAppRequest(renderer, { url, method });

describe('app://second-step/', () => {
  it('is where the windows load their pages', () => {
    expect(pages.urlOf('review')).toBe('app://second-step/review.html');
    expect(pages.nameOf('app://second-step/review.html?tab=threads#top')).toBe('review');
    expect(pages.nameOf('file:///opt/second-step/out/renderer/review.html')).toBeNull();
    expect(pages.rendererDir).toBe(join('/opt/second-step', 'out', 'renderer'));
  });

  it('serves a built file with its type, the CSP and no sniffing', async () => {
    const page = await get('app://second-step/review.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Review</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('app://second-step/assets/review.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it.each([
    'app://second-step/../secret.txt',
    'app://second-step/%2e%2e/secret.txt',
    'app://second-step/%2E%2E%2Fsecret.txt',
    'app://second-step/assets/..%2f..%2fsecret.txt',
    'app://second-step/..%5csecret.txt',
    'app://second-step/review.html%00.png',
    'app://second-step/%E0%A4%A',
    'app://second-step/assets/link.txt', // a symlink that leads out of the folder
    'app://second-step/assets',
    'app://second-step/missing.html',
    'app://evil/review.html',
    'app://second-step.evil/review.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', async (url) => {
    const answer = await get(url);
    expect(answer.status).toBe(404);
    expect(await answer.text()).not.toContain('not for pages');
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('app://second-step/review.html', 'POST')).status).toBe(405);
    const head = await get('app://second-step/review.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('at start', () => {
  it('registers app:// as a privileged standard, secure scheme before ready, and serves it after', async () => {
    const driver = await createAppDriver();
    try {
      await driver.launch();
      expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
      expect(protocol.handlers.has('app')).toBe(true);
      expect(driver.windowOf('review').callsOf('loadURL')).toEqual([['app://second-step/review.html']]);
    } finally {
      await driver.dispose();
    }
  });
});
