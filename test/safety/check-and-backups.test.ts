import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { openCore } from '../../core/app.ts';
import { backupsToPrune, KEEP } from '../../core/backup-policy.ts';
import { kubedeck } from '../support/cli.ts';
import { noteWithCards } from '../support/load.ts';
import { startApiServer } from '../support/serve.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

vi.setConfig({ testTimeout: 120_000 });
const T0 = new Date('2026-03-01T09:00:00Z');
const MIN = 60_000;

async function seeded(dir: string, now = T0) {
  const db = join(dir, 'k.sqlite');
  writeFiles(dir, { 'notes/n.md': noteWithCards('seed', 6) });
  const core = openCore({ dbPath: db, bundled: false, now: () => now });
  await core.call('import/run', { paths: [join(dir, 'notes')] });
  const cards = await core.call('cards/list', {});
  for (const c of cards.slice(0, 3))
    await core.call('review/rate', { cardId: c.id, rating: 'good', early: true });
  core.close();
  return { db, ids: cards.map((c) => c.id) };
}
const backupsOf = (db: string) =>
  existsSync(join(db, '..', 'backups'))
    ? readdirSync(join(db, '..', 'backups')).filter((f) => f.endsWith('.sqlite'))
    : [];

describe('kubedeck check', () => {
  it('finds rows that point nowhere and FSRS values out of range, backs up, repairs what is safe and reports each fix', async () => {
    const dir = tmpDir();
    const { db, ids } = await seeded(dir);
    const raw = new Database(db);
    raw.pragma('foreign_keys = OFF');
    raw.prepare("UPDATE cards SET deck_id = 'nowhere' WHERE id = ?").run(ids[0]);
    raw.prepare("UPDATE cards SET note_id = 'gone' WHERE id = ?").run(ids[1]);
    raw.prepare('UPDATE cards SET state = 7 WHERE id = ?').run(ids[2]);
    raw
      .prepare('UPDATE cards SET state = 2, difficulty = 42, stability = -1, due = ? WHERE id = ?')
      .run(T0.getTime(), ids[3]);
    raw
      .prepare('UPDATE cards SET state = 2, stability = 3, difficulty = 5, due = 5 WHERE id = ?')
      .run(ids[4]);
    raw
      .prepare(
        'UPDATE cards SET state = 2, stability = 3, difficulty = 5, due = ?, scheduled_days = 9 WHERE id = ?',
      )
      .run(Date.UTC(3000, 0, 1), ids[5]);
    raw
      .prepare(
        "INSERT INTO review_log (card_id, rating, state_before, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days, elapsed_ms, reviewed_at) VALUES ('ghost', 3, 0, 0, 1, 5, 0, 0, 1, 0, 0)",
      )
      .run();
    raw
      .prepare(
        "INSERT INTO review_undo (card_id, review_log_id, card_before, created_at) VALUES ('ghost', 99999, '{}', 0)",
      )
      .run();
    raw.close();

    const dry = kubedeck(['check', '--dry-run', '--json', '--db', db, '--now', T0.toISOString()]);
    expect(dry.code, dry.stderr).toBe(0);
    const seen = dry.json() as {
      problems: { kind: string; count: number; fixed: boolean }[];
      backup: string | null;
    };
    expect(seen.backup).toBeNull();
    expect(seen.problems.every((p) => !p.fixed)).toBe(true);
    expect(Object.fromEntries(seen.problems.map((p) => [p.kind, p.count]))).toEqual({
      'card-without-deck': 1,
      'card-without-note': 1,
      'log-without-card': 1,
      'undo-past-card': 1,
      'memory-state': 1,
      'memory-range': 1,
      'due-far-past': 1,
      'due-far-future': 1,
    });

    const fixed = kubedeck(['check', '--db', db, '--now', T0.toISOString()]);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stdout).toMatch(/fixed: 1 cards pointed to a missing deck/);
    expect(fixed.stdout).toMatch(/found: 1 review-log rows of cards that no longer exist: left as they are/);
    expect(fixed.stdout).toMatch(/backup before the repairs: .*before-check\.sqlite/);
    expect(backupsOf(db).some((f) => f.includes('before-check'))).toBe(true);

    const after = new Database(db, { readonly: true });
    const card = (id: string) =>
      after.prepare('SELECT * FROM cards WHERE id = ?').get(id) as Record<string, number | string | null>;
    expect(after.prepare('SELECT name FROM decks WHERE id = ?').get(card(ids[0]!).deck_id)).toEqual({
      name: 'Recovered',
    });
    expect(card(ids[1]!).note_id).toBeNull();
    expect(card(ids[2]!)).toMatchObject({ state: 0, due: null });
    expect(card(ids[3]!)).toMatchObject({ difficulty: 10, stability: 0.01 });
    expect(card(ids[4]!).due).toBe(T0.getTime());
    expect(card(ids[5]!).due).toBe(T0.getTime() + 9 * 86_400_000);
    expect(after.prepare('SELECT count(*) AS n FROM review_undo').get()).toEqual({ n: 3 });
    expect(after.prepare("SELECT count(*) AS n FROM review_log WHERE card_id = 'ghost'").get()).toEqual({
      n: 1,
    });
    after.close();

    const again = kubedeck(['check', '--json', '--db', db, '--now', T0.toISOString()]);
    expect((again.json() as { problems: { kind: string }[] }).problems.map((p) => p.kind)).toEqual([
      'log-without-card',
    ]);
  });
});

