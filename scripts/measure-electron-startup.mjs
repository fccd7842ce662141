// Runs in Node, where an Electron binary exists (`node scripts/measure-electron-startup.mjs [rounds]`, after
// `npm run build`). Measures the two budgets only real Electron can show (issue 9, "on paper" in docs/PERFORMANCE.md):
// - cold start → overlay visible (goal ≤ 400 ms): the app launched on a profile with a call in progress (a restart
//   mid-call), until the overlay window is shown AND its page shows the call;
// - end call → wrap-up visible (goal ≤ 50 ms): `endCall` asked from the overlay page, until the wrap-up window is
//   shown (its `show` event, stamped in the main process) and until its page shows the form.
// Each round uses a fresh profile (seeded by one launch that starts a call). The first round runs with whatever V8
// compile cache the machine has; later rounds reuse the cache the first one filled (electron/main/boot.ts).
// Times are taken from this process, so each includes Playwright's own launch and polling: upper bounds.
// Where no Electron binary exists (these machines) it prints "skipped: no Electron binary" and exits 0.
import console from 'node:console';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';

const root = resolve(import.meta.dirname, '..');
const rounds = Number(process.argv[2] ?? 5);

/** The Electron binary npm downloaded, if it did (as tests/electron/launch.test.ts finds it). */
function electronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (!binary) {
  console.log('skipped: no Electron binary');
  process.exit(0);
}
if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
  console.error('Build first: npm run build');
  process.exit(1);
}
const { _electron } = await import('playwright-core');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function launch(userData) {
  const args = [root, `--user-data-dir=${userData}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  return _electron.launch({ executablePath: binary, args, cwd: root });
}

/** Polls until `check` gives a value (every 2 ms, 20 s at most). */
async function until(check, what) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

const pageOf = (app, name) => app.windows().find((p) => p.url().endsWith(`/${name}.html`));
const visible = (app, name) =>
  app.evaluate(({ BrowserWindow }, page) => BrowserWindow.getAllWindows().some((w) => w.webContents.getURL().endsWith(`/${page}.html`) && w.isVisible()), name);

/** A profile with a call in progress: one launch starts it (through the review window's api), then the app is killed. */
async function seededProfile() {
  const userData = await mkdtemp(join(tmpdir(), 'second-step-startup-'));
  const app = await launch(userData);
  const review = await until(() => pageOf(app, 'review'), 'the review window');
  // The page functions below run in the pages, where `globalThis.api` is the preload's bridge.
  await review.waitForFunction(() => 'api' in globalThis);
  await review.evaluate(async () => {
    const now = Date.now();
    const created = await globalThis.api.createMeeting({
      account: 'Acme',
      title: 'Discovery',
      start: new Date(now - 5 * 60_000).toISOString(),
      end: new Date(now + 25 * 60_000).toISOString(),
      purpose: 'Learn how they plan routes today',
      agenda: [{ text: 'Their process' }, { text: 'Agree the next step' }],
    });
    if (!created.ok) throw new Error(created.error.message);
    const started = await globalThis.api.startMeeting({ id: created.value.id });
    if (!started.ok) throw new Error(started.error.message);
  });
  await until(() => visible(app, 'overlay'), 'the overlay');
  app.process().kill('SIGKILL'); // the store writes durably before it answers: the call is on disk
  await sleep(500);
  return userData;
}

const results = { coldStart: [], wrapUpShown: [], wrapUpPainted: [] };
for (let round = 0; round < rounds; round++) {
  const userData = await seededProfile();
  let app;
  try {
    const launched = performance.now();
    app = await launch(userData);
    await until(async () => (await visible(app, 'overlay')) && (await pageOf(app, 'overlay')?.locator('.overlay__now-text').count()), 'the overlay with the call');
    results.coldStart.push(performance.now() - launched);

    // Stamp the wrap-up window's `show` in the main process (Date.now(): the same clock as the pages').
    await app.evaluate(({ app: electronApp, BrowserWindow }) => {
      const watch = (w) => w.on('show', () => (globalThis.__wrapUpShownAt ??= w.webContents.getURL().endsWith('/wrapup.html') ? Date.now() : undefined));
      BrowserWindow.getAllWindows().forEach(watch);
      electronApp.on('browser-window-created', (_event, w) => watch(w));
    });
    const overlay = pageOf(app, 'overlay');
    const asked = await overlay.evaluate(async () => {
      const live = await globalThis.api.getLive();
      const at = Date.now();
      void globalThis.api.endCall({ meetingId: live.value.meeting.id });
      return at;
    });
    const shownAt = await until(() => app.evaluate(() => globalThis.__wrapUpShownAt), 'the wrap-up window');
    const wrapup = await until(() => pageOf(app, 'wrapup'), 'the wrap-up page');
    await wrapup.locator('form').first().waitFor();
    const paintedAt = await wrapup.evaluate(() => new Promise((done) => globalThis.requestAnimationFrame(() => done(Date.now()))));
    results.wrapUpShown.push(shownAt - asked);
    results.wrapUpPainted.push(paintedAt - asked);
    console.log(`round ${round + 1}: cold start → overlay ${results.coldStart.at(-1).toFixed(0)} ms; end call → wrap-up shown ${shownAt - asked} ms, form painted ${paintedAt - asked} ms`);
  } finally {
    app?.process().kill('SIGKILL'); // a wrap-up is owed, so a polite quit would be refused
    await rm(userData, { recursive: true, force: true });
  }
}

const line = (name, xs, goal) => `${name}: median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length}); goal ≤ ${goal} ms: ${median(xs) <= goal ? 'met' : 'MISSED'}`;
console.log(line('cold start → overlay visible (first round: compile cache as found)', results.coldStart, 400));
console.log(line('end call → wrap-up window shown', results.wrapUpShown, 50));
console.log(line('end call → wrap-up form painted', results.wrapUpPainted, 50));
