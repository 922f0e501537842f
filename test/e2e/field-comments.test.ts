import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, haveChromium, pickNote, type Served } from './harness.ts';

/** A Service whose writer glossed its ports in comments: the glosses are the cards, not the example's numbers. */
const NOTE = [
  '# NodePort 서비스',
  '',
  '```yaml',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  'spec:',
  '  type: NodePort',
  '  ports:',
  '  - port: 80 # 서비스가 클러스터 안에서 받는 포트',
  '    targetPort: 8080 # 파드의 컨테이너 포트',
  '    nodePort: 30080 # 모든 노드에서 열리는 포트',
  '```',
  '',
].join('\n');

const SHOTS = process.env.KUBEDECK_SHOTS;

describe.skipIf(!haveChromium)('a manifest field glossed by its writer, in the browser', () => {
  const suite = browserSuite();
  let served: Served | undefined;
  const page = (hash: string): Promise<Page> => suite.open('ko', hash, { width: 1100, height: 800 });

  it('previews, imports and filters the gloss cards under their Korean rule name', async () => {
    served = await suite.serve({ lang: 'ko', importFixture: false });
    const p = await page('import');
    await pickNote(p, 'nodeport.md', NOTE);
    const preview = p.getByTestId('import-preview');
    await preview.waitFor();
    if (SHOTS) await p.screenshot({ path: join(SHOTS, 'import-field-comments-ko.png'), fullPage: true });
    const card = preview.locator('.preview-card', { hasText: 'kind: Service 의 targetPort 필드' });
    expect(await card.locator('.p-prompt').textContent()).toBe('kind: Service 의 targetPort 필드');
    // The gloss is the answer; the line it came from, number and all, is shown beside it as its source.
    expect(await card.locator('.preview-text > div').first().textContent()).toBe(
      'kind: Service 의 targetPort 필드 → 파드의 컨테이너 포트',
    );
    expect(await card.locator('.src-line').textContent()).toBe('    targetPort: 8080 # 파드의 컨테이너 포트');
    await p.getByTestId('import-go').click();
    await p.getByTestId('import-summary').waitFor();

    await p.goto(`${served.base}#/browse`);
    const rule = p.getByRole('combobox', { name: '규칙' });
    await expect.poll(() => rule.locator('option').allTextContents()).toContain('매니페스트 필드 주석');
    await rule.selectOption({ label: '매니페스트 필드 주석' });
    const rows = p.locator('.browse-row');
    await expect.poll(() => rows.count()).toBe(3);
    if (SHOTS) await p.screenshot({ path: join(SHOTS, 'browse-field-comments-ko.png'), fullPage: true });
    expect(await rows.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('kind: Service 의 nodePort 필드')]),
    );
    await p.close();
  });
});
