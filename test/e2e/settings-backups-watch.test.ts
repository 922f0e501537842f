import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserSuite, haveChromium, type Served } from './harness.ts';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

describe.skipIf(!haveChromium)('Settings › Backups and Watched folders in headless Chromium', () => {
  const suite = browserSuite();
  let served: Served | undefined;
  const temps: string[] = [];
  afterAll(() => {
    for (const d of temps) rmSync(d, { recursive: true, force: true });
  });

  it('takes a backup, restores it after the confirm step and reports success', async () => {
    served = await suite.serve({ lang: 'en' });
    // The fixture import changed a database that has no backup yet, so serve takes one by itself once calls pause
    // for a second. On a loaded machine that pause can fall inside this test and add a row the counts below do not
    // expect; a backup taken now means none is due while it runs.
    const taken = await served.api('backups/create', {});
    if (!taken.ok) throw new Error(taken.error?.message);
    const page = await suite.browser().newPage({ locale: 'en-US' });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.accept();
    });
    await page.goto(`${served.url}#/settings`);
    const panel = page.getByTestId('backups');
    await panel.waitFor();
    const rows = panel.getByTestId('backup-row');
    // The panel shows before its list has come: count the rows once they are all there, as the core lists them.
    const listed = await served.api<unknown[]>('backups/list', {});
    if (!listed.ok) throw new Error(listed.error?.message);
    const before = listed.value?.length ?? 0;
    expect(before).toBeGreaterThan(0);
    await poll(() => rows.count()).toBe(before);
    await panel.getByRole('button', { name: 'Back up now' }).click();
    await poll(() => rows.count()).toBe(before + 1);
    await expect(panel.getByTestId('backup-message').textContent()).resolves.toContain('Backup taken');
    await expect(rows.first().textContent()).resolves.toContain('Taken by you');

    await rows.first().getByRole('button', { name: 'Restore' }).click();
    await poll(() => panel.getByTestId('backup-message').textContent()).toContain('Restored the backup');
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]).toContain('Restore the backup taken');
    // Restoring backed up the state before it: one more row, newest first, saying why.
    await poll(() => rows.count()).toBe(before + 2);
    await expect(rows.first().textContent()).resolves.toContain('Before a restore');
    // Settings were read again and the form is still there.
    await page.locator('#setting-newPerDay').waitFor();
    await page.close();
  }, 60_000);

  it('adds a watched folder typed as a path, lists it, then removes it', async () => {
    served = await suite.serve({ lang: 'ko' });
    const notes = mkdtempSync(join(tmpdir(), 'kubedeck-watch-'));
    temps.push(notes);
    writeFileSync(join(notes, 'pods.md'), '# Pods\n\n## What is a Pod?\n\nThe smallest deployable unit.\n');
    const page = await suite.browser().newPage({ locale: 'ko-KR' });
    await page.goto(`${served.url}#/settings`);
    const panel = page.getByTestId('watch');
    await panel.waitFor();
    // The panel shows before its list has loaded; the empty state says the list is in.
    await panel.getByText('감시 중인 폴더가 없습니다.').waitFor();
    await panel.getByTestId('watch-input').fill(notes);
    await panel.getByTestId('watch-add').click();
    const folders = panel.getByTestId('watch-folder');
    await poll(() => folders.count()).toBe(1);
    await expect(folders.first().textContent()).resolves.toContain(notes);
    await expect(panel.getByTestId('watch-input').inputValue()).resolves.toBe('');
    const listed = await served.api<{ folders: string[] }>('watch/list', {});
    expect(listed.value?.folders).toContain(notes);

    await folders.first().getByRole('button', { name: '제거' }).click();
    await poll(() => folders.count()).toBe(0);
    await panel.getByText('감시 중인 폴더가 없습니다.').waitFor();
    const after = await served.api<{ folders: string[] }>('watch/list', {});
    expect(after.value?.folders).toEqual([]);
    await page.close();
  }, 60_000);
});
