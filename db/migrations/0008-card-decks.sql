-- Kubedeck schema 8: a card in more than one deck (issue #19). The Obsidian SR plugin files a question under every
-- `#flashcards/...` tag of its line; it is one question with one schedule, shown in each of those decks.
-- cards.deck_id stays the card's home deck (where its note puts it, what Anki export and every unfiltered read use);
-- a row here puts the card in one more deck. Most cards have none, so only reads filtered by deck look here.
-- IF NOT EXISTS: a database set back to an older version for a test or a repair may still hold the table.
CREATE TABLE IF NOT EXISTS card_decks (
  card_id TEXT NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
  deck_id TEXT NOT NULL REFERENCES decks(id),
  PRIMARY KEY (card_id, deck_id)
);
-- A deck's member cards, for its queue, counts, Browse filter and export.
CREATE INDEX IF NOT EXISTS card_decks_deck ON card_decks(deck_id, card_id);

-- A deleted card's memberships, restored with it by undo (JSON list of deck ids).
ALTER TABLE cards_deleted ADD COLUMN decks TEXT NOT NULL DEFAULT '[]';
