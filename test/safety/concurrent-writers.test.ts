import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { concurrentLoad, formatLoad, kubedeckAsync, noteWithCards } from '../support/load.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

describe('serve and the CLI writing one database at once (defect 1)', () => {
  it('loses no write and shows no user an error in ~10 s of HTTP rate/grade against CLI rate/grade/import', async () => {
    const r = await concurrentLoad(tmpDir(), 10);
    console.log(formatLoad(r));
    for (const [name, s] of Object.entries(r.ops)) {
      expect(s.errors, name).toEqual([]);
      expect(s.ok, name).toBeGreaterThan(0);
    }
    expect(r.integrity).toBe('ok');
    expect(r.reviewLog.found).toBe(r.reviewLog.expected);
    expect(r.repsSum).toBe(r.reviewLog.expected);
    expect(r.attempts.found).toBe(r.attempts.expected);
  }, 90_000);
});

describe('a writer that holds the lock longer than busy_timeout', () => {
  it('makes kubedeck rate wait and retry, never print "database is locked"', async () => {
    const dir = tmpDir();
    const db = join(dir, 'k.sqlite');
    writeFiles(dir, { 'n.md': noteWithCards('lock', 3) });
    expect((await kubedeckAsync(['import', join(dir, 'n.md'), '--db', db])).code).toBe(0);
    const listed = JSON.parse((await kubedeckAsync(['cards', '--json', '--db', db])).stdout);
    const id = (listed as { cards: { id: string }[] }).cards[0]!.id;
    // Another process takes the write lock for 6.5 s, past the 5 s busy_timeout of the first attempt.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D=require('better-sqlite3');const d=new D(${JSON.stringify(db)});d.exec('BEGIN IMMEDIATE');` +
          `console.log('held');setTimeout(()=>{d.exec('COMMIT');d.close()},6500)`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((ok) => holder.stdout.once('data', ok));
    const r = await kubedeckAsync(['rate', id, 'good', '--early', '--db', db]);
    expect(r.stderr).not.toMatch(/locked/);
    expect(r.code).toBe(0);
    expect(r.ms).toBeGreaterThan(5000);
  }, 60_000);
});
