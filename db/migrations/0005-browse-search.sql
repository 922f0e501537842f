-- Kubedeck schema 5: Browse. Full-text search over what a card says, Korean included.

-- The trigram tokenizer indexes every 3-character run, so Hangul (no spaces between particles) and partial words
-- match; queries shorter than 3 characters use LIKE instead. External content: the text lives once, in cards.
CREATE VIRTUAL TABLE cards_fts USING fts5(
  prompt, answer, context, tags,
  content = 'cards', content_rowid = 'rowid', tokenize = 'trigram'
);

CREATE TRIGGER cards_fts_insert AFTER INSERT ON cards BEGIN
  INSERT INTO cards_fts (rowid, prompt, answer, context, tags)
  VALUES (new.rowid, new.prompt, new.answer, new.context, new.tags);
END;

CREATE TRIGGER cards_fts_delete AFTER DELETE ON cards BEGIN
  INSERT INTO cards_fts (cards_fts, rowid, prompt, answer, context, tags)
  VALUES ('delete', old.rowid, old.prompt, old.answer, old.context, old.tags);
END;

-- Ratings and re-imports of unchanged notes rewrite cards rows without touching their text: skip those.
CREATE TRIGGER cards_fts_update AFTER UPDATE OF prompt, answer, context, tags ON cards
WHEN old.prompt IS NOT new.prompt OR old.answer IS NOT new.answer OR old.context IS NOT new.context
  OR old.tags IS NOT new.tags
BEGIN
  INSERT INTO cards_fts (cards_fts, rowid, prompt, answer, context, tags)
  VALUES ('delete', old.rowid, old.prompt, old.answer, old.context, old.tags);
  INSERT INTO cards_fts (rowid, prompt, answer, context, tags)
  VALUES (new.rowid, new.prompt, new.answer, new.context, new.tags);
END;

-- Existing cards.
INSERT INTO cards_fts (cards_fts) VALUES ('rebuild');

-- Browse lists cards in note order, a page at a time.
CREATE INDEX cards_ord ON cards(ord, id);

-- Deleted cards, kept until the next delete so Browse can undo one: the row, its review log and the attempts that
-- pointed at it, as JSON.
CREATE TABLE cards_deleted (
  id INTEGER PRIMARY KEY,
  card_id TEXT NOT NULL,
  card TEXT NOT NULL,
  logs TEXT NOT NULL,
  attempts TEXT NOT NULL DEFAULT '[]',
  deleted_at INTEGER NOT NULL
);
