// Runs in Node (`npm run bench`), driving Chromium against the browser preview on a seeded year of one rep's work
// (tests/support/seed-year.ts, like the review's e2e test). Suite 3, the review:
// - render a year: from navigation start to Today's calls on screen (MutationObserver sees the first row, then the
//   next frame is painted), timed in the page on its own clock (performance.now() counts from navigation start). The
//   page says it is done with a console message: polling it from Node (waitForFunction) would make Playwright inject
//   its own script (~330 KB) into the page mid-load, on the very main thread being timed (~13 ms in a trace);
// - switch modes: click a tab -> next frame painted, timed in the page, every tab in turn;
// - the window built ahead of time (as Electron does: electron/main/platform/windows/keep-review-ready.ts): the page
//   loaded hidden, the day's changes made meanwhile, then shown -> Today's calls painted with the change, timed in the
//   page from the moment it is shown. Headless Chromium has no hidden pages, so the page script stands in for the
//   hidden window (hiddenUntilShown). The cold load above is what a window not built ahead of time costs.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, startPreview, type Browser, type Preview } from '../e2e/support';
import { builtApp } from './built';
import { dataFolder, NOW } from './data';
import { goalMax, row, stats, type Row } from './report';
import { seedYear } from '../support/seed-year';
import { pageScript, type SuiteOptions, type SuiteResult } from './suite';

const SUITE = 'Review';
/** What the page logs once Today's first paint is stamped (see watchContent). */
const PAINTED = 'second-step-bench: review painted';

interface Painted {
  content: number;
  painted: number;
  /** The page's first ask (Today alone, made by the entry before React loads): when it started and was answered. */
  fetchStart: number;
  fetchEnd: number;
  /** The app's code (the chunk the entry imports, built from renderer/src/review/start.tsx): asked for, received. */
  appStart: number;
  appEnd: number;
  /** The ask for every mode, made after Today is painted: when it was answered. */
  allEnd: number;
  domContentLoaded: number;
  /** The page's HTML fully received. */
  htmlEnd: number;
}

/** Runs in the page before its scripts (addInitScript): stamps the first paint of Today's calls. */
function watchContent() {
  // Today's calls: the first thing the review shows (its e2e test waits for the same).
  const selector = 'table.calls tbody tr';
  const done = (content: number, painted: number) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const asks = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const ask = asks.find((e) => e.name.includes('/api/getReviewToday'));
    const app = asks.find((e) => /\/assets\/start-[^/]*\.js$/.test(e.name));
    (window as unknown as { __review: Painted }).__review = {
      content,
      painted,
      fetchStart: ask?.startTime ?? Number.NaN,
      fetchEnd: ask?.responseEnd ?? Number.NaN,
      appStart: app?.startTime ?? Number.NaN,
      appEnd: app?.responseEnd ?? Number.NaN,
      allEnd: Number.NaN, // filled in from Node once that answer is in
      domContentLoaded: nav?.domContentLoadedEventEnd ?? Number.NaN,
      htmlEnd: nav?.responseEnd ?? Number.NaN,
    };
    console.debug('second-step-bench: review painted'); // PAINTED (the page script cannot see Node's constants)
  };
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    const content = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(content, performance.now());
      channel.port2.postMessage(0);
    });
  });
  observer.observe(document, { subtree: true, childList: true });
}

/** Runs in the page before its scripts (addInitScript): stands in for Electron's review window built hidden
 * (`paintWhenInitiallyHidden: false`), which headless Chromium cannot make: document.visibilityState reads 'hidden',
 * and nothing is painted (the root is `visibility: hidden`, from a constructed style sheet the page's CSP allows)
 * until `__show`, which does what showing the window does: 'visible', a `visibilitychange`, the page painted from
 * scratch. Two differences from a hidden window: frames and timers keep running (the page must not, and does not, wait
 * for a frame while hidden), and Chromium lays the page out by itself — in a hidden window the page asks for that
 * layout (ui/on-screen.ts, layOutWhileHidden), since a hidden page lays nothing out unless a script asks. */
