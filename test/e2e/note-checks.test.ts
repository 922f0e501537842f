import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, haveChromium, pickNote, type Served } from './harness.ts';

/** One card, made from a line the Kubernetes check flags: kubelet listens on 10250, not 19250. */
const NOTE = '# 포트\n\nkubelet 포트 :: 19250\n';

const SHOTS = process.env.KUBEDECK_SHOTS;

/** The Import screen's one Kubernetes finding, as the learner reads it, once there is exactly one. */
async function theOneWarning(p: Page): Promise<string> {
  const warnings = p.locator('.warnings li.check-warning');
  await expect.poll(() => warnings.count()).toBe(1);
  return (await warnings.nth(0).textContent()) ?? '';
}

describe.skipIf(!haveChromium)('Kubernetes check findings in the browser', () => {
  const suite = browserSuite();
  let served: Served | undefined;
  const page = (lang: 'ko' | 'en', hash: string): Promise<Page> =>
    suite.open(lang, hash, { width: 1000, height: 760 });

  it('review shows the finding with its source once the answer is shown; Dismiss keeps it away', async () => {
    served = await suite.serve({ lang: 'ko', importFixture: false });
    const dir = join(served.dataDir, 'notes');
    mkdirSync(dir);
    writeFileSync(join(dir, 'ports.md'), NOTE);
    const imported = await served.api<{ warnings: { line: number; kind: string }[] }>('import/run', {
      paths: [dir],
    });
    expect(imported.value!.warnings.map((w) => [w.line, w.kind])).toEqual([[3, 'fact']]);

    const p = await page('ko', 'review');
    await p.getByTestId('card').waitFor();
    // Before the answer the badge would give it away.
    expect(await p.getByTestId('check-badge').count()).toBe(0);
    await p.keyboard.press('Space');
    const badge = p.getByTestId('check-badge');
    await badge.waitFor();
    const text = await badge.textContent();
    expect(text).toContain('Kubernetes와 다름');
    expect(text).toContain('노트에는 19250');
    expect(text).toContain('Kubernetes: 10250');
    expect(text).toContain('kubernetes.io/docs/reference/networking/ports-and-protocols');
    if (SHOTS) await p.screenshot({ path: join(SHOTS, 'review-check-badge-ko.png') });
    await badge.getByRole('button', { name: '무시' }).click();
    await expect.poll(() => p.getByTestId('check-badge').count()).toBe(0);
    // Stored: a fresh load of the same card shows no badge.
    await p.reload();
    await p.getByTestId('card').waitFor();
    await p.keyboard.press('Space');
    await p.getByTestId('answer').waitFor();
    expect(await p.getByTestId('check-badge').count()).toBe(0);
    await p.close();
  });

  it('the Import screen lists each finding with its note line, in English', async () => {
    served = await suite.serve({ lang: 'en', importFixture: false });
    const p = await page('en', 'import');
    await pickNote(p, 'ports.md', `${NOTE}\nNodePort range: 3000-32767\n`);
    await p.getByTestId('import-preview').waitFor();
    const warnings = p.locator('.warnings li.check-warning');
    await expect.poll(() => warnings.count()).toBe(2);
    expect(await warnings.nth(0).textContent()).toMatch(
      /ports\.md:3 .*your note says "19250" · Kubernetes: 10250/,
    );
    expect(await warnings.nth(1).textContent()).toMatch(
      /ports\.md:5 .*NodePort range: your note says "3000-32767"/,
    );
    if (SHOTS) await p.screenshot({ path: join(SHOTS, 'import-check-warnings-en.png'), fullPage: true });
    await p.close();
  });

  it('the Import screen names a field value Kubernetes does not take, in Korean, and makes no card of it', async () => {
    served = await suite.serve({ lang: 'ko', importFixture: false });
    const p = await page('ko', 'import');
    await pickNote(
      p,
      'affinity.md',
      '## sessionAffinity\n\n`sessionAffinity: ClusterIP`로 지정하면 동일한 client의 request는 동일한 pod에 전달된다.\n',
    );
    // The preview holds no card, so it takes no room: wait for it to be there, not to be seen.
    await p.getByTestId('import-preview').waitFor({ state: 'attached' });
    const text = await theOneWarning(p);
    expect(text).toMatch(/affinity\.md:3 /);
    expect(text).toContain('sessionAffinity: ClusterIP');
    expect(text).toContain('None | ClientIP');
    // No card, so no rule to switch off: the rules box is not drawn empty, and the count says where cards could come
    // from instead of asking to untick.
    expect(await p.locator('fieldset.rule-filter').count()).toBe(0);
    expect(await p.getByTestId('preview-count').textContent()).toContain(
      '아래 제안을 체크하면 카드가 됩니다(0장 체크함)',
    );
    // The card that would drill the wrong value is not offered as a card.
    expect(await p.getByTestId('import-preview').textContent()).not.toMatch(/\[\.\.\.\]로 지정하면/);
    if (SHOTS) await p.screenshot({ path: join(SHOTS, 'import-check-enum-ko.png'), fullPage: true });
    await p.close();

    // The same note in English: the count says the same.
    const en = await page('en', 'import');
    await pickNote(
      en,
      'affinity.md',
      '## sessionAffinity\n\n`sessionAffinity: ClusterIP` keeps a client on one pod.\n',
    );
    await en.getByTestId('import-preview').waitFor({ state: 'attached' });
    await expect
      .poll(() => en.getByTestId('preview-count').textContent())
      .toMatch(/^No card (?:comes from these notes at this setting\.|at this setting\. Tick a suggestion)/);
    await en.close();
  });

  it("the Import screen names etcd's port for the role the note gives it, in Korean, and drills neither", async () => {
    served = await suite.serve({ lang: 'ko', importFixture: false });
    const p = await page('ko', 'import');
    await pickNote(p, 'etcd.md', '## 포트\n\n- etcd 클라이언트 -> `2380`\n- kube-apiserver -> `6443`\n');
    await p.getByTestId('import-preview').waitFor();
    const text = await theOneWarning(p);
    expect(text).toMatch(/etcd\.md:3 /);
    expect(text).toContain('노트에는 "2380"');
    expect(text).toContain('2379 (클라이언트), 2380 (피어)');
    // The right port is a card; the wrong role's port is not offered as one.
    const preview = (await p.getByTestId('import-preview').textContent()) ?? '';
    expect(preview).toContain('6443');
    expect(preview).not.toContain('2380');
    if (SHOTS) await p.screenshot({ path: join(SHOTS, 'import-check-etcd-role-ko.png'), fullPage: true });
    await p.close();
  });
});
