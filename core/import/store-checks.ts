import type { NoteCheck } from '../../content/facts/types.ts';
import { type NoteCheckRow, replaceNoteChecks } from '../../db/note-checks.ts';
import type { DB } from '../../db/open.ts';
import type { NoteFile } from './collect-files.ts';

/** What a dismissal names: the fact and what the note says. Fixing the value in the note makes a new warning. */
export const checkKey = (c: Pick<NoteCheck, 'id' | 'said'>) => `${c.id}\u0000${c.said}`;

/** Stores what the check found in one note, for its cards' review badge. */
export function storeNoteChecks(db: DB, noteId: string, checks: readonly NoteCheck[]): void {
  const rows: NoteCheckRow[] = checks.map((c) => ({
    line: c.line,
    block_line: c.blockLine ?? null,
    kind: c.kind,
    check_key: checkKey(c),
    said: c.said,
    kubernetes_en: c.kubernetes.en,
    kubernetes_ko: c.kubernetes.ko,
    about_en: c.about.en,
    about_ko: c.about.ko,
    source: c.source,
  }));
  replaceNoteChecks(db, noteId, rows);
}

/** A note whose manifests are checked once the import is done: its id, its file as shown, and where to read it. */
export type DeferredCheck = { noteId: string; file: string; note: NoteFile };
