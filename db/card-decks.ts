import type { DB } from './open.ts';
import { stmt } from './statements.ts';

/**
 * A card's decks besides its home deck (cards.deck_id): the Obsidian SR plugin shows a question under every
 * `#flashcards/...` tag of its line. One card, one schedule, one review log, whichever deck it is reviewed in.
 */

/** The card's other decks' ids, in name order. */
export function extraDeckIds(db: DB, cardId: string): string[] {
  return (
    stmt(
      db,
      'SELECT m.deck_id AS id FROM card_decks m JOIN decks d ON d.id = m.deck_id WHERE m.card_id = ? ORDER BY d.name',
    ).all(cardId) as { id: string }[]
  ).map((r) => r.id);
}

/** The card's other decks' names, in name order. */
export function extraDeckNames(db: DB, cardId: string): string[] {
  return (
    stmt(
      db,
      'SELECT d.name FROM card_decks m JOIN decks d ON d.id = m.deck_id WHERE m.card_id = ? ORDER BY d.name',
    ).all(cardId) as { name: string }[]
  ).map((r) => r.name);
}

/**
 * Makes `deckIds` the card's other decks (its home deck among them is left out). Says whether they changed. Reads
 * first, so the common case (no other decks, none before) writes nothing.
 */
export function setExtraDecks(db: DB, cardId: string, homeId: string, deckIds: string[]): boolean {
  const want = [...new Set(deckIds)].filter((d) => d !== homeId);
  const have = (
    stmt(db, 'SELECT deck_id FROM card_decks WHERE card_id = ?').all(cardId) as { deck_id: string }[]
  ).map((r) => r.deck_id);
  if (want.length === have.length && want.every((d) => have.includes(d))) return false;
  stmt(db, 'DELETE FROM card_decks WHERE card_id = ?').run(cardId);
  const add = stmt(db, 'INSERT INTO card_decks (card_id, deck_id) VALUES (?, ?)');
  for (const d of want) add.run(cardId, d);
  return true;
}

/** Whether any card is in more than one deck: without, deck-filtered reads keep their one-deck plans. */
export function anyExtraDecks(db: DB): boolean {
  return stmt(db, 'SELECT 1 FROM card_decks LIMIT 1').get() !== undefined;
}

/**
 * The SQL condition "the card `col` names is in one of the decks `decks` names" (a subquery or a JSON list
 * parameter), its home deck or another. `id` is the card id column beside it.
 */
export const inDecks = (decks: string, deckCol = 'deck_id', idCol = 'id') =>
  `(${deckCol} IN ${decks} OR ${idCol} IN (SELECT card_id FROM card_decks WHERE deck_id IN ${decks}))`;
