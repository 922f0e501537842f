import type { DB } from './open.ts';
import { stmt } from './statements.ts';

export type NoteRow = {
  id: string;
  source_file: string;
  deck_id: string;
  content_hash: string;
  card_count: number;
};

export function allNotes(db: DB): NoteRow[] {
  return db
    .prepare('SELECT id, source_file, deck_id, content_hash, card_count FROM notes')
    .all() as NoteRow[];
}

export function upsertNote(
  db: DB,
  n: {
    id: string;
    source: string;
    deckId: string;
    hash: string;
    lang: string;
    cardCount: number;
    now: number;
  },
): void {
  stmt(
    db,
    `INSERT INTO notes (id, source_file, deck_id, content_hash, lang, card_count, imported_at)
     VALUES (@id, @source, @deckId, @hash, @lang, @cardCount, @now)
     ON CONFLICT(source_file) DO UPDATE SET deck_id = @deckId, content_hash = @hash, lang = @lang,
       card_count = @cardCount, imported_at = @now`,
  ).run(n);
}

export function deleteNote(db: DB, id: string): void {
  db.prepare('DELETE FROM notes WHERE id = ?').run(id);
}

/** Notes that no card points to any more (every card moved to another file). */
export function deleteEmptyNotes(db: DB): void {
  db.prepare(`DELETE FROM notes WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.note_id = notes.id)
       AND NOT EXISTS (SELECT 1 FROM suggestions s WHERE s.note_id = notes.id)`).run();
}

/** Records a fresh file stamp for a note whose content did not change (touched, copied back, checked out). */
export function restampNote(db: DB, id: string, hash: string): void {
  stmt(db, 'UPDATE notes SET content_hash = ? WHERE id = ?').run(hash, id);
}

/** The same note found at another path (core/import/same-note.ts): it keeps its id, and with it its cards. */
export function moveNote(db: DB, id: string, source: string): void {
  stmt(db, 'UPDATE notes SET source_file = ? WHERE id = ?').run(source, id);
}
