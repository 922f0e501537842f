import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreNote } from '../../content/markdown/parse-note.ts';
import { browserSuite, haveChromium, ROOT, type Served } from './harness.ts';

// The note of test/import/learner-verdicts.test.ts: explicit cards, kept clozes, and commands scored as suggestions.
const NOTE = readFileSync(join(ROOT, 'test', 'fixtures', 'verdicts', 'services.md'), 'utf8');
const SCORED = scoreNote('services.md', NOTE);
const CARDS = SCORED.filter((c) => c.verdict === 'card').length;
const SUGGESTIONS = SCORED.filter((c) => c.verdict === 'suggestion').length;
// Over the line, held back for their junk risk: each says so, in the learner's language.
const HELD_BACK = SCORED.filter((c) => c.heldBack === 'junk-risk').length;
const HELD_BACK_TEXT = {
  ko: '보류: 이런 카드는 자주 삭제됩니다',
  en: 'held back: cards like this are often deleted',
};
// Screenshots for a human look (the issue asks for them in ko and en).
const SHOTS = process.env.KUBEDECK_SHOTS ?? '/tmp/kubedeck-shots-17';

type Item = { id: string; rule: string };

describe.skipIf(!haveChromium)(
  'cards worth keeping in the UI: density, suggestions, bad cards, keep rates',
  () => {
    const suite = browserSuite();
    beforeAll(() => {
      mkdirSync(SHOTS, { recursive: true });
    });
    let served: Served | undefined;
    const page = (lang: 'ko' | 'en', hash: string): Promise<Page> =>
      suite.open(lang, hash, { width: 1100, height: 800 });
    const api = async <T>(name: string, args: unknown = {}) => {
      const r = await served!.api<T>(name, args);
      if (!r.ok) throw new Error(`${name}: ${r.error?.message}`);
      return r.value as T;
    };

    for (const lang of ['ko', 'en'] as const)
      it(`(${lang}) offers suggestions unticked, accepts one ticked, filters them in Browse, throws a bad card away`, async () => {
        expect(SUGGESTIONS).toBeGreaterThan(1);
        served = await suite.serve({ lang, importFixture: false });
        const p = await page(lang, 'import');
        await p.getByTestId('import-files').setInputFiles({
          name: 'services.md',
          mimeType: 'text/markdown',
          buffer: Buffer.from(NOTE),
        });
        const offered = p.getByTestId('preview-suggestions');
        await offered.waitFor();
        const ticks = offered.getByTestId('suggestion-tick');
        expect(await ticks.count()).toBe(SUGGESTIONS);
        for (let i = 0; i < SUGGESTIONS; i++) expect(await ticks.nth(i).isChecked()).toBe(false);
        expect(HELD_BACK).toBeGreaterThan(0);
        expect(HELD_BACK).toBeLessThan(SUGGESTIONS);
        const held = offered.getByTestId('held-back');
        expect(await held.count()).toBe(HELD_BACK);
        expect(await held.first().textContent()).toBe(HELD_BACK_TEXT[lang]);
        const count = () => p.getByTestId('preview-count').textContent();
        const standard = await count();
        // More cards at density "more": the preview is read again.
        await p.getByTestId('import-density').selectOption('more');
        await expect.poll(count, { timeout: 20_000 }).not.toBe(standard);
        await p.getByTestId('import-density').selectOption('standard');
        await expect.poll(count, { timeout: 20_000 }).toBe(standard);
        await offered.waitFor();
        await ticks.first().check();
        await expect.poll(count, { timeout: 20_000 }).not.toBe(standard);
        // The ticked suggestion counts among all the cards too: "N+1 of N+1", never more kept than there are.
        const all = String(CARDS + 1);
        expect(await count()).toMatch(lang === 'ko' ? `카드 ${all}장 중 ${all}장` : `${all} of ${all} cards`);
        await offered.evaluate((e) => e.scrollIntoView({ block: 'center' }));
        await p.screenshot({ path: join(SHOTS, `import-preview-suggestions-${lang}.png`) });
        await p.getByTestId('import-go').click();
        await p.getByTestId('import-summary').waitFor();
        expect(await p.getByTestId('summary-new').locator('.tile-value').textContent()).toBe(
          String(CARDS + 1),
        );
        expect(await p.getByTestId('summary-suggested').locator('.tile-value').textContent()).toBe(
          String(SUGGESTIONS - 1),
        );

        // Browse › Suggestions: the rest, each can be made a card.
        await p.goto(`${served.base}#/browse`);
        await p.getByTestId('filter-suggestions').check();
        const list = p.getByTestId('suggestion-list');
        await expect.poll(() => list.locator('li').count(), { timeout: 20_000 }).toBe(SUGGESTIONS - 1);
        // The one ticked in the preview was the first; held back or not, the others still say why they wait.
        expect(await list.getByTestId('held-back').count()).toBeGreaterThanOrEqual(HELD_BACK - 1);
        expect(await list.getByTestId('held-back').first().textContent()).toBe(HELD_BACK_TEXT[lang]);
        await p.screenshot({ path: join(SHOTS, `browse-suggestions-${lang}.png`) });
        await list.getByTestId('accept-suggestion').first().click();
        await expect.poll(() => list.locator('li').count(), { timeout: 20_000 }).toBe(SUGGESTIONS - 2);

        // Review: two auto-cloze cards deleted already, the third marked bad with one key → the offer.
        const items = (await api<{ items: Item[] }>('browse/search', { limit: 500 })).items;
        const autos = items.filter((c) => c.rule === 'auto-cloze');
        expect(autos.length).toBeGreaterThanOrEqual(3);
        for (const c of autos.slice(0, 2)) await api('cards/delete', { cardId: c.id });
        for (const c of items.filter((x) => x.rule !== 'auto-cloze'))
          await api('cards/bury', { cardId: c.id });
        // The same page, no reload: Review asks for the queue as it is now (the page started on Import).
        await p.goto(`${served.base}#/review`);
        await p.getByTestId('card').waitFor();
        const shown = await p.getByTestId('card').getAttribute('data-card-id');
        expect(autos.slice(2).map((c) => c.id)).toContain(shown);
        await p.keyboard.press('x');
        await p.getByTestId('rule-off-offer').waitFor();
        expect(await p.getByTestId('rule-off-offer').textContent()).toContain('auto-cloze');
        await p.screenshot({ path: join(SHOTS, `review-bad-card-${lang}.png`) });
        expect((await api<Item[]>('browse/search', { rule: 'auto-cloze' })) as unknown).toMatchObject({
          items: autos.slice(3).map((c) => expect.objectContaining({ id: c.id })),
        });

        // Stats: the learner's own keep rate per rule.
        await p.goto(`${served.base}#/stats`);
        const row = p.getByTestId('keep-rates').locator('tr[data-rule="auto-cloze"]');
        await row.waitFor();
        expect(await row.locator('td').nth(2).textContent()).toBe('3');
        await p.getByTestId('keep-rates').evaluate((e) => e.scrollIntoView({ block: 'center' }));
        await p.screenshot({ path: join(SHOTS, `stats-keep-rate-${lang}.png`) });
      }, 120_000);
  },
);
