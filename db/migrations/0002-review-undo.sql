-- Kubedeck schema 2: undo for ratings, and the indexes the review queue reads on every `next`.

-- One row per undoable rating: the card's whole prior row (JSON), the review_log row it wrote, and the siblings it
-- buried with their prior buried_until, so undo restores all three exactly.
CREATE TABLE review_undo (
  id INTEGER PRIMARY KEY,
  card_id TEXT NOT NULL,
  review_log_id INTEGER NOT NULL,
  card_before TEXT NOT NULL,
  siblings_before TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL
);

-- New cards in note order, only the ones that can show.
CREATE INDEX cards_queue_new ON cards(ord) WHERE state = 0 AND suspended = 0;
-- Learning / review / relearning cards by due moment, only the ones that can show.
CREATE INDEX cards_queue_due ON cards(state, due) WHERE suspended = 0;
-- Per-deck variants for `kubedeck review --deck NAME`.
CREATE INDEX cards_queue_new_deck ON cards(deck_id, ord) WHERE state = 0 AND suspended = 0;
-- Today's done counts by the state the card was in when answered.
CREATE INDEX review_log_time_state ON review_log(reviewed_at, state_before);
