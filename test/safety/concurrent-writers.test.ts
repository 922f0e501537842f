import { describe, expect, it } from 'vitest';
import {
  concurrentLoad,
  databaseWithCards,
  formatLoad,
  holdWriteLock,
  kubedeckAsync,
} from '../support/load.ts';
import { tmpDir } from '../support/tmp.ts';

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
    const { db, id } = await databaseWithCards(tmpDir());
    // Another process takes the write lock for 6.5 s, past the 5 s busy_timeout of the first attempt.
    await holdWriteLock(db, 6500);
    const r = await kubedeckAsync(['rate', id, 'good', '--early', '--db', db]);
    expect(r.stderr).not.toMatch(/locked/);
    expect(r.code).toBe(0);
    expect(r.ms).toBeGreaterThan(5000);
  }, 60_000);
});
