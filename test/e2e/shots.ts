// Screenshots of every screen for a human look: npx tsx test/e2e/shots.ts [outDir]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureRendererBuilt, FIXTURE_NOTES, launchChromium, startServe } from './harness.ts';

const out = process.argv[2] ?? '/tmp/kubedeck-shots';
mkdirSync(out, { recursive: true });
await ensureRendererBuilt();
const served = await startServe();
const browser = await launchChromium();
try {
  for (const lang of ['ko', 'en'] as const) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 }, locale: lang });
    await page.addInitScript((l) => localStorage.setItem('kubedeck.lang', l), lang);
    await page.goto(`${served.url}#/review`);
    await page.getByTestId('card').waitFor();
    await page.screenshot({ path: join(out, `review-${lang}-question.png`) });
    await page.keyboard.press('Space');
    await page.getByTestId('answer').waitFor();
    await page.screenshot({ path: join(out, `review-${lang}-answer.png`) });
    for (const key of ['3', 'Space', '1', 'Space', '4']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(150);
    }
    await page.goto(`${served.url}#/decks`);
    await page.locator('.deck-table').waitFor();
    await page.screenshot({ path: join(out, `decks-${lang}.png`) });
    await page.goto(`${served.url}#/exercises`);
    const first = page.locator('.exercise-item', { hasText: /Default-deny|기본 차단/ }).first();
    await first.waitFor({ timeout: 15_000 }).catch(() => {});
    if (await first.count()) {
      await first.click();
      await page.locator('.cm-content').waitFor();
      await page
        .locator('.cm-content')
        .fill('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\n');
      await page.getByRole('button', { name: lang === 'ko' ? '채점' : 'Grade' }).click();
      await page.waitForTimeout(800);
    }
    await page.screenshot({ path: join(out, `exercises-${lang}.png`) });
    await page.goto(`${served.url}#/import`);
    await page.getByTestId('drop-zone').waitFor();
    await page.screenshot({ path: join(out, `import-${lang}-pick.png`) });
    await page.getByTestId('import-files').setInputFiles(join(FIXTURE_NOTES, 'cka-networking-ko.md'));
    await page.getByTestId('import-preview').waitFor();
    await page.getByTestId('rule-auto-cloze').uncheck();
    await page.screenshot({ path: join(out, `import-${lang}-preview.png`) });
    await page.getByTestId('import-go').click();
    await page.getByTestId('import-summary').waitFor();
    await page.screenshot({ path: join(out, `import-${lang}-summary.png`) });
    await page.goto(`${served.url}#/browse`);
    await page.getByTestId('browse-search').fill('포트');
    await page.locator('.browse-row').first().waitFor();
    await page.locator('.browse-row').nth(1).click();
    await page.getByTestId('card-pane').locator('h3').first().waitFor();
    await page.screenshot({ path: join(out, `browse-${lang}.png`) });
    for (const s of ['stats', 'settings']) {
      await page.goto(`${served.url}#/${s}`);
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(out, `${s}-${lang}.png`) });
    }
    await page.close();
  }
} finally {
  await browser.close();
  await served.stop();
}
console.log(`screenshots in ${out}`);
