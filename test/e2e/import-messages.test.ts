import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, haveChromium, pickNote } from './harness.ts';

// A note with front matter YAML cannot read (a quote never closed) and a code fence never closed.
const BAD_NOTE = [
  '---',
  'deck: 포트',
  'lang: "ko',
  '---',
  'kube-apiserver 포트 :: 6443',
  'etcd 클라이언트 포트 :: 2379',
  '',
  '```bash',
  'kubectl get svc',
  '',
].join('\n');
const SHOTS = process.env.KUBEDECK_SHOTS ?? '/tmp/kubedeck-shots-21';

// Issue #21, 9: import warnings, the YAML parser's problems and rule names in the learner's language.
describe.skipIf(!haveChromium)('the Import screen says what is wrong with a note in Korean', () => {
  const suite = browserSuite();
  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });
  const page = (lang: 'ko' | 'en'): Promise<Page> => suite.open(lang, 'import', { width: 1100, height: 800 });
  /** The Import screen in `lang`, previewing one note picked as a file; resolves once the preview is drawn. */
  const preview = async (lang: 'ko' | 'en', name: string, text: string): Promise<Page> => {
    await suite.serve({ lang, importFixture: false });
    const p = await page(lang);
    await pickNote(p, name, text);
    await p.getByTestId('import-preview').waitFor();
    return p;
  };

  for (const lang of ['ko', 'en'] as const)
    it(`(${lang}) the preview names file and line of each warning, in the UI's language; rules read as words`, async () => {
      const p = await preview(lang, 'ports.md', BAD_NOTE);
      const items = p.locator('.warnings li');
      await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(2);
      const texts = await items.allTextContents();
      if (lang === 'ko') {
        expect(texts[0]).toMatch(
          /ports\.md:3 프런트 매터가 올바른 YAML이 아닙니다: 닫는 문자\(따옴표, \], \}\)가 빠졌습니다/,
        );
        expect(texts[1]).toMatch(/ports\.md:8 코드 블록 ```이\(가\) 닫히지 않았습니다/);
        expect(texts.join(' ')).not.toMatch(/never closed|not valid YAML|Missing closing/);
      } else {
        expect(texts[0]).toMatch(
          /ports\.md:3 front matter is not valid YAML: a closing character is missing/,
        );
        expect(texts[1]).toMatch(/ports\.md:8 code fence ``` is never closed/);
      }
      // The rule filter shows the rule's name for people; the identifier stays in the data (and the tooltip).
      const rule = p.getByTestId('rule-explicit-basic').locator('xpath=..');
      expect(await rule.textContent()).toContain(lang === 'ko' ? '직접 쓴 카드' : 'Written card');
      expect(await rule.locator('[title="explicit-basic"]').count()).toBe(1);
      await p.screenshot({ path: join(SHOTS, `import-warnings-${lang}.png`) });
      await p.close();
    }, 120_000);

  // A Hugo post: its `+++` TOML block is settings, never cards; a broken one is named at its line.
  for (const lang of ['ko', 'en'] as const)
    it(`(${lang}) a Hugo post's broken +++ TOML front matter is a warning at its line; its title makes no card`, async () => {
      const p = await preview(
        lang,
        'post.md',
        '+++\ntitle = "쿠버네티스 서비스"\ndate = = 2022-06-04\n+++\n\n- NodePort: 모든 노드의 같은 포트로 노출\n',
      );
      const items = p.locator('.warnings li');
      await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(1);
      expect(await items.first().textContent()).toMatch(
        lang === 'ko'
          ? /post\.md:3 프런트 매터가 올바른 TOML이 아닙니다\. 이 줄의 키와 값\(키 = 값\)을 확인하세요/
          : /post\.md:3 front matter is not valid TOML: \S/,
      );
      // One card, counted in the singular.
      expect(await p.getByTestId('preview-count').textContent()).toMatch(
        lang === 'ko' ? /^카드 1장 중 1장을 가져옵니다/ : /^1 of 1 card will be imported/,
      );
      const shown = (await p.getByTestId('import-preview').textContent()) ?? '';
      expect(shown).toContain('NodePort');
      expect(shown).not.toContain('title');
      await p.screenshot({ path: join(SHOTS, `import-toml-${lang}.png`) });
      await p.close();
    }, 120_000);
});
