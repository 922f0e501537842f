import type { DB } from '../../db/open.ts';
import { stmt } from '../../db/statements.ts';

/** A card as the learner sees it. */
type Seen = { kind: string; prompt: string; answer: string };
const seenKey = (c: Seen) => `${c.kind}\u0000${c.prompt}\u0000${c.answer}`;

/**
 * Which cards another note of the collection already holds, word for word.
 *
 * A rule makes `apiVersion of kind: Service → v1` from every note with a Service manifest: 36 notes of the public
 * corpus and the sets the selection was judged on make that one card, and a learner with such a vault would review it
 * once per note. The first note to hold a rule's card keeps it; another note that makes it again does not, and the import
 * says how many it left out. A note holds a card when it is not being read again by this import (its stored cards
 * are its own), or when this import already wrote the card for it. Cards are compared by what they say, not by
 * their identity: that may keep an older prompt (ParsedCard.keyPrompt).
 *
 * A holder that later stops making the card hands it back only when the other note is read again (it changes, or
 * the rules do): the duplicate is not stored, so nothing marks where else it was said.
 */
export function heldElsewhere(db: DB, rereadNoteIds: { has(noteId: string): boolean }) {
  // substr(prompt, 1, 80) is indexed (schema 10); the rest of the text is compared on the rows it finds.
  const holders = stmt(
    db,
    `SELECT note_id FROM cards WHERE substr(prompt, 1, 80) = substr(?, 1, 80) AND prompt = ? AND answer = ?
       AND kind = ? AND note_id IS NOT NULL AND orphaned = 0`,
  );
  const madeThisRun = new Map<string, string>();
  return {
    /** Whether a note other than `noteId` holds a card that says what `card` says. */
    byAnother(card: Seen, noteId: string): boolean {
      const made = madeThisRun.get(seenKey(card));
      if (made !== undefined) return made !== noteId;
      const rows = holders.all(card.prompt, card.prompt, card.answer, card.kind) as { note_id: string }[];
      return rows.some((r) => r.note_id !== noteId && !rereadNoteIds.has(r.note_id));
    },
    /** This import wrote (or kept) `card` for `noteId`. */
    made(card: Seen, noteId: string): void {
      const key = seenKey(card);
      if (!madeThisRun.has(key)) madeThisRun.set(key, noteId);
    },
  };
}
