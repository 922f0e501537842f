import type { NewCardRow } from './cards.ts';
import type { DB } from './open.ts';
import { stmt } from './statements.ts';

export type SuggestionRow = Omit<NewCardRow, 'ord'> & {
  score: number;
  features: string;
  /** 'junk-risk' for a candidate over the line that the junk cap held back; else null. */
  held_back: string | null;
};
export type StoredSuggestion = Omit<SuggestionRow, 'now'> & { deck: string; created_at: number };

/** A re-read note's suggestions replace the ones it had. */
export function replaceSuggestions(db: DB, noteId: string, rows: SuggestionRow[]): void {
  stmt(db, 'DELETE FROM suggestions WHERE note_id = ?').run(noteId);
  const insert = stmt(
    db,
    `INSERT OR IGNORE INTO suggestions (id, note_id, deck_id, kind, rule, lang, prompt, answer, context, tags,
       source_file, source_line, heading_path, content_key, sibling_key, exercise_id, score, features, held_back,
       created_at)
     VALUES (@id, @note_id, @deck_id, @kind, @rule, @lang, @prompt, @answer, @context, @tags, @source_file,
       @source_line, @heading_path, @content_key, @sibling_key, @exercise_id, @score, @features, @held_back, @now)`,
  );
  for (const r of rows) insert.run(r);
}

const SELECT = 'SELECT s.*, d.name AS deck FROM suggestions s JOIN decks d ON d.id = s.deck_id';

/** Suggestions matching a search, in note order. */
export function listSuggestions(
  db: DB,
  q: { text?: string; deck?: string; rule?: string; offset: number; limit: number },
): { rows: StoredSuggestion[]; more: boolean } {
  const text = q.text?.trim() ? `%${q.text.trim()}%` : null;
  const rows = stmt(
    db,
    `${SELECT}
     WHERE (@text IS NULL OR s.prompt LIKE @text OR s.answer LIKE @text)
       AND (@deck IS NULL OR d.name = @deck OR d.name LIKE @deck || '::%')
       AND (@rule IS NULL OR s.rule = @rule)
     ORDER BY s.source_file, s.source_line, s.id LIMIT @limit OFFSET @offset`,
  ).all({
    text,
    deck: q.deck ?? null,
    rule: q.rule ?? null,
    limit: q.limit + 1,
    offset: q.offset,
  }) as StoredSuggestion[];
  return { rows: rows.slice(0, q.limit), more: rows.length > q.limit };
}

export function getSuggestion(db: DB, id: string): StoredSuggestion | undefined {
  return stmt(db, `${SELECT} WHERE s.id = ?`).get(id) as StoredSuggestion | undefined;
}

export function deleteSuggestion(db: DB, id: string): void {
  stmt(db, 'DELETE FROM suggestions WHERE id = ?').run(id);
}

export function countSuggestions(db: DB): number {
  return (stmt(db, 'SELECT count(*) AS n FROM suggestions').get() as { n: number }).n;
}
