import { basename } from 'node:path';
import { cardKeysOfNote } from '../../db/cards.ts';
import type { NoteRow } from '../../db/notes.ts';
import type { DB } from '../../db/open.ts';

/**
 * The same note brought in from another place: an uploaded copy, then its original folder watched (or the other
 * way round). Without this, the note's path is its identity and every card would come in a second time, one copy
 * with history and one new. A stored note is the same note when it has the same file name, lands in the same deck
 * and holds at least half of the new file's cards word for word; the import then moves that note (and its cards'
 * history) to the new place instead of making a second copy. Two files of one import never merge: they are both
 * there on purpose.
 */
export function sameNoteFinder(db: DB, stored: NoteRow[], inImport: Set<string>) {
  const byDeck = new Map<string, NoteRow[]>();
  for (const n of stored) {
    if (inImport.has(n.source_file) || n.source_file.startsWith('bundled:')) continue;
    const list = byDeck.get(n.deck_id);
    if (list) list.push(n);
    else byDeck.set(n.deck_id, [n]);
  }
  const taken = new Set<string>();
  return (source: string, deckId: string, keys: string[]): NoteRow | undefined => {
    const name = basename(source);
    const need = Math.max(1, Math.ceil(new Set(keys).size / 2));
    let best: { note: NoteRow; shared: number } | undefined;
    for (const n of byDeck.get(deckId) ?? []) {
      if (taken.has(n.id) || basename(n.source_file) !== name) continue;
      const theirs = new Set(cardKeysOfNote(db, n.id).map((r) => r.content_key));
      const shared = new Set(keys.filter((k) => theirs.has(k))).size;
      if (shared >= need && shared > (best?.shared ?? 0)) best = { note: n, shared };
    }
    if (best) taken.add(best.note.id);
    return best?.note;
  };
}
