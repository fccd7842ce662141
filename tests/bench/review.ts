// Runs in Node (`npm run bench`), driving Chromium against the browser preview on a seeded year of one rep's work
// (tests/support/seed-year.ts, like the review's e2e test). Suite 3, the review:
// - render a year: from navigation start to Today's calls on screen (MutationObserver sees the first row, then the
//   next frame is painted), timed in the page on its own clock (performance.now() counts from navigation start). The
//   page says it is done with a console message: polling it from Node (waitForFunction) would make Playwright inject
//   its own script (~330 KB) into the page mid-load, on the very main thread being timed (~13 ms in a trace);
// - switch modes: click a tab -> next frame painted, timed in the page, every tab in turn.
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
    rows.push(row(SUITE, `render a year: navigation → Today's calls painted (${doc.meetings.length} meetings)`, 'ms', painted.map((p) => p.painted), goalMax(100, 'ms', contentStats.median)));
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
            // The mode on screen (the other data modes stay mounted once built, skipped and [inert]).
            const nodes = document.querySelectorAll('[role="tabpanel"] *:not([inert], [inert] *)').length;
            return { name: (tab.textContent ?? '').replace(/\s+\d+\s+\w+$/, '').trim(), ms: performance.now() - started, nodes, commit, frame };
          }, index);
          if (!byTab.has(name)) byTab.set(name, []);
          domSize.set(name, nodes);
          parts.commit.push(commit);
          parts.frame.push(frame - commit);
          parts.paint.push(ms - frame);
          byTab.get(name)!.push(ms);
          await new Promise((done) => setTimeout(done, 100)); // let a mode's own fetch (Plan) settle
        }
      }
      const all = [...byTab.values()].flat();
      const switches = stats(all);
      rows.push(row(SUITE, `switch mode (tab click → painted), all ${tabs} tabs`, 'ms', all, goalMax(16, 'ms', switches.median)));
      const slowest = [...byTab].sort((a, b) => stats(b[1]).median - stats(a[1]).median)[0]!;
      rows.push(row(SUITE, `· slowest tab: ${slowest[0]}`, 'ms', slowest[1], goalMax(16, 'ms', stats(slowest[1]).median)));
      notes.push(
        `Switches per tab (median ms, elements in the panel): ${[...byTab].map(([name, ms]) => `${name} ${stats(ms).median.toFixed(1)} (${domSize.get(name)})`).join(', ')}. ` +
          'Click → next frame painted, in the page; a mode that fetches its own data after the switch (Plan) shows its first frame within this time and fills in after its fetch. ' +
          `Median split of a switch: click → React commit ${stats(parts.commit).median.toFixed(1)} ms, → next frame ${stats(parts.frame).median.toFixed(1)} ms, ` +
          `frame → painted ${stats(parts.paint).median.toFixed(1)} ms (p95 ${stats(parts.paint).p95.toFixed(1)}: the browser's style, layout and paint of the page, software-rasterised here with --disable-gpu).`,
      );
    }
    if (problems().length) notes.push(`Page problems seen: ${problems().join(' | ')}`);
    return { rows, notes };
  } finally {
    await browser?.close();
    await preview?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
