// Runs in the e2e tests' Node process. Launches Debian's Chromium through playwright-core (never a downloaded browser)
// with the flags these machines need, in a fresh profile, and watches each page for console errors and CSP
// violations so a test can assert the page ran clean under its strict CSP.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './preview';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  /** A new tab; `viewport` e.g. { width: 320, height: 420 } for the overlay. */
  newPage(viewport?: { width: number; height: number }): Promise<WatchedPage>;
  close(): Promise<void>;
}

export interface WatchedPage {
  page: Page;
  /** Console errors, page errors and CSP violations seen so far. */
  problems(): string[];
  /** Just the CSP violations ("Refused to …"). */
  cspViolations(): string[];
}

export async function launchBrowser(): Promise<Browser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'second-step-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
    colorScheme: 'light',
  });
  context.setDefaultTimeout(15_000);
  // The persistent context opens one blank tab; pages come from newPage().
  for (const p of context.pages()) await p.close();
  return {
    context,
    async newPage(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const seen: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') seen.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
      return {
        page,
        problems: () => [...seen],
        cspViolations: () => seen.filter((s) => /Refused to|violates the following Content Security Policy/i.test(s)),
      };
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export const SCREENSHOTS_DIR = resolve(ROOT, process.env.SCREENSHOTS_DIR ?? 'out/screenshots');

/** Saves a full-page PNG as `<SCREENSHOTS_DIR>/<name>.png`; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name}.png`);
  // Long lists skip rendering what is off screen (`content-visibility: auto`), and a full-page capture does not
  // scroll: make the viewport as tall as the page for the capture, so the picture shows what a rep scrolls through.
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (viewport && height > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.min(height, 16_000) });
  await page.screenshot({ path, fullPage: true });
  if (viewport && height > viewport.height) await page.setViewportSize(viewport);
  return path;
}
