import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, startServe } from '../test/e2e/harness.ts';
const tpl = readdirSync('/tmp').find((f) => /^kubedeck-bench-ui-100000-.*\.sqlite$/.test(f))!;
const dir = mkdtempSync('/tmp/p21/uirate-');
copyFileSync(join('/tmp', tpl), join(dir, 'kubedeck.sqlite'));
const browser = await launchChromium();
const served = await startServe({ dataDir: dir, importFixture: false, args: ['--now', '2027-06-01T10:00:00Z'] });
const page = await browser.newPage({ locale: 'ko-KR', viewport: { width: 1280, height: 800 } });
await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
await page.goto(`${served.url}#/review`);
await page.getByTestId('card').waitFor();
const out = await page.evaluate(async (count) => {
  const painted = () => new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  const press = (key: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  const until = (test: () => boolean) => new Promise<void>((ok) => { if (test()) return ok(); const mo = new MutationObserver(() => { if (test()) { mo.disconnect(); ok(); } }); mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true }); });
  const cardId = () => document.querySelector('[data-testid="card"]')?.getAttribute('data-card-id') ?? null;
  const rows: number[][] = [];
  for (let i = 0; i < count; i++) {
    const id = cardId();
    press(' ');
    await until(() => document.querySelector('[data-testid="answer"]') !== null);
    await painted();
    performance.clearResourceTimings();
    const t0 = performance.now();
    press('3');
    await until(() => cardId() !== id);
    const tDom = performance.now() - t0;
    await painted();
    const tPaint = performance.now() - t0;
    const r = performance.getEntriesByType('resource').find((e) => e.name.includes('rate-next')) as PerformanceResourceTiming | undefined;
    rows.push([r ? r.startTime - t0 : -1, r ? r.responseStart - t0 : -1, r ? r.responseEnd - t0 : -1, tDom, tPaint]);
  }
  return rows;
}, 120);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((p / 100) * xs.length)]!;
for (const [i, name] of ['fetchStart', 'responseStart', 'responseEnd', 'dom', 'painted'].entries()) {
  const xs = out.map((r) => r[i]!);
  console.log(name.padEnd(14), 'p50', pct(xs, 50).toFixed(1), 'p95', pct(xs, 95).toFixed(1));
}
await served.stop();
await browser.close();
