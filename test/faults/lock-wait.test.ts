/**
 * Issue #22 (7): a write lock held by another process (a long import) makes no command fail: the open-time
 * bookkeeping (the day's check date) is skipped instead of failing after busy_timeout, and every write waits.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubedeckAsync, noteWithCards } from '../support/load.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

/** Another process writes a row and keeps the write lock for `ms`. */
async function holdWriteLock(db: string, ms: number): Promise<{ released: Promise<unknown> }> {
  const holder = spawn(
    process.execPath,
    [
      '-e',
      `const D=require('better-sqlite3');const d=new D(${JSON.stringify(db)});d.exec('BEGIN IMMEDIATE');` +
        `d.prepare("INSERT OR REPLACE INTO settings(key, value) VALUES ('probe.lock', '1')").run();` +
        `console.log('held');setTimeout(()=>{d.exec('COMMIT');d.close()},${ms})`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise((ok) => holder.stdout.once('data', ok));
  return { released: new Promise((done) => holder.once('exit', done)) };
}

describe('a write lock held by another process (issue #22, 7)', () => {
  it('decks answers at once and rate waits, both exit 0 without "locked"', async () => {
    const dir = tmpDir();
    const db = join(dir, 'k.sqlite');
    writeFiles(dir, { 'n.md': noteWithCards('lock', 3) });
    expect((await kubedeckAsync(['import', join(dir, 'n.md'), '--db', db])).code).toBe(0);
    const listed = JSON.parse((await kubedeckAsync(['cards', '--json', '--db', db])).stdout);
    const id = (listed as { cards: { id: string }[] }).cards[0]!.id;
    const { released } = await holdWriteLock(db, 7000);
    // A new day: the first open checks the file and then saves the check date, a write.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const [decks, rate] = await Promise.all([
      kubedeckAsync(['decks', '--db', db, '--now', tomorrow]),
      kubedeckAsync(['rate', id, 'good', '--early', '--db', db, '--now', tomorrow]),
    ]);
    expect(decks.stderr).not.toMatch(/locked|busy/);
    expect(decks.code).toBe(0);
    expect(decks.ms).toBeLessThan(4500);
    expect(rate.stderr).not.toMatch(/locked|busy/);
    expect(rate.code).toBe(0);
    await released;
  }, 60_000);
});
