import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureRendererBuilt,
  haveChromium,
  launchChromium,
  ROOT,
  type Served,
  startServe,
} from './harness.ts';
import { seedReviewHistory } from './seed.ts';

const TREE_NOTES = join(ROOT, 'test', 'fixtures', 'notes-tree');
/** The machine running these is often busy: give the page time to catch up before a poll fails. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const lin = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(bl!);
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** The screens a new learner opens after Review, one served database for all of them. */
describe.skipIf(!haveChromium)('screens, as a new learner finds them', () => {
  let browser: Browser;
  let served: Served;

  beforeAll(async () => {
    await ensureRendererBuilt();
    browser = await launchChromium();
    served = await startServe({ lang: 'ko' });
    const r = await served.api('import/run', { paths: [TREE_NOTES] });
    if (!r.ok) throw new Error(r.error?.message);
    seedReviewHistory(join(served.dataDir, 'kubedeck.sqlite'), 40);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  async function open(
    hash: string,
    opts: { lang?: 'ko' | 'en'; dark?: boolean; width?: number } = {},
  ): Promise<Page> {
    const lang = opts.lang ?? 'ko';
    const page = await browser.newPage({
      locale: lang === 'ko' ? 'ko-KR' : 'en-US',
      colorScheme: opts.dark ? 'dark' : 'light',
      viewport: { width: opts.width ?? 1280, height: 800 },
    });
    await page.addInitScript((l) => localStorage.setItem('kubedeck.lang', l), lang);
    await page.goto(`${served.url}#/${hash}`);
    return page;
  }

  it('dark theme: a primary button’s text has at least 4.5:1 contrast', async () => {
    const page = await open('review', { dark: true });
    const button = page.locator('.btn.primary').first();
    await button.waitFor();
    const { fg, bg } = await button.evaluate((b) => {
      const s = getComputedStyle(b);
      return { fg: s.color, bg: s.backgroundColor };
    });
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
    await page.close();
  });

  it('Browse fits an 800 px window at 1100 and 1280 px wide: the page itself never scrolls', async () => {
    for (const width of [1100, 1280]) {
      const page = await open('browse', { width });
      await page.locator('.browse-row').first().waitFor();
      await page.locator('.browse-row').nth(1).click();
      await page.getByTestId('card-pane').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(800);
      await page.close();
    }
  });

  it('Stats: every chart draws inside its card', async () => {
    const page = await open('stats');
    await page.getByTestId('hours-chart').locator('canvas').first().waitFor();
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.chart')].map((c) => {
        const box = c.getBoundingClientRect();
        return Math.max(
          0,
          ...[...c.querySelectorAll('canvas')].map((cv) => cv.getBoundingClientRect().right - box.right),
        );
      }),
    );
    expect(overflow.length).toBeGreaterThan(0);
    expect(Math.max(...overflow)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('Settings: the optimizer with too few reviews says how many more, and is not an error', async () => {
    const page = await open('settings', { lang: 'en' });
    const box = page.getByTestId('optimizer');
    await box.getByRole('button').click();
    const note = page.getByTestId('optimizer-too-few');
    await note.waitFor();
    expect(await note.textContent()).toMatch(
      /needs at least 400 reviews; this collection has \d+, so \d+ more/,
    );
    expect(await box.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it('Import: a manifest answer in the preview keeps its lines, made or offered', async () => {
    const page = await open('import', { lang: 'en' });
    await page.getByTestId('import-files').waitFor({ state: 'attached' });
    // Written as cards, the note makes its manifest a card.
    await page.getByTestId('import-files').setInputFiles(join(TREE_NOTES, 'services.md'));
    await page.getByTestId('import-preview').waitFor();
    const made = page.locator('.p-answer.p-lines').first();
    await made.waitFor();
    expect(((await made.textContent()) ?? '').trim().split('\n').length).toBeGreaterThan(2);
    // The same note at the standard density only offers it: the suggestions list keeps its lines too.
    const plain = join(mkdtempSync(join(tmpdir(), 'kd-offer-')), 'services.md');
    // (Another port, so that no card an earlier import made stands for it.)
    writeFileSync(
      plain,
      readFileSync(join(TREE_NOTES, 'services.md'), 'utf8')
        .replace('density: all\n', '')
        .replaceAll('30080', '30081'),
    );
    await page.close();
    const again = await open('import', { lang: 'en' });
    await again.getByTestId('import-files').waitFor({ state: 'attached' });
    await again.getByTestId('import-files').setInputFiles(plain);
    const offered = again.getByTestId('preview-suggestions').locator('.p-answer.p-lines').first();
    await again.getByTestId('import-preview').waitFor();
    await offered.waitFor();
    expect(((await offered.textContent()) ?? '').trim().split('\n').length).toBeGreaterThan(2);
    await again.close();
  });

  it('Exercises: the YAML typed for one exercise is still there after opening another; a pass is marked in the list', async () => {
    const page = await open('exercises', { lang: 'en' });
    const items = page.locator('.exercise-item');
    await items.first().waitFor();
    const first = await items.nth(0).getAttribute('data-exercise');
    await items.nth(0).click();
    const editor = page.locator('.cm-content');
    await editor.waitFor();
    const solution = readFileSync(join(ROOT, 'content', 'exercises', first!, 'solution.yaml'), 'utf8');
    await editor.fill(solution);
    await items.nth(1).click();
    await poll(() => editor.textContent()).not.toContain(solution.split('\n')[0]);
    await items.nth(0).click();
    await poll(() => page.locator('.cm-content').textContent()).toContain(solution.split('\n')[1]!.trim());
    await page.getByRole('button', { name: 'Grade', exact: true }).click();
    // The first grade of a serve loads the grader: seconds on a busy machine.
    await expect.poll(() => page.locator('.verdict-head').textContent(), { timeout: 30_000 }).toContain('✓');
    await poll(() => items.nth(0).getByTestId('exercise-passed').count()).toBe(1);
    expect(await items.nth(1).getByTestId('exercise-passed').count()).toBe(0);
    await page.close();
  });

  it('Korean UI: exercise topics, the card kind and the editor’s fold button are in Korean', async () => {
    const page = await open('exercises');
    const meta = page.locator('.exercise-meta');
    await meta.first().waitFor();
    const metas = await meta.allTextContents();
    expect(metas.some((m) => m.includes('네트워크 정책') || m.includes('서비스'))).toBe(true);
    expect(metas.join(' ')).not.toMatch(/network-policy|services|gateway-api/);
    await page.locator('.exercise-item').first().click();
    await page.locator('.cm-foldGutter span[title]').first().waitFor({ state: 'attached' });
    expect(['줄 접기', '줄 펼치기']).toContain(
      await page.locator('.cm-foldGutter span[title]').first().getAttribute('title'),
    );
    await page.goto(`${served.url}#/browse`);
    await page.locator('.browse-row').first().click();
    await page.getByTestId('card-pane').waitFor();
    const kind = await page.locator('.card-pane .card-meta .tag').first().textContent();
    expect(['기본', '양방향', '빈칸', '목록', '매니페스트']).toContain(kind);
    await page.close();
  });
});
