// Runs under vitest (e2e project): the overlay at its real size, 320 x 420, with a 200-character purpose and ten
// agenda items, in light and dark: nothing is cut off sideways, the middle scrolls to the last item, and the prompt
// and "End call" stay in view. Screenshots and axe for both schemes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../shared/contract';
import { launchBrowser, runAxe, screenshot, startPreview, type Browser, type Preview } from './support';

let preview: Preview;
let browser: Browser;

beforeAll(async () => {
  preview = await startPreview({ now: '2026-03-02T09:05:00.000Z' });
  browser = await launchBrowser();
  const purpose = 'Find out how the regional dispatch team decides which engineer goes where each morning, what a late arrival costs them, and whether they would trial our planner on one depot.'.padEnd(200, '.');
  const created = (await preview.call('createMeeting', {
    account: 'Umbrella Field Services International',
    title: 'Discovery with the regional dispatch leads',
    start: '2026-03-02T09:00:00.000Z',
    end: '2026-03-02T10:00:00.000Z',
    purpose: purpose.slice(0, 200),
    idealOutcome: 'They agree to a one-depot trial and name who signs it off.',
    agenda: Array.from({ length: 10 }, (_, i) => ({ text: `Agenda item ${i + 1}: a topic with a reasonably long description` })),
  })) as Reply<{ id: string }>;
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  await preview.call('startMeeting', { id: created.value.id });
});
afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

describe.each(['light', 'dark'] as const)('overlay at 320 x 420 in %s', (scheme) => {
  it('cuts nothing off: the middle scrolls, the prompt and End call stay in view', async () => {
    const { page } = await browser.newPage({ width: 320, height: 420 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(preview.page('overlay.html'));
    await page.getByRole('button', { name: 'End call' }).waitFor();

    const layout = await page.evaluate(() => {
      const scroller = document.querySelector('.overlay__scroll')!;
      const overflowing = [...document.querySelectorAll('main *')].filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible');
      return {
        pageScrollsSideways: document.documentElement.scrollWidth > window.innerWidth,
        middleScrolls: scroller.scrollHeight > scroller.clientHeight,
        sidewaysOverflow: overflowing.map((el) => el.className),
      };
    });
    expect(layout.pageScrollsSideways).toBe(false);
    expect(layout.middleScrolls).toBe(true);
    expect(layout.sidewaysOverflow).toEqual([]);

    const inView = async (name: RegExp | string, role: 'button' | 'checkbox') =>
      page.getByRole(role, { name }).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
      });
    expect(await inView('End call', 'button')).toBe(true);
    expect(await inView('Confirm purpose', 'button')).toBe(true);
    const last = page.getByRole('checkbox', { name: /Agenda item 10/ });
    await last.scrollIntoViewIfNeeded();
    expect(await inView(/Agenda item 10/, 'checkbox')).toBe(true);

    await page.getByRole('checkbox', { name: /Agenda item 1:/ }).scrollIntoViewIfNeeded();
    await screenshot(page, `overlay-long-${scheme}`);
    expect((await runAxe(page, `overlay-long-${scheme}`)).blocking).toEqual([]);
  });
});
