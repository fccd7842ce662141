import { join } from 'node:path';
import { launchBrowser, startPreview } from '../e2e/support';
import { builtApp, releaseBuild } from './built';
import { dataFolder, NOW } from './data';
import { seedYear } from '../support/seed-year';
const app = await builtApp();
const dir = await dataFolder(seedYear({ now: NOW, timeZone: 'UTC' }), 'dbg');
const preview = await startPreview({ now: NOW, dataDir: dir, entry: join(app, 'main/preview.js') });
const browser = await launchBrowser();
const { page } = await browser.newPage({ width: 1280, height: 900 });
for (let i = 0; i < 3; i++) {
  await page.goto('about:blank');
  await page.goto(preview.page('review.html'));
  await page.locator('table.calls tbody tr').first().waitFor();
  const t = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const r = performance.getEntriesByType('resource').map((e) => `${e.name.replace(/^.*\//, '')} ${e.startTime.toFixed(0)}-${(e as PerformanceResourceTiming).responseEnd.toFixed(0)}`);
    return { resp: n.responseEnd.toFixed(0), domInteractive: n.domInteractive.toFixed(0), dcl: n.domContentLoadedEventStart.toFixed(0), r };
  });
  console.log(JSON.stringify(t));
}
await browser.close(); await preview.stop(); await releaseBuild();
