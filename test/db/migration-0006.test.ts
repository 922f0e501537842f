import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../db/migrations.ts';
import { openDatabase } from '../../db/open.ts';
import { tmpDir } from '../support/tmp.ts';

const REAL = join(import.meta.dirname, '..', '..', 'db', 'migrations');
const plan = (db: ReturnType<typeof openDatabase>['db'], sql: string, ...args: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');

describe('migration 0006: card verdicts and suggestions', () => {
  it('keeps every card and note, and reads verdicts and suggestions by their indexes', () => {
    const dir = tmpDir();
    const mig = join(dir, 'm');
    mkdirSync(mig);
    for (const f of readdirSync(REAL).filter((f) => f < '0006')) copyFileSync(join(REAL, f), join(mig, f));
    const path = join(dir, 'k.sqlite');
    const v5 = openDatabase(path, { migrations: loadMigrations(mig) });
    v5.db.prepare("INSERT INTO decks (id, name, created_at) VALUES ('d', 'd', 0)").run();
    v5.db
      .prepare(
        "INSERT INTO notes (id, source_file, deck_id, content_hash, lang, imported_at) VALUES ('n', '/a.md', 'd', 'h', 'en', 0)",
      )
      .run();
    const ins = v5.db.prepare(
      `INSERT INTO cards (id, deck_id, note_id, kind, rule, lang, prompt, answer, content_key, sibling_key, source_file, created_at, updated_at)
       VALUES (?, 'd', 'n', 'basic', 'term-definition', 'en', 'q', 'a', ?, ?, '/a.md', 0, 0)`,
    );
    for (let i = 0; i < 20; i++) ins.run(`c${i}`, `k${i}`, `s${i}`);
    v5.db.close();

    const v6 = openDatabase(path);
    expect(v6.migratedFrom).toBe(5);
    const { db } = v6;
    expect(db.prepare('SELECT count(*) n FROM cards').get()).toEqual({ n: 20 });
    expect(db.prepare('SELECT count(*) n FROM card_verdicts').get()).toEqual({ n: 0 });
    expect(plan(db, 'SELECT verdict FROM card_verdicts WHERE content_key = ?', 'k1')).toMatch(
      /USING INDEX sqlite_autoindex_card_verdicts_1/,
    );
    expect(
      plan(
        db,
        "SELECT rule, count(*) FROM card_verdicts WHERE source_file = ? AND verdict IN ('deleted', 'bad') GROUP BY rule",
        '/a.md',
      ),
    ).toMatch(/INDEX card_verdicts_source_rule/);
    expect(plan(db, 'DELETE FROM suggestions WHERE note_id = ?', 'n')).toMatch(/INDEX suggestions_note/);
    // A note's suggestions go with the note.
    db.prepare(
      `INSERT INTO suggestions (id, note_id, deck_id, kind, rule, lang, prompt, answer, source_file, source_line, content_key, sibling_key, score, created_at)
       VALUES ('s1', 'n', 'd', 'basic', 'code-comment', 'en', 'q', 'a', '/a.md', 3, 'k', 's', 0.5, 0)`,
    ).run();
    db.prepare('DELETE FROM cards').run();
    db.prepare("DELETE FROM notes WHERE id = 'n'").run();
    expect(db.prepare('SELECT count(*) n FROM suggestions').get()).toEqual({ n: 0 });
    db.close();
  });
});
