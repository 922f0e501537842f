-- Kubedeck schema 1. Times are integer milliseconds since the Unix epoch (UTC).
CREATE TABLE decks (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  lang TEXT,
  bundled INTEGER NOT NULL DEFAULT 0,
  new_per_day INTEGER,
  reviews_per_day INTEGER,
  created_at INTEGER NOT NULL
);

-- One row per imported Markdown file; content_hash lets an unchanged file skip parsing.
CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  source_file TEXT NOT NULL UNIQUE,
  deck_id TEXT NOT NULL REFERENCES decks(id),
  content_hash TEXT NOT NULL,
  lang TEXT NOT NULL,
  card_count INTEGER NOT NULL DEFAULT 0,
  imported_at INTEGER NOT NULL
);

CREATE TABLE cards (
  id TEXT PRIMARY KEY,
  deck_id TEXT NOT NULL REFERENCES decks(id),
  note_id TEXT REFERENCES notes(id) ON DELETE SET NULL,
  kind TEXT NOT NULL CHECK (kind IN ('basic', 'reversed', 'cloze', 'list', 'manifest')),
  rule TEXT NOT NULL,
  lang TEXT NOT NULL,
  prompt TEXT NOT NULL,
  answer TEXT NOT NULL,
  context TEXT NOT NULL DEFAULT '[]',
  tags TEXT NOT NULL DEFAULT '[]',
  source_file TEXT,
  source_line INTEGER,
  heading_path TEXT NOT NULL DEFAULT '',
  content_key TEXT NOT NULL,
  sibling_key TEXT NOT NULL,
  ord INTEGER NOT NULL DEFAULT 0,
  exercise_id TEXT,
  -- FSRS state (ts-fsrs Card): 0 new, 1 learning, 2 review, 3 relearning
  state INTEGER NOT NULL DEFAULT 0,
  due INTEGER,
  stability REAL NOT NULL DEFAULT 0,
  difficulty REAL NOT NULL DEFAULT 0,
  elapsed_days INTEGER NOT NULL DEFAULT 0,
  scheduled_days INTEGER NOT NULL DEFAULT 0,
  learning_steps INTEGER NOT NULL DEFAULT 0,
  reps INTEGER NOT NULL DEFAULT 0,
  lapses INTEGER NOT NULL DEFAULT 0,
  last_review INTEGER,
  suspended INTEGER NOT NULL DEFAULT 0,
  buried_until INTEGER,
  orphaned INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX cards_content_key ON cards(content_key);
CREATE INDEX cards_note ON cards(note_id);
CREATE INDEX cards_deck_state_due ON cards(deck_id, state, due);
CREATE INDEX cards_sibling ON cards(sibling_key);

CREATE TABLE review_log (
  id INTEGER PRIMARY KEY,
  card_id TEXT NOT NULL REFERENCES cards(id),
  rating INTEGER NOT NULL,
  state_before INTEGER NOT NULL,
  due INTEGER NOT NULL,
  stability REAL NOT NULL,
  difficulty REAL NOT NULL,
  elapsed_days INTEGER NOT NULL,
  last_elapsed_days INTEGER NOT NULL,
  scheduled_days INTEGER NOT NULL,
  learning_steps INTEGER NOT NULL DEFAULT 0,
  elapsed_ms INTEGER NOT NULL,
  reviewed_at INTEGER NOT NULL
);
CREATE INDEX review_log_card ON review_log(card_id, reviewed_at);
CREATE INDEX review_log_time ON review_log(reviewed_at);

-- Exercises are scheduled through their card (kind 'manifest', cards.exercise_id), so they share the review queue.
CREATE TABLE exercises (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  topic TEXT NOT NULL,
  difficulty TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  card_id TEXT REFERENCES cards(id)
);

CREATE TABLE attempts (
  id INTEGER PRIMARY KEY,
  exercise_id TEXT NOT NULL,
  card_id TEXT REFERENCES cards(id),
  answer TEXT NOT NULL,
  passed INTEGER NOT NULL,
  score REAL NOT NULL,
  hints_used INTEGER NOT NULL DEFAULT 0,
  verdict TEXT NOT NULL,
  attempted_at INTEGER NOT NULL
);
CREATE INDEX attempts_exercise ON attempts(exercise_id, attempted_at);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE import_runs (
  id INTEGER PRIMARY KEY,
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  sources TEXT NOT NULL,
  new_count INTEGER NOT NULL DEFAULT 0,
  updated_count INTEGER NOT NULL DEFAULT 0,
  unchanged_count INTEGER NOT NULL DEFAULT 0,
  suspended_count INTEGER NOT NULL DEFAULT 0,
  warnings TEXT NOT NULL DEFAULT '[]'
);
