import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, haveChromium, ROOT, type Served } from './harness.ts';
import { seedReviewHistory } from './seed.ts';

const TREE_NOTES = join(ROOT, 'test', 'fixtures', 'notes-tree');
/** The machine running these is often busy: give the page time to catch up before a poll fails. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

describe.skipIf(!haveChromium)('screens in headless Chromium against kubedeck serve', () => {
  const suite = browserSuite();
  let served: Served | undefined;

  async function open(
    lang: 'ko' | 'en',
    hash: string,
    opts: { tree?: boolean; seed?: number; mc?: boolean } = {},
  ): Promise<Page> {
    served = await suite.serve({ lang });
    if (opts.tree) {
      const r = await served.api('import/run', { paths: [TREE_NOTES] });
      expect(r.ok).toBe(true);
    }
    // Ten reviews a card: the fixture's standard import makes about fifty cards, and the optimizer is shown 400 rows.
    if (opts.seed) seedReviewHistory(join(served.dataDir, 'kubedeck.sqlite'), opts.seed, 10);
    const page = await suite.browser().newPage({ locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
    if (opts.mc) await page.addInitScript(() => localStorage.setItem('kubedeck.multipleChoice', '1'));
    await page.goto(`${served.url}#/${hash}`);
    return page;
  }
  const logRows = () => {
    const db = new Database(join(served!.dataDir, 'kubedeck.sqlite'), { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM review_log').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('reviews 10 cards by keyboard with multiple choice: digit picks, Enter takes the suggested rating, then a summary', async () => {
    const page = await open('ko', 'review', { mc: true });
    await served!.api('settings/set', { key: 'newPerDay', value: 10 });
    await page.reload();
    let withChoices = 0;
    let picksRight = 0;
    for (let i = 0; i < 10; i++) {
      const card = page.getByTestId('card');
      await card.waitFor();
      const id = await card.getAttribute('data-card-id');
      // Choices arrive just after the card; a card whose answer is not a short fact has none.
      await page
        .getByTestId('choices')
        .waitFor({ timeout: 1500 })
        .catch(() => {});
      if (await page.getByTestId('choices').count()) {
        withChoices++;
        await page.keyboard.press('1');
        await page.getByTestId('answer').waitFor();
        const right = await page.locator('.choice.right').getAttribute('data-testid');
        if (right === 'choice-1') picksRight++;
        // The suggested rating follows the pick: Good when right, Again when wrong.
        const suggested = page.locator('.rate.suggested');
        expect(await suggested.getAttribute('class')).toContain(right === 'choice-1' ? 'good' : 'again');
        await page.keyboard.press('Enter');
      } else {
        await page.keyboard.press('Space');
        await page.getByTestId('answer').waitFor();
        await page.keyboard.press('3');
      }
      await poll(async () =>
        (await page.getByTestId('summary').count()) ? 'summary' : await card.getAttribute('data-card-id'),
      ).not.toBe(id);
    }
    expect(withChoices).toBeGreaterThanOrEqual(3);
    expect(picksRight).toBeLessThanOrEqual(withChoices);
    expect(logRows()).toBe(10);
    expect(Number(await page.getByTestId('count-new').textContent())).toBe(0);
    await page.close();
  });

  it('runs the optimizer from Settings: a progress indicator, then log loss and RMSE before and after', async () => {
    const page = await open('en', 'settings', { seed: 60 });
    expect(logRows()).toBeGreaterThanOrEqual(400);
    await page.getByTestId('optimizer').waitFor();
    // Record whether the progress indicator was ever on screen, however quick the run.
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="optimizer-progress"]')) w.sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Optimize' }).click();
    const result = page.getByTestId('optimizer-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
    const text = (await result.textContent()) ?? '';
    expect(text).toMatch(/Log loss\s*0\.\d{4}\s*0\.\d{4}/);
    expect(text).toMatch(/RMSE \(bins\)\s*0\.\d{4}\s*0\.\d{4}/);
    expect(text).toMatch(/\d+ reviews/);
    const settings = await served!.api<{ weights: number[] | null }>('settings/get');
    if (text.includes('Applied')) expect(settings.value!.weights).toHaveLength(21);
    else expect(settings.value!.weights).toBeNull();
    await page.close();
  });

  it('switches to the dark theme from Settings; the core keeps it, so a fresh window opens dark', async () => {
    const page = await open('en', 'settings');
    await page.getByTestId('theme-dark').click();
    await poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(bg).toBe('rgb(20, 23, 28)');
    expect((await served!.api<{ theme: string }>('settings/get')).value!.theme).toBe('dark');
    // A new browser context has no cached choice: the theme comes back from the core.
    const ctx = await suite.browser().newContext({ colorScheme: 'light' });
    const fresh = await ctx.newPage();
    await fresh.goto(`${served!.url}#/review`);
    await poll(() => fresh.locator('html').getAttribute('data-theme')).toBe('dark');
    await ctx.close();
    await page.getByTestId('theme-system').click();
    await poll(() => page.locator('html').getAttribute('data-theme')).toBe('light');
    await page.close();
  });

  it('shows decks as a tree with due counts, collapses sub-decks, edits limits and studies a subtree', async () => {
    const page = await open('ko', 'decks', { tree: true });
    const tree = page.getByTestId('deck-tree');
    await tree.waitFor();
    const row = (path: string) => page.locator(`[data-testid="deck-row"][data-deck="${path}"]`);
    await row('CKA 네트워킹::DNS::CoreDNS').waitFor();
    // The parent exists only as a prefix; its counts cover the whole subtree: 서비스 4 (a note written as cards:
    // image, cloze, manifest and its ports field; its "kind: Service 의 apiVersion → v1" card is the fixture note's
    // already, imported first, so it is not made twice), DNS 2, CoreDNS 1.
    await poll(() => row('CKA 네트워킹').locator('.count-new').textContent()).toBe('7');
    expect(await row('CKA 네트워킹::서비스').locator('.count-new').textContent()).toBe('4');
    expect(await row('CKA 네트워킹::DNS').locator('.count-new').textContent()).toBe('3');
    await row('CKA 네트워킹').getByRole('button', { name: '접기' }).click();
    await poll(() => row('CKA 네트워킹::DNS').count()).toBe(0);
    await row('CKA 네트워킹').getByRole('button', { name: '펼치기' }).click();
    await row('CKA 네트워킹::DNS').waitFor();

    await row('CKA 네트워킹::DNS').getByRole('button', { name: '한도' }).click();
    await page.locator('.limits-form input').first().fill('1');
    await page.locator('.limits-form').getByRole('button', { name: '저장' }).click();
    await poll(() => row('CKA 네트워킹::DNS').locator('.count-new').textContent()).toBe('1');

    await row('CKA 네트워킹::DNS').getByRole('button', { name: '학습' }).click();
    await page.getByTestId('card').waitFor();
    expect(await page.locator('.chip').textContent()).toContain('CKA 네트워킹::DNS');
    expect(await page.locator('.card-meta').textContent()).toMatch(/CKA 네트워킹::DNS/);
    expect(await page.getByTestId('count-new').textContent()).toBe('1');

    // The last card of the session rated Easy: nothing is left, so the session summary shows.
    await page.keyboard.press('Space');
    await page.getByTestId('answer').waitFor();
    await page.keyboard.press('4');
    await page.getByTestId('summary').waitFor();
    expect(await page.getByTestId('summary-cards').textContent()).toBe('1');
    expect(await page.getByTestId('summary-again').textContent()).toBe('0%');
    await page.close();
  });

  it('draws Hangul with the bundled font, cloze gaps in place, note images and highlighted YAML', async () => {
    const page = await open('ko', 'decks', { tree: true });
    await page.locator('[data-deck="CKA 네트워킹::서비스"]').getByRole('button', { name: '학습' }).click();
    const seen = { cloze: false, image: false, yaml: false };
    for (let i = 0; i < 3; i++) {
      await page.getByTestId('card').waitFor();
      if (await page.locator('.cloze-gap').count()) {
        await page.keyboard.press('Space');
        expect(await page.getByTestId('cloze-fill').textContent()).toBe('30000-32767');
        seen.cloze = true;
      } else {
        await page.keyboard.press('Space');
      }
      await page.getByTestId('answer').waitFor();
      const img = page.locator('.answer img');
      if (await img.count()) {
        await poll(() => img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
        expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(120);
        seen.image = true;
      }
      if (await page.locator('.answer code.language-yaml .hljs-attr').count()) seen.yaml = true;
      const id = await page.getByTestId('card').getAttribute('data-card-id');
      await page.keyboard.press('4');
      // Read in one go: the third card ends the session, and a card counted present may be gone a moment later.
      await poll(() =>
        page.evaluate(
          () => document.querySelector('[data-testid="card"]')?.getAttribute('data-card-id') ?? 'done',
        ),
      ).not.toBe(id);
    }
    expect(seen).toEqual({ cloze: true, image: true, yaml: true });
    // The bundled face is what draws Hangul: loaded, and matched for a Hangul string.
    const font = await page.evaluate(async () => {
      await document.fonts.ready;
      const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Kubedeck KR');
      return {
        loaded: faces.filter((f) => f.status === 'loaded').length,
        check: document.fonts.check('16px "Kubedeck KR"', '한글'),
      };
    });
    expect(font.loaded).toBeGreaterThanOrEqual(1);
    expect(font.check).toBe(true);
    // kubedeck serve hands the font out as font/woff2 (the app:// protocol uses the same content-type table).
    const woff2 = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .find((n) => /noto-sans-kr-korean-\d+-normal.*\.woff2$/.test(n)),
    );
    expect(woff2).toBeTruthy();
    // Every path of serve, assets too, needs the session cookie the page's token was traded for (the token guard):
    // without it this fetch would get the 401 "needs its token" page.
    const res = await fetch(woff2!, { headers: { cookie: served!.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('font/woff2');
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(500_000);
    await page.close();
  });

  it('suspends with S, buries with B and opens the card in Browse with E', async () => {
    const page = await open('en', 'review');
    const card = page.getByTestId('card');
    await card.waitFor();
    const first = await card.getAttribute('data-card-id');
    await page.keyboard.press('s');
    await poll(() => card.getAttribute('data-card-id')).not.toBe(first);
    const second = await card.getAttribute('data-card-id');
    await page.keyboard.press('b');
    await poll(() => card.getAttribute('data-card-id')).not.toBe(second);
    const db = new Database(join(served!.dataDir, 'kubedeck.sqlite'), { readonly: true });
    try {
      const row = (id: string | null) =>
        db.prepare('SELECT suspended, buried_until FROM cards WHERE id = ?').get(id) as {
          suspended: number;
          buried_until: number | null;
        };
      expect(row(first).suspended).toBe(1);
      expect(row(second).buried_until).toBeGreaterThan(Date.now());
    } finally {
      db.close();
    }
    const third = await card.getAttribute('data-card-id');
    await page.keyboard.press('e');
    await poll(() => page.evaluate(() => window.location.hash)).toBe(`#/browse/${third}`);
    await page.close();
  });

  it('sends the language with each call: switching to English turns the interval labels English at once', async () => {
    const page = await open('ko', 'review');
    await page.getByTestId('card').waitFor();
    await page.keyboard.press('Space');
    await poll(() => page.locator('.rate.good .preview').textContent()).toMatch(/\d+(분|시간|일)$/);
    await page.goto(`${served!.url}#/settings`);
    await page.getByTestId('language-en').click();
    await page.goto(`${served!.url}#/review`);
    await page.getByTestId('card').waitFor();
    await page.keyboard.press('Space');
    await poll(() => page.locator('.rate.good .preview').textContent()).toMatch(/^\d+(m|h|d)$/);
    await page.close();
  });
});
