import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openCore } from '../../core/app.ts';
import { killDuringImport, killDuringRatings, mountSmallDisk } from '../support/faults.ts';
import { kubedeckAsync, noteWithCards } from '../support/load.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

vi.setConfig({ testTimeout: 240_000 });

// CI-sized; `npm run bench faults` runs the same trials at full size (>= 20 kills each, 60 s of load).
describe('SIGKILL trials', () => {
  it('an import killed at any moment leaves the database whole, with all of it or none of it', async () => {
    const r = await killDuringImport(tmpDir(), 5, 80, 30);
    console.log(`import kills: ${JSON.stringify(r)}`);
    expect(r.problems).toEqual([]);
    expect(r.landed + r.rolledBack).toBe(r.trials);
  });

  it('a rating burst killed at any moment keeps every acknowledged rating, and the log matches reps', async () => {
    const r = await killDuringRatings(tmpDir(), 6);
    console.log(`rating kills: ${JSON.stringify(r)}`);
    expect(r.problems).toEqual([]);
    expect(r.ratings).toBeGreaterThan(0);
  });
});

describe('a full disk', () => {
  const dir = tmpDir('kubedeck-full-');
  const unmount = mountSmallDisk(dir, '1m');
  afterAll(() => unmount?.());
  if (!unmount)
    it.skip('full disk: cannot mount a small tmpfs here (needs root on Linux); skipped', () => {});

  it.skipIf(!unmount)('says the disk is full in one line, changes nothing and keeps working', async () => {
    const db = join(dir, 'k.sqlite');
    const notes = tmpDir();
    writeFiles(notes, { 'small/a.md': noteWithCards('small', 5) });
    const core = openCore({ dbPath: db, bundled: false });
    await core.call('import/run', { paths: [join(notes, 'small')] });
    core.close();
    // About 3 MB of cards into a 1 MB disk.
    const big: Record<string, string> = {};
    for (let i = 0; i < 60; i++) big[`big/n${i}.md`] = noteWithCards(`big${i}${'x'.repeat(200)}`, 100);
    writeFiles(notes, big);
    mkdirSync(join(notes, 'big'), { recursive: true });
    const r = await kubedeckAsync(['import', join(notes, 'big'), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/disk is full; nothing was changed/);
    expect(r.stderr).not.toMatch(/internal|SQLITE_/);

    const check = new Database(db, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(check.prepare('SELECT count(*) AS n FROM cards').get()).toEqual({ n: 5 });
    check.close();
    const cards = await kubedeckAsync(['cards', '--json', '--db', db]);
    expect(cards.code, cards.stderr).toBe(0);
    const id = (JSON.parse(cards.stdout) as { cards: { id: string }[] }).cards[0]!.id;
    const rate = await kubedeckAsync(['rate', id, 'good', '--early', '--db', db]);
    expect(rate.code, rate.stderr).toBe(0);
  });
});
