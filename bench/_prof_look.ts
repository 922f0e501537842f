import { join } from 'node:path';
import { ensureRendererBuilt, launchChromium, ROOT, startServe } from '../test/e2e/harness.ts';
import { seedReviewHistory } from '../test/e2e/seed.ts';
await ensureRendererBuilt();
const browser = await launchChromium();
const served = await startServe({ lang: 'ko' });
seedReviewHistory(join(served.dataDir, 'kubedeck.sqlite'), 60);
await served.api('import/run', { paths: [join(ROOT, 'test', 'fixtures', 'notes-tree')] });
const page = await browser.newPage({ viewport: { width: 1100, height: 800 }, locale: 'ko-KR', colorScheme: 'dark' });
await page.goto(`${served.url}#/stats`);
await page.getByTestId('heatmap').waitFor();
await page.waitForTimeout(800);
const hours = page.getByTestId('hours-chart');
await hours.evaluate((e) => e.scrollIntoView({ block: 'center' }));
const box = await hours.boundingBox();
if (box) await page.screenshot({ path: '/tmp/p21/hours.png', clip: { x: box.x - 30, y: box.y - 30, width: box.width + 60, height: box.height + 60 } });
console.log('hours', await hours.evaluate((e) => { const c = e.closest('.chart-card, .card, .panel, section') as HTMLElement; const r = e.getBoundingClientRect(); const cv = e.querySelector('canvas')!.getBoundingClientRect(); const p = (e.parentElement as HTMLElement).getBoundingClientRect(); return { chart: [r.left, r.right], canvas: [cv.left, cv.right], parent: [p.left, p.right, (e.parentElement as HTMLElement).className] }; }));
for (const w of [1100, 1280]) {
  await page.setViewportSize({ width: w, height: 800 });
  await page.goto(`${served.url}#/browse`);
  await page.locator('.browse-row').first().waitFor();
  await page.waitForTimeout(300);
  console.log('browse', w, await page.evaluate(() => ({ scroll: document.documentElement.scrollHeight, inner: innerHeight, top: document.querySelector('.topbar')!.getBoundingClientRect().height, tools: document.querySelector('.browse-tools')!.getBoundingClientRect().height, list: document.querySelector('.browse-list')!.getBoundingClientRect().top, pane: document.querySelector('.browse-pane')!.getBoundingClientRect().height })));
}
await page.screenshot({ path: '/tmp/p21/browse.png' });
await served.stop();
await browser.close();