function hiddenUntilShown() {
  let state: DocumentVisibilityState = 'hidden';
  Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => state });
  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => state === 'hidden' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('html { visibility: hidden !important; }');
  document.adoptedStyleSheets = [sheet];
  const set = (next: DocumentVisibilityState) => {
    state = next;
    document.adoptedStyleSheets = next === 'hidden' ? [sheet] : [];
    document.dispatchEvent(new Event('visibilitychange'));
  };
  const w = window as unknown as { __show(): number; __hide(): void };
  w.__show = () => {
    const shownAt = performance.now();
    set('visible');
    return shownAt;
  };
  w.__hide = () => set('hidden');
  /** Shows the page, then stamps the first frame painted with a call titled `title` in Today (null: any frame). */
  (window as unknown as { __showAndStamp(title: string | null): Promise<Shown> }).__showAndStamp = (title) => {
    const has = () => title === null || [...document.querySelectorAll('table.calls .calls__title')].some((el) => el.textContent === title);
    return new Promise((resolve) => {
      let shownAt = 0;
      const stamp = (content: number) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            const painted = performance.now();
            const after = (name: string) => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => e.name.includes(name) && e.startTime >= shownAt);
            const today = after('/api/getReviewToday');
            resolve({
              content: content - shownAt,
              painted: painted - shownAt,
              todayAsked: (today?.startTime ?? Number.NaN) - shownAt,
              todayAnswered: (today?.responseEnd ?? Number.NaN) - shownAt,
              shownAt,
              modesAsked: Number.NaN, // after this paint: read later (modesAskedAfter)
            });
          };
          channel.port2.postMessage(0);
        });
      const observer = new MutationObserver(() => {
        if (!has()) return;
        observer.disconnect();
        stamp(performance.now());
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true });
      shownAt = w.__show();
      if (has()) {
        observer.disconnect();
        stamp(shownAt);
      }
    });
  };
}

interface Shown {
  /** From the show to the changed Today in the DOM, and to that frame painted (ms). */
  content: number;
  painted: number;
  /** The catch-up's ask for Today alone: asked, answered (ms after the show); NaN if none was made. */
  todayAsked: number;
  todayAnswered: number;
  /** The show, on the page's clock, and the ask for every mode after that paint: asked (ms after the show). */
  shownAt: number;
  modesAsked: number;
}

