import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../db/migrations.ts';
import { openDatabase } from '../../db/open.ts';
import { tmpDir } from '../support/tmp.ts';

const REAL = join(import.meta.dirname, '..', '..', 'db', 'migrations');

describe('migration 0004: covering queue index', () => {
  it('keeps every card and lets the due count read the index alone', () => {
    const dir = tmpDir();
    const mig = join(dir, 'm');
    mkdirSync(mig);
    for (const f of readdirSync(REAL).filter((f) => f < '0004')) copyFileSync(join(REAL, f), join(mig, f));
    const path = join(dir, 'k.sqlite');
    const v3 = openDatabase(path, { migrations: loadMigrations(mig) });
    v3.db.prepare("INSERT INTO decks (id, name, created_at) VALUES ('d', 'd', 0)").run();
    const ins = v3.db.prepare(
      `INSERT INTO cards (id, deck_id, kind, rule, lang, prompt, answer, content_key, sibling_key, state, due, created_at, updated_at)
       VALUES (?, 'd', 'basic', 'explicit-basic', 'en', 'q', 'a', ?, ?, 2, ?, 0, 0)`,
    );
    for (let i = 0; i < 50; i++) ins.run(`c${i}`, `k${i}`, `s${i}`, i * 1000);
    v3.db.close();

    const v4 = openDatabase(path);
    expect(v4.migratedFrom).toBe(3);
    expect(v4.db.prepare('SELECT count(*) n FROM cards WHERE state = 2').get()).toEqual({ n: 50 });
    const plan = (
      v4.db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT count(*) FROM cards WHERE state = 2 AND due <= ? AND suspended = 0
           AND (buried_until IS NULL OR buried_until <= ?)`,
        )
        .all(10_000, 10_000) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/COVERING INDEX cards_queue_due/);
    v4.db.close();
  });
});
