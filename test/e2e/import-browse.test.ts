import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, FIXTURE_NOTES, haveChromium, pickNote, type Served } from './harness.ts';

const KOREAN_NOTE = `---
deck: 쿠버네티스 네트워크
---
# 서비스 디스커버리

클러스터 DNS 서비스 이름 :: kube-dns
헤드리스 서비스의 clusterIP :: None
엔드포인트슬라이스 최대 엔드포인트 수 :: 100

파드 CIDR은 어디서 정하나?
=> kube-controller-manager의 --cluster-cidr
`;

describe.skipIf(!haveChromium)('Import and Browse screens in headless Chromium', () => {
  const suite = browserSuite();
  let served: Served | undefined;
  const page = (lang: 'ko' | 'en', hash: string): Promise<Page> => suite.open(lang, hash);

  it('imports a Korean note through the Import screen and finds its card by a Korean search in Browse', async () => {
    served = await suite.serve({ lang: 'ko', importFixture: false });
    const p = await page('ko', 'import');
    await pickNote(p, '서비스.md', KOREAN_NOTE);
    const preview = p.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('쿠버네티스 네트워크');
    // The source line sits beside each card.
    expect(await preview.locator('.src-line').first().textContent()).toBe(
      '클러스터 DNS 서비스 이름 :: kube-dns',
    );
    expect(await p.getByTestId('preview-count').textContent()).toMatch(/4장 중 4장/);
    // Leaving out a whole rule.
    await p.getByTestId('rule-question-answer').uncheck();
    expect(await p.getByTestId('preview-count').textContent()).toMatch(/4장 중 3장/);
    await p.getByTestId('import-go').click();
    await p.getByTestId('import-summary').waitFor();
    expect(await p.getByTestId('summary-new').locator('.tile-value').textContent()).toBe('3');

    await p.goto(`${served.base}#/browse`);
    await p.getByTestId('browse-search').fill('엔드포인트');
    await expect.poll(() => p.getByTestId('browse-list').getAttribute('data-results-for')).toBe('엔드포인트');
    const rows = p.locator('.browse-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('엔드포인트슬라이스 최대 엔드포인트 수');
    // Two syllables: below the trigram size, still found (LIKE).
    await p.getByTestId('browse-search').fill('헤드');
    await expect.poll(() => p.getByTestId('browse-list').getAttribute('data-results-for')).toBe('헤드');
    expect(await rows.first().textContent()).toContain('헤드리스 서비스의 clusterIP');
    await rows.first().click();
    const pane = p.getByTestId('card-pane');
    await expect.poll(() => pane.textContent()).toContain('None');
    expect(await pane.getByTestId('source-mode').textContent()).toContain('노트에서 만든 카드');

    // Uploading the same note again is a re-import: nothing new, three unchanged.
    await p.goto(`${served.base}#/import`);
    await pickNote(p, '서비스.md', KOREAN_NOTE);
    await p.getByTestId('rule-question-answer').uncheck();
    await p.getByTestId('import-go').click();
    await p.getByTestId('import-summary').waitFor();
    expect(await p.getByTestId('summary-new').locator('.tile-value').textContent()).toBe('0');
    expect(await p.getByTestId('summary-unchanged').locator('.tile-value').textContent()).toBe('3');
    await p.close();
  });

  it('imports a picked folder, and the same folder picked again is a re-import (a removed note is suspended)', async () => {
    served = await suite.serve({ lang: 'en', importFixture: false });
    const folder = join(served.dataDir, 'cka-notes');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'a.md'), '서비스 타입 :: ClusterIP\n');
    writeFileSync(join(folder, 'sub', 'b.md'), 'kube-proxy 모드 :: iptables\n');
    writeFileSync(join(folder, 'image.png'), 'not a note');
    const p = await page('en', 'import');
    const importFolder = async () => {
      await p.getByTestId('import-folder').setInputFiles(folder);
      await p.getByTestId('import-preview').waitFor();
      await p.getByTestId('import-go').click();
      await p.getByTestId('import-summary').waitFor();
      const n = async (k: string) =>
        Number(await p.getByTestId(`summary-${k}`).locator('.tile-value').textContent());
      return { new: await n('new'), unchanged: await n('unchanged'), suspended: await n('suspended') };
    };
    expect(await importFolder()).toEqual({ new: 2, unchanged: 0, suspended: 0 });
    rmSync(join(folder, 'sub'), { recursive: true });
    expect(await importFolder()).toEqual({ new: 0, unchanged: 1, suspended: 1 });
    await p.close();
  });

  it('opens the Import screen with Markdown dropped anywhere on the window', async () => {
    served = await suite.serve({ lang: 'en', importFixture: false });
    const p = await page('en', 'decks');
    await p.locator('.topbar').waitFor();
    await p.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.md', { type: 'text/markdown' }));
      document
        .querySelector('main')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true }));
    }, KOREAN_NOTE);
    await p.getByTestId('import-preview').waitFor();
    expect(p.url()).toMatch(/#\/import$/);
    expect(await p.getByTestId('preview-count').textContent()).toMatch(/4 of 4 cards/);
    await p.close();
  });

  it('edits a note-made card in Browse and the note file on disk changes', async () => {
    served = await suite.serve({ lang: 'en', importFixture: false });
    const notes = join(served.dataDir, 'notes');
    mkdirSync(notes);
    // Read as a note written as cards (density all), so that "NodePort 범위: 30000-32767" is a card before the edit and
    // after it: at standard a short gloss like it is a suggestion, for its junk risk.
    const fixture = readFileSync(join(FIXTURE_NOTES, 'cka-networking-ko.md'), 'utf8');
    writeFileSync(join(notes, 'net.md'), `---\ndensity: all\n---\n${fixture}`);
    const r = await served.api('import/run', { paths: [notes] });
    expect(r.ok).toBe(true);
    const p = await page('en', 'browse');
    await p.getByTestId('browse-search').fill('NodePort 범위');
    await expect
      .poll(() => p.getByTestId('browse-list').getAttribute('data-results-for'))
      .toBe('NodePort 범위');
    // One card, counted in the singular.
    await expect.poll(() => p.getByTestId('browse-total').textContent()).toBe('1 card');
    await p.locator('.browse-row').first().click();
    const line = p.getByTestId('source-line');
    await expect.poll(() => line.inputValue()).toBe('NodePort 범위: 30000-32767');
    expect(await p.getByTestId('source-mode').textContent()).toContain('edited in the note');
    expect(await p.getByTestId('source-path').textContent()).toContain(join(notes, 'net.md'));
    // A value Kubernetes agrees with: a card that would drill a wrong one is not made (test/import/known-errors).
    await line.fill('NodePort 범위: 30000-32767 (TCP, UDP)');
    await p.getByTestId('save-source').click();
    await p.getByRole('status').waitFor();
    const text = readFileSync(join(notes, 'net.md'), 'utf8');
    expect(text).toContain('NodePort 범위: 30000-32767 (TCP, UDP)\n');
    expect(text).not.toContain('NodePort 범위: 30000-32767\n');
    await expect
      .poll(() => p.getByTestId('card-pane').locator('.answer').textContent())
      .toContain('30000-32767 (TCP, UDP)');
    // A slip the Kubernetes check knows: the note is saved as written, and the status says the card is gone.
    await line.fill('NodePort 범위: 30000-32768');
    await p.getByTestId('save-source').click();
    await expect.poll(() => p.getByRole('status').textContent()).toContain('no longer makes this card');
    expect(readFileSync(join(notes, 'net.md'), 'utf8')).toContain('NodePort 범위: 30000-32768\n');
    await p.close();
  });

  it('streams import progress as NDJSON lines, then the envelope', async () => {
    served = await suite.serve({ importFixture: false });
    const files = Array.from({ length: 30 }, (_, i) => ({
      path: `n${i}.md`,
      text: `질문 ${i} :: 답 ${i}\n`,
    }));
    const res = await fetch(`${served.base}api/import/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson', cookie: served.cookie },
      body: JSON.stringify({ root: 'notes', files }),
    });
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const progress = lines
      .slice(0, -1)
      .map((l) => `${l.progress.phase} ${l.progress.done}/${l.progress.total}`);
    expect(progress[0]).toBe('read 1/30');
    expect(progress).toContain('read 30/30');
    expect(progress.at(-1)).toBe('write 30/30');
    expect(lines.at(-1)).toMatchObject({ ok: true, value: { summary: { new: 30 } } });
  });

  it('shows the token page, not the app, to a browser that opens the address without the token', async () => {
    served = await suite.serve({ importFixture: false });
    const p = await suite.browser().newPage();
    const res = await p.goto(served.base);
    expect(res?.status()).toBe(401);
    expect(await p.textContent('body')).toContain('open the URL that kubedeck serve printed');
    // With the token the same browser gets the app, and the token leaves the address bar.
    await p.goto(served.url);
    await p.locator('.topbar').waitFor();
    expect(p.url()).toBe(served.base);
    await p.close();
  });
});