describe('backup retention', () => {
  it('keeps the last day, then 12 daily, 10 weekly and 9 monthly backups', () => {
    const now = new Date('2027-06-30T12:00:00Z');
    // One backup every 6 hours for two years.
    const all = Array.from({ length: 4 * 730 }, (_, i) => ({
      takenAt: new Date(now.getTime() - i * 6 * 60 * MIN),
    }));
    const prune = new Set(backupsToPrune(all, now));
    const kept = all.filter((b) => !prune.has(b));
    const recent = kept.filter((b) => now.getTime() - b.takenAt.getTime() < 86_400_000);
    expect(recent).toHaveLength(4);
    expect(kept.length).toBe(4 + KEEP.daily + KEEP.weekly + KEEP.monthly);
    const oldest = kept.at(-1)!.takenAt;
    expect(now.getTime() - oldest.getTime()).toBeGreaterThan(240 * 86_400_000);
    // Applying it again deletes nothing more.
    expect(backupsToPrune(kept, now)).toEqual([]);
  });
});

describe('automatic backups', () => {
  it('backs up on close at most every 30 minutes of use, and only after changes', async () => {
    const dir = tmpDir();
    const { db, ids } = await seeded(dir);
    const session = async (at: Date, write: boolean) => {
      const core = openCore({ dbPath: db, bundled: false, now: () => at });
      if (write) await core.call('review/rate', { cardId: ids[5]!, rating: 'good', early: true });
      else await core.call('decks/list', {});
      await core.shutdown();
      return backupsOf(db).length;
    };
    expect(await session(new Date(T0.getTime() + 1 * MIN), true)).toBe(1);
    expect(await session(new Date(T0.getTime() + 11 * MIN), true)).toBe(1);
    expect(await session(new Date(T0.getTime() + 120 * MIN), false)).toBe(1);
    expect(await session(new Date(T0.getTime() + 32 * MIN), true)).toBe(2);
  });

  it('backs up a long-running app once it is idle, without stopping it answering', async () => {
    const dir = tmpDir();
    const { db, ids } = await seeded(dir);
    const core = openCore({ dbPath: db, bundled: false });
    await core.call('review/rate', { cardId: ids[5]!, rating: 'good', early: true });
    expect(backupsOf(db)).toHaveLength(0);
    await vi.waitFor(() => expect(backupsOf(db)).toHaveLength(1), { timeout: 10_000, interval: 100 });
    await core.call('review/rate', { cardId: ids[4]!, rating: 'good', early: true });
    core.close();
  });

  it('backs up before a migration, through the same backups folder', async () => {
    // Covered in detail by test/db/open.test.ts; here: the file lands in backups/ with the version in its name.
    const dir = tmpDir();
    const { db } = await seeded(dir);
    const raw = new Database(db);
    // Back to schema 4: undo what migrations 0005 (the search index) and 0006 (verdicts, suggestions) made.
    raw.pragma('user_version = 4');
    raw.exec(`DROP TRIGGER IF EXISTS cards_fts_insert; DROP TRIGGER IF EXISTS cards_fts_delete;
      DROP TRIGGER IF EXISTS cards_fts_update; DROP TABLE IF EXISTS cards_fts; DROP INDEX IF EXISTS cards_ord;
      DROP TABLE IF EXISTS cards_deleted;
      DROP TABLE IF EXISTS card_verdicts; DROP TABLE IF EXISTS suggestions;`);
    raw.close();
    const r = kubedeck(['decks', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(backupsOf(db).some((f) => /before-v\d+\.sqlite$/.test(f))).toBe(true);
  });
});

describe('backups over the API (for the Settings screen)', () => {
  it('lists, takes and restores backups by name; refuses paths', async () => {
    const dir = tmpDir();
    const { db, ids } = await seeded(dir);
    const server = await startApiServer(db);
    try {
      const made = await server.post('backups/create', {});
      expect(made.ok).toBe(true);
      const taken = made.value as { name: string; cards: number; reviews: number };
      expect(taken).toMatchObject({ cards: 6, reviews: 3 });
      await server.post('review/rate', { cardId: ids[5], rating: 'again', early: true });
      const list = await server.post('backups/list', {});
      expect((list.value as { name: string }[]).map((b) => b.name)).toContain(taken.name);
      for (const name of ['../k.sqlite', '/etc/passwd', 'nope.sqlite']) {
        const bad = await server.post('backups/restore', { name });
        expect(bad.ok, name).toBe(false);
      }
      const restored = await server.post('backups/restore', { name: taken.name });
      expect(restored.ok, JSON.stringify(restored)).toBe(true);
      const cards = (await server.post('cards/list', {})).value as { id: string }[];
      expect(cards).toHaveLength(6);
      const stats = await server.post('stats/summary', {});
      expect(stats.ok).toBe(true);
      const names = ((await server.post('backups/list', {})).value as { reason: string }[]).map(
        (b) => b.reason,
      );
      expect(names).toContain('before-restore');
    } finally {
      await server.stop();
    }
    const check = new Database(db, { readonly: true });
    expect(check.prepare('SELECT count(*) AS n FROM review_log').get()).toEqual({ n: 3 });
    check.close();
  });
});
