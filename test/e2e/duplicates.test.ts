import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_NOTES } from '../fixtures/service-notes.ts';
import { browserSuite, haveChromium } from './harness.ts';

// Two notes with a Service manifest each: the kind's apiVersion is asked once, and the Import screen says why the
// second note made one card fewer (core/import/held-elsewhere.ts).
const NOTES = {
  ko: [SERVICE_NOTES.ko.web, SERVICE_NOTES.ko.api],
  en: [SERVICE_NOTES.en.web, SERVICE_NOTES.en.api],
};
const LABEL = { ko: '만들지 않음: 다른 노트에 이미 있음', en: 'not made: already in another note' };
const SHOTS = process.env.KUBEDECK_SHOTS ?? '/tmp/kubedeck-shots-17';

describe.skipIf(!haveChromium)('a card another note already holds, on the Import screen', () => {
  const suite = browserSuite();
  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });

  for (const lang of ['ko', 'en'] as const)
    it(`(${lang}) imports the second note without the card the first one holds, and says so`, async () => {
      await suite.serve({ lang, importFixture: false });
      for (const [i, text] of NOTES[lang].entries()) {
        const p = await suite.open(lang, 'import', { width: 1100, height: 800 });
        await p.getByTestId('import-files').setInputFiles({
          name: `service-${i}.md`,
          mimeType: 'text/markdown',
          buffer: Buffer.from(text),
        });
        await p.getByTestId('import-go').click();
        await p.getByTestId('import-summary').waitFor();
        const tile = p.getByTestId('summary-duplicates');
        if (i === 0) {
          expect(await tile.count()).toBe(0);
          continue;
        }
        expect(await tile.locator('.tile-value').textContent()).toBe('1');
        expect(await tile.locator('.tile-label').textContent()).toBe(LABEL[lang]);
        await p.screenshot({ path: join(SHOTS, `import-duplicates-${lang}.png`) });
      }
    });
});
