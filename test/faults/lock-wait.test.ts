/**
 * Issue #22 (7): a write lock held by another process (a long import) makes no command fail: the open-time
 * bookkeeping (the day's check date) is skipped instead of failing after busy_timeout, and every write waits.
 */
import { describe, expect, it } from 'vitest';
import { databaseWithCards, holdWriteLock, kubedeckAsync } from '../support/load.ts';
import { tmpDir } from '../support/tmp.ts';

describe('a write lock held by another process (issue #22, 7)', () => {
  it('decks answers at once and rate waits, both exit 0 without "locked"', async () => {
    const { db, id } = await databaseWithCards(tmpDir());
    // Another process writes a row and keeps the write lock.
    const { released } = await holdWriteLock(db, 7000, { write: true });
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