export async function reviewSuite({ quick, log }: SuiteOptions): Promise<SuiteResult> {
  const loads = quick ? 3 : 10;
  const switchRounds = quick ? 2 : 5;
  const app = await builtApp();
  const doc = seedYear({ now: NOW, timeZone: 'UTC' });
  const dataDir = await dataFolder(doc, 'review');
  let preview: Preview | undefined;
  let browser: Browser | undefined;
  try {
    preview = await startPreview({ now: NOW, dataDir, entry: join(app, 'main/preview.js') });
    // The core's part alone, over HTTP from Node: Today (the first paint's ask), and every mode computed from the year
    // (after one ask each to warm them up).
    const timeAsk = async (method: 'getReviewToday' | 'getReviewModes') => {
      await preview!.call(method, { timeZone: 'UTC' });
      const times: number[] = [];
      for (let i = 0; i < (quick ? 3 : 7); i++) {
        const began = performance.now();
        const reply = await preview!.call(method, { timeZone: 'UTC' });
        if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
        times.push(performance.now() - began);
      }
      return times;
    };
    const todayAsks = await timeAsk('getReviewToday');
    const asks = await timeAsk('getReviewModes');

    browser = await launchBrowser();
    const { page, problems } = await browser.newPage({ width: 1280, height: 900 });
    await page.addInitScript(pageScript(watchContent));
    log(`review: ${loads} loads of a year…`);
    const painted: Painted[] = [];
    for (let i = 0; i < loads; i++) {
      await page.goto('about:blank');
      const stamped = page.waitForEvent('console', { predicate: (message) => message.text() === PAINTED });
      await page.goto(preview.page('review.html'));
      await stamped;
      // The other modes are asked for after Today's paint: wait for that answer too (the tab switches need it).
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/api/getReviewModes') && (e as PerformanceResourceTiming).responseEnd > 0), undefined, { polling: 50 });
      painted.push(
        await page.evaluate(() => {
          const all = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => e.name.includes('/api/getReviewModes'));
          return { ...(window as unknown as { __review: Painted }).__review, allEnd: all?.responseEnd ?? Number.NaN };
        }),
      );
    }

    // --- switch modes ---
    const tabs = await page.getByRole('tab').count();
    const rows: Row[] = [];
    const contentStats = stats(painted.map((p) => p.painted));
    rows.push(row(SUITE, `render a year, cold (window not built ahead of time): navigation → Today's calls painted (${doc.meetings.length} meetings)`, 'ms', painted.map((p) => p.painted)));
    rows.push(row(SUITE, '· of which getReviewToday in the page (request → answer)', 'ms', painted.map((p) => p.fetchEnd - p.fetchStart)));
    rows.push(row(SUITE, '· getReviewToday from Node over HTTP (the core computing Today, warm)', 'ms', todayAsks));
    rows.push(row(SUITE, '· getReviewModes from Node over HTTP (the core computing every mode, asked after the first paint, warm)', 'ms', asks));
    const notes = [
      `A seeded year: ${doc.meetings.length} meetings, ${doc.nextSteps.length} steps, ${doc.threads.length} deals; the review opens on Today ` +
        `(${NOW}, UTC). ${loads} navigations (about:blank in between; the first with a cold HTTP cache), page 1280 × 900.`,
      `Median split of a load: HTML received at ${stats(painted.map((p) => p.htmlEnd)).median.toFixed(0)} ms, DOMContentLoaded (scripts evaluated) at ${stats(painted.map((p) => p.domContentLoaded)).median.toFixed(0)} ms, ` +
        `the app's code asked for at ${stats(painted.map((p) => p.appStart)).median.toFixed(0)} ms and received at ${stats(painted.map((p) => p.appEnd)).median.toFixed(0)} ms, ` +
        `getReviewToday asked at ${stats(painted.map((p) => p.fetchStart)).median.toFixed(0)} ms and answered at ${stats(painted.map((p) => p.fetchEnd)).median.toFixed(0)} ms, ` +
        `Today's first row in the DOM at ${stats(painted.map((p) => p.content)).median.toFixed(0)} ms, painted at ${contentStats.median.toFixed(0)} ms ` +
        `(every other mode, asked after that paint, answered at ${stats(painted.map((p) => p.allEnd)).median.toFixed(0)} ms).`,
    ];
    if (tabs < 2) {
      rows.push({ suite: SUITE, case: 'switch mode (tab click → painted)', unit: 'ms', median: null, spread: '', skipped: 'the review has no tabs yet', goal: '≤ 16 ms' });
    } else {
      log(`review: ${switchRounds} rounds of ${tabs} tab switches…`);
      const byTab = new Map<string, number[]>();
      /** Elements of the mode on screen right after the switch: what had to be built (once) and is shown now. */
      const domSize = new Map<string, number>();
      /** click -> React commit (script), commit -> next frame (waiting for it), frame -> painted (style, layout, paint). */
      const parts = { commit: [] as number[], frame: [] as number[], paint: [] as number[] };
      for (let r = 0; r < switchRounds; r++) {
        for (let i = 1; i <= tabs; i++) {
          const index = i % tabs; // ends each round back on Today
          const { name, ms, nodes, commit, frame } = await page.evaluate(async (n) => {
            const tab = document.querySelectorAll<HTMLElement>('[role="tab"]')[n]!;
            const started = performance.now();
            tab.click();
            await Promise.resolve(); // React renders a click's update in a microtask queued during the click
            const commit = performance.now() - started;
            let frame = 0;
            await new Promise<void>((done) =>
              requestAnimationFrame(() => {
                frame = performance.now() - started;
                const channel = new MessageChannel();
                channel.port1.onmessage = () => done();
                channel.port2.postMessage(0);
              }),
            );
            // The mode on screen (the other modes stay mounted once built, skipped and [inert]).
            const nodes = document.querySelectorAll('[role="tabpanel"] *:not([inert], [inert] *)').length;
            return { name: (tab.textContent ?? '').replace(/\s+\d+\s+\w+$/, '').trim(), ms: performance.now() - started, nodes, commit, frame };
          }, index);
          if (!byTab.has(name)) byTab.set(name, []);
          domSize.set(name, nodes);
          parts.commit.push(commit);
          parts.frame.push(frame - commit);
          parts.paint.push(ms - frame);
          byTab.get(name)!.push(ms);
          await new Promise((done) => setTimeout(done, 100)); // a pause between clicks, as a rep's
        }
      }
      const all = [...byTab.values()].flat();
      const switches = stats(all);
      rows.push(row(SUITE, `switch mode (tab click → painted), all ${tabs} tabs`, 'ms', all, goalMax(16, 'ms', switches.median)));
      const slowest = [...byTab].sort((a, b) => stats(b[1]).median - stats(a[1]).median)[0]!;
      rows.push(row(SUITE, `· slowest tab: ${slowest[0]}`, 'ms', slowest[1], goalMax(16, 'ms', stats(slowest[1]).median)));
      notes.push(
        `Switches per tab (median ms, elements in the panel): ${[...byTab].map(([name, ms]) => `${name} ${stats(ms).median.toFixed(1)} (${domSize.get(name)})`).join(', ')}. ` +
          'Click → next frame painted, in the page. Every mode stays built once shown, and the ones not shown yet are built in idle time after the first paint (Plan and Settings, which fetch their own data, last; away, they follow no change until shown again), so a switch shows what is already there. ' +
          `Median split of a switch: click → React commit ${stats(parts.commit).median.toFixed(1)} ms, → next frame ${stats(parts.frame).median.toFixed(1)} ms, ` +
          `frame → painted ${stats(parts.paint).median.toFixed(1)} ms (p95 ${stats(parts.paint).p95.toFixed(1)}: the browser's style, layout and paint of the page, software-rasterised here with --disable-gpu).`,
      );
    }
    // --- the window built ahead of time, shown ---
    const readyRounds = quick ? 5 : 20;
    log(`review: ${readyRounds} shows of a window built ahead of time…`);
    const ready = await browser.newPage({ width: 1280, height: 900 });
    await ready.page.addInitScript(pageScript(hiddenUntilShown));
    const reviewAsks = (p: typeof ready.page) => p.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/getReview')).length);
    const caughtUp: Shown[] = [];
    const again: Shown[] = [];
    let asksWhileHidden = 0;
    let changesWhileHidden = 0;
    for (let i = 0; i < readyRounds; i++) {
      await ready.page.goto('about:blank');
      await ready.page.goto(preview.page('review.html'));
      // Loaded while hidden: Today, then every mode at once (nobody is waiting for a frame), then the other modes
      // built in idle time; let that settle, as the app does in the seconds after building it.
      await ready.page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/api/getReviewModes') && (e as PerformanceResourceTiming).responseEnd > 0), undefined, { polling: 50 });
      await new Promise((done) => setTimeout(done, 500));
      // The day goes on while it is hidden: a call planned for tomorrow, then one for later today.
      const before = await reviewAsks(ready.page);
      const title = `Catch-up call ${i + 1}`;
      const minute = String(i % 60).padStart(2, '0');
      for (const [day, name] of [['2026-03-05', `Planned ahead ${i + 1}`], ['2026-03-04', title]] as const) {
        const made = await preview.call('createMeeting', { account: 'Catch-up Ltd', title: name, start: `${day}T20:${minute}:00.000Z`, end: `${day}T20:${minute}:30.000Z`, purpose: 'Agree the next step' });
        if (!made.ok) throw new Error(`createMeeting: ${JSON.stringify(made.error)}`);
        changesWhileHidden++;
      }
      await new Promise((done) => setTimeout(done, 300));
      asksWhileHidden += (await reviewAsks(ready.page)) - before;
      const shown = await ready.page.evaluate((t) => (window as unknown as { __showAndStamp(t: string): Promise<Shown> }).__showAndStamp(t), title);
      // Then hidden and shown again with nothing changed (a window minimised and restored): one frame, no ask.
      await new Promise((done) => setTimeout(done, 300));
      const modesAsked = await ready.page.evaluate((at) => performance.getEntriesByType('resource').find((e) => e.name.includes('/api/getReviewModes') && e.startTime >= at)?.startTime ?? Number.NaN, shown.shownAt);
      caughtUp.push({ ...shown, modesAsked: modesAsked - shown.shownAt });
      await ready.page.evaluate(() => (window as unknown as { __hide(): void }).__hide());
      await new Promise((done) => setTimeout(done, 100));
      again.push(await ready.page.evaluate(() => (window as unknown as { __showAndStamp(t: null): Promise<Shown> }).__showAndStamp(null)));
    }
    const shownStats = stats(caughtUp.map((c) => c.painted));
    rows.push(
      row(SUITE, `render a year, window built ahead of time: shown after 2 changes → Today's calls painted with the change`, 'ms', caughtUp.map((c) => c.painted), goalMax(100, 'ms', shownStats.median)),
    );
    rows.push(row(SUITE, '· shown again with nothing changed (hidden in between) → painted', 'ms', again.map((c) => c.painted)));
    const median = (values: number[]) => stats(values).median.toFixed(0);
    notes.push(
      `Window built ahead of time (Electron: keep-review-ready.ts, the page loaded hidden): ${readyRounds} rounds, each a fresh page loaded hidden ` +
        `(the page script hiddenUntilShown stands in for the hidden window: 'hidden', laid out, nothing painted), then 2 store changes from Node ` +
        `(createMeeting tomorrow, then later today), then shown. The page asked for nothing while hidden: ${asksWhileHidden} review asks for ${changesWhileHidden} changes. ` +
        `Shown → painted with the change: p50 ${shownStats.median.toFixed(0)} ms, p95 ${shownStats.p95.toFixed(0)} ms; ` +
        `median split: Today asked alone at ${median(caughtUp.map((c) => c.todayAsked))} ms and answered at ${median(caughtUp.map((c) => c.todayAnswered))} ms, ` +
        `in the DOM at ${median(caughtUp.map((c) => c.content))} ms, painted at ${median(caughtUp.map((c) => c.painted))} ms (the page's first paint included); ` +
        `every mode asked after that paint, at ${median(caughtUp.map((c) => c.modesAsked))} ms. Not measured here: Electron's own show of the window ` +
        '(the OS mapping it, the compositor presenting the frame), a few ms on top.',
    );
    if (ready.problems().length) notes.push(`Page problems seen (window built ahead of time): ${ready.problems().join(' | ')}`);
    if (problems().length) notes.push(`Page problems seen: ${problems().join(' | ')}`);
    return { rows, notes };
  } finally {
    await browser?.close();
    await preview?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
