import type { DB } from './open.ts';
import { stmt } from './statements.ts';

/** One finding of the Kubernetes check as stored for a note. */
export type NoteCheckRow = {
  line: number;
  block_line: number | null;
  kind: 'fact' | 'manifest' | 'outdated';
  check_key: string;
  said: string;
  kubernetes_en: string;
  kubernetes_ko: string;
  about_en: string;
  about_ko: string;
  source: string;
};

/**
 * The note's findings, as of the parse that just happened: the old ones go, whatever they were. A note removed
 * meanwhile (it made no cards) keeps none.
 */
export function replaceNoteChecks(db: DB, noteId: string, rows: readonly NoteCheckRow[]): void {
  stmt(db, 'DELETE FROM note_checks WHERE note_id = ?').run(noteId);
  const ins = stmt(
    db,
    `INSERT INTO note_checks (note_id, line, block_line, kind, check_key, said, kubernetes_en, kubernetes_ko, about_en, about_ko, source)
     SELECT @note_id, @line, @block_line, @kind, @check_key, @said, @kubernetes_en, @kubernetes_ko, @about_en, @about_ko, @source
      WHERE EXISTS (SELECT 1 FROM notes WHERE id = @note_id)`,
  );
  for (const r of rows) ins.run({ ...r, note_id: noteId });
}

/**
 * The findings a card shows: those on its own line, those of the manifest it asks (it starts at the card's line),
 * and those a card a few lines below its heading repeats word for word (a list or table card holding the item).
 */
export function checksOfCard(db: DB, cardId: string): (NoteCheckRow & { dismissed: number })[] {
  return stmt(
    db,
    `SELECT DISTINCT nc.line, nc.block_line, nc.kind, nc.check_key, nc.said, nc.kubernetes_en, nc.kubernetes_ko,
            nc.about_en, nc.about_ko, nc.source,
            EXISTS (SELECT 1 FROM check_dismissals d WHERE d.card_id = c.id AND d.check_key = nc.check_key) AS dismissed
       FROM cards c JOIN note_checks nc ON nc.note_id = c.note_id
      WHERE c.id = ?
        AND (nc.line = c.source_line OR nc.block_line = c.source_line
             OR (length(nc.said) >= 3 AND nc.line BETWEEN c.source_line AND c.source_line + 30
                 AND instr(c.prompt || char(10) || c.answer, nc.said) > 0))
      ORDER BY nc.line, nc.check_key`,
  ).all(cardId) as (NoteCheckRow & { dismissed: number })[];
}

export function dismissCheck(db: DB, cardId: string, key: string, now: number): void {
  stmt(
    db,
    'INSERT INTO check_dismissals (card_id, check_key, dismissed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  ).run(cardId, key, now);
}

export function undismissCheck(db: DB, cardId: string, key: string): void {
  stmt(db, 'DELETE FROM check_dismissals WHERE card_id = ? AND check_key = ?').run(cardId, key);
}
