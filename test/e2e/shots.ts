// Screenshots of every screen in ko and en, light and dark, for a human look:
//   npx tsx test/e2e/shots.ts [outDir]   (default /tmp/kubedeck-shots)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRendererBuilt, FIXTURE_NOTES, launchChromium, ROOT, startServe } from './harness.ts';
import { seedReviewHistory } from './seed.ts';

const out = process.argv[2] ?? '/tmp/kubedeck-shots';
mkdirSync(out, { recursive: true });
await ensureRendererBuilt();
const browser = await launchChromium();
try {
  for (const lang of ['ko', 'en'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      const served = await startServe({ lang });
      seedReviewHistory(join(served.dataDir, 'kubedeck.sqlite'), 60);
      await served.api('import/run', { paths: [join(ROOT, 'test', 'fixtures', 'notes-tree')] });
      const page = await browser.newPage({
        viewport: { width: 1100, height: 800 },
        locale: lang === 'ko' ? 'ko-KR' : 'en-US',
        colorScheme: theme,
      });
      await page.addInitScript(() => localStorage.setItem('kubedeck.multipleChoice', '1'));
      // One settings panel, scrolled to the middle of the window so the sticky top bar does not cover it.
      const panelShot = async (testId: string, file: string) => {
        const panel = page.getByTestId(testId);
        await panel.evaluate((e) => e.scrollIntoView({ block: 'center' }));
        const box = await panel.boundingBox();
        if (box) await page.screenshot({ path: join(out, file), clip: box });
      };
      const shot = (name: string) => page.screenshot({ path: join(out, `${name}-${lang}-${theme}.png`) });
      await page.goto(`${served.url}#/review`);
      await page.getByTestId('card').waitFor();
      await page.waitForTimeout(300);
      await shot('review-question');
      // Multiple-choice cards take a digit; others show the answer with Space.
      if (await page.getByTestId('choices').count()) await page.keyboard.press('2');
      else await page.keyboard.press('Space');
      await page.getByTestId('answer').waitFor();
      await shot('review-answer');
      await page.keyboard.press('?');
      await shot('shortcuts');
      await page.keyboard.press('Escape');
      await page.goto(`${served.url}#/decks`);
      await page.getByTestId('deck-tree').waitFor();
      await page.waitForTimeout(300);
      await shot('decks');
      // A deck with a note image, a cloze and a YAML manifest: one answer shot each.
      await page.locator('[data-deck="CKA 네트워킹::서비스"]').getByRole('button').last().click();
      for (let i = 0; i < 3; i++) {
        await page.getByTestId('card').waitFor();
        await page.waitForTimeout(200);
        if (await page.getByTestId('choices').count()) await page.keyboard.press('1');
        else await page.keyboard.press('Space');
        await page.getByTestId('answer').waitFor();
        await page.waitForTimeout(300);
        const kind = (await page.locator('.answer img').count())
          ? 'image'
          : (await page.locator('.hljs').count())
            ? 'yaml'
            : 'cloze';
        await shot(`review-${kind}`);
        await page.keyboard.press('4');
        await page.waitForTimeout(300);
      }
      await page.goto(`${served.url}#/stats`);
      await page.getByTestId('heatmap').waitFor();
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(out, `stats-${lang}-${theme}.png`), fullPage: true });
      // Settings › Backups and Watched folders with something in them.
      await served.api('backups/create', {});
      const watched = mkdtempSync(join(tmpdir(), 'kubedeck-shot-watch-'));
      writeFileSync(
        join(watched, 'pods.md'),
        // Written as a card, so the folder's first sync makes one whatever the importer's density.
        '# Pods\n\nThe smallest deployable unit :: Pod\n',
      );
      await served.api('watch/add', { folder: watched });
      await page.goto(`${served.url}#/settings`);
      await page.getByTestId('backups-table').waitFor();
      await page.getByTestId('watch-runs').waitFor();
      await panelShot('backups', `settings-backups-${lang}-${theme}.png`);
      await panelShot('watch', `settings-watch-${lang}-${theme}.png`);
      await served.api('watch/remove', { folder: watched });
      rmSync(watched, { recursive: true, force: true });
      await page.reload();
      await page.getByTestId('optimizer').waitFor();
      await page.getByTestId('optimizer').getByRole('button').click();
      await page.getByTestId('optimizer-result').waitFor({ timeout: 60_000 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(out, `settings-${lang}-${theme}.png`), fullPage: true });
      await page.goto(`${served.url}#/import`);
      await page.getByTestId('import-files').waitFor({ state: 'attached' });
      await shot('import-pick');
      await page.getByTestId('import-files').setInputFiles(join(FIXTURE_NOTES, 'cka-networking-ko.md'));
      await page.getByTestId('import-preview').waitFor();
      await shot('import-preview');
      await page.getByTestId('import-go').click();
      await page.getByTestId('import-summary').waitFor();
      await shot('import-summary');
      await page.goto(`${served.url}#/browse`);
      await page.getByTestId('browse-search').fill('포트');
      await page.locator('.browse-row').first().waitFor();
      await page.locator('.browse-row').nth(1).click();
      await page.waitForTimeout(300);
      await shot('browse');
      await page.close();
      await served.stop();
    }
  }
} finally {
  await browser.close();
}
console.log(`screenshots in ${out}`);
