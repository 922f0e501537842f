import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../db/migrations.ts';
import { checksOfCard, dismissCheck, replaceNoteChecks } from '../../db/note-checks.ts';
import { openDatabase } from '../../db/open.ts';
import { tmpDir } from '../support/tmp.ts';

const REAL = join(import.meta.dirname, '..', '..', 'db', 'migrations');

describe('migration 0007: note checks and their dismissals', () => {
  it('keeps every card, and a card reads its findings through the note index', () => {
    const dir = tmpDir();
    const mig = join(dir, 'm');
    mkdirSync(mig);
    for (const f of readdirSync(REAL).filter((f) => f < '0007')) copyFileSync(join(REAL, f), join(mig, f));
    const path = join(dir, 'k.sqlite');
    const v6before = openDatabase(path, { migrations: loadMigrations(mig) });
    v6before.db.prepare("INSERT INTO decks (id, name, created_at) VALUES ('d', 'd', 0)").run();
    v6before.db
      .prepare(
        "INSERT INTO notes (id, source_file, deck_id, content_hash, lang, imported_at) VALUES ('n', '/n.md', 'd', 'h', 'ko', 0)",
      )
      .run();
    v6before.db
      .prepare(
        `INSERT INTO cards (id, deck_id, note_id, kind, rule, lang, prompt, answer, source_line, content_key, sibling_key, due, created_at, updated_at)
         VALUES ('c', 'd', 'n', 'basic', 'explicit-basic', 'ko', 'kubelet 포트', '19250', 3, 'k', 's', 0, 0, 0)`,
      )
      .run();
    v6before.db.close();

    const v6 = openDatabase(path);
    expect(v6.migratedFrom).toBe(6);
    expect(v6.db.prepare('SELECT count(*) n FROM cards').get()).toEqual({ n: 1 });
    replaceNoteChecks(v6.db, 'n', [
      {
        line: 3,
        block_line: null,
        kind: 'fact',
        check_key: 'port.kubelet\u000019250',
        said: '19250',
        kubernetes_en: '10250',
        kubernetes_ko: '10250',
        about_en: 'kubelet API port',
        about_ko: 'kubelet API 포트',
        source: 'https://kubernetes.io/docs/reference/networking/ports-and-protocols/',
      },
    ]);
    dismissCheck(v6.db, 'c', 'port.kubelet\u000019250', 1);
    expect(checksOfCard(v6.db, 'c').map((r) => [r.said, r.dismissed])).toEqual([['19250', 1]]);
    const plan = (
      v6.db.prepare('EXPLAIN QUERY PLAN SELECT * FROM note_checks WHERE note_id = ?').all('n') as {
        detail: string;
      }[]
    )
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/INDEX note_checks_note/);
    // A note deleted takes its findings with it; a card deleted, its dismissals.
    v6.db.prepare('DELETE FROM cards').run();
    expect(v6.db.prepare('SELECT count(*) n FROM check_dismissals').get()).toEqual({ n: 0 });
    v6.db.prepare('DELETE FROM notes').run();
    expect(v6.db.prepare('SELECT count(*) n FROM note_checks').get()).toEqual({ n: 0 });
    v6.db.close();
  });
});
