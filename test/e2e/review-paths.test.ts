import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  ensureRendererBuilt,
  haveChromium,
  launchChromium,
  type Served,
  startServe,
} from './harness.ts';

if (!haveChromium) console.warn(`e2e skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

/** Paths a new learner takes from the Review screen, each on its own fresh database. */
describe.skipIf(!haveChromium)('Review, as a new learner uses it', () => {
  let browser: Browser;
  const running: Served[] = [];

  beforeAll(async () => {
    await ensureRendererBuilt();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all(running.map((s) => s.stop()));
  });

  async function open(lang: 'ko' | 'en', hash: string): Promise<{ page: Page; served: Served }> {
    const served = await startServe({ lang });
    running.push(served);
    const page = await browser.newPage({ locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
    await page.goto(`${served.url}#/${hash}`);
    return { page, served };
  }

  const cardId = (page: Page) => page.getByTestId('card').getAttribute('data-card-id');

  it('Edit (button or E) opens the card in Browse, its source line ready to edit', async () => {
    const { page } = await open('en', 'review');
    await page.getByTestId('card').waitFor();
    const id = await cardId(page);
    await page.keyboard.press('e');
    await expect.poll(() => page.getByTestId('card-pane').getAttribute('data-card-id')).toBe(id);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('source-line');
    // The button does the same from a fresh Review.
    await page.goto(page.url().replace(/#.*$/, '#/review'));
    await page.getByTestId('card').waitFor();
    const again = await cardId(page);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect.poll(() => page.getByTestId('card-pane').getAttribute('data-card-id')).toBe(again);
    await page.close();
  });
});
