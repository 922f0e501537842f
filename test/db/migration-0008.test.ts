import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extraDeckNames, setExtraDecks } from '../../db/card-decks.ts';
import { loadMigrations } from '../../db/migrations.ts';
import { openDatabase } from '../../db/open.ts';
import { tmpDir } from '../support/tmp.ts';

const REAL = join(import.meta.dirname, '..', '..', 'db', 'migrations');

describe('migration 0008: a card in more than one deck', () => {
  it('keeps every card in its deck, files one in another deck through the deck index, and forgets it with the card', () => {
    const dir = tmpDir();
    const mig = join(dir, 'm');
    mkdirSync(mig);
    for (const f of readdirSync(REAL).filter((f) => f < '0008')) copyFileSync(join(REAL, f), join(mig, f));
    const path = join(dir, 'k.sqlite');
    const v7 = openDatabase(path, { migrations: loadMigrations(mig) }).db;
    v7.prepare("INSERT INTO decks (id, name, created_at) VALUES ('dns', 'dns', 0), ('net', 'net', 0)").run();
    v7.prepare(
      `INSERT INTO cards (id, deck_id, kind, rule, lang, prompt, answer, content_key, sibling_key, created_at, updated_at)
       VALUES ('c', 'dns', 'basic', 'explicit-basic', 'en', 'ndots', '5', 'k', 's', 0, 0)`,
    ).run();
    v7.prepare(
      "INSERT INTO cards_deleted (card_id, card, logs, attempts, deleted_at) VALUES ('x', '{}', '[]', '[]', 0)",
    ).run();
    v7.close();

    const v8 = openDatabase(path);
    expect(v8.migratedFrom).toBe(7);
    const db = v8.db;
    expect(db.prepare('SELECT id, deck_id FROM cards').all()).toEqual([{ id: 'c', deck_id: 'dns' }]);
    expect(db.prepare('SELECT decks FROM cards_deleted').all()).toEqual([{ decks: '[]' }]);
    expect(extraDeckNames(db, 'c')).toEqual([]);
    expect(setExtraDecks(db, 'c', 'dns', ['net', 'dns'])).toBe(true);
    expect(setExtraDecks(db, 'c', 'dns', ['net'])).toBe(false);
    expect(extraDeckNames(db, 'c')).toEqual(['net']);
    const plan = (
      db.prepare('EXPLAIN QUERY PLAN SELECT card_id FROM card_decks WHERE deck_id = ?').all('net') as {
        detail: string;
      }[]
    )
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/card_decks_deck/);
    db.prepare("DELETE FROM cards WHERE id = 'c'").run();
    expect(db.prepare('SELECT count(*) AS n FROM card_decks').get()).toEqual({ n: 0 });
    db.close();
  });
});
