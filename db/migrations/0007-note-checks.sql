-- Kubedeck schema 6: notes checked against Kubernetes (issue #18).
-- IF NOT EXISTS: a database set back to an older version for a test or a repair may still hold these tables.

-- What the check found in each note, replaced whenever the note is read again. A card shows the rows of its own
-- line, of the manifest it asks (block_line) and of the lines its text repeats (a list or table card).
CREATE TABLE IF NOT EXISTS note_checks (
  note_id TEXT NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  block_line INTEGER,
  kind TEXT NOT NULL CHECK (kind IN ('fact', 'manifest', 'outdated')),
  -- What a dismissal names: the fact and what the note says, so a fixed value is a new warning.
  check_key TEXT NOT NULL,
  said TEXT NOT NULL,
  kubernetes_en TEXT NOT NULL,
  kubernetes_ko TEXT NOT NULL,
  about_en TEXT NOT NULL,
  about_ko TEXT NOT NULL,
  source TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS note_checks_note ON note_checks(note_id, line);

-- The learner's "this is fine for me": per card, kept by the card's id, which survives re-import, moves and edits.
CREATE TABLE IF NOT EXISTS check_dismissals (
  card_id TEXT NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
  check_key TEXT NOT NULL,
  dismissed_at INTEGER NOT NULL,
  PRIMARY KEY (card_id, check_key)
) WITHOUT ROWID;
