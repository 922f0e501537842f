-- Kubedeck schema 6: cards worth keeping (issue 17).

-- What the learner decided about a card a note made, by the card's identity (content_key, core/import/identity.ts),
-- so the decision outlives the card row: 'deleted' and 'bad' are tombstones (a re-import never makes the card
-- again, and the deletions are counted per rule), 'accepted' is a suggestion the learner made a card.
CREATE TABLE card_verdicts (
  content_key TEXT PRIMARY KEY,
  verdict TEXT NOT NULL CHECK (verdict IN ('deleted', 'bad', 'accepted')),
  rule TEXT NOT NULL,
  source_file TEXT,
  decided_at INTEGER NOT NULL
);
CREATE INDEX card_verdicts_source_rule ON card_verdicts(source_file, rule);

-- Candidates under the density line: offered to the learner, never scheduled and never counted. A re-import of
-- the note replaces its suggestions; accepting one turns it into a card row.
CREATE TABLE suggestions (
  id TEXT PRIMARY KEY,
  note_id TEXT NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  deck_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  rule TEXT NOT NULL,
  lang TEXT NOT NULL,
  prompt TEXT NOT NULL,
  answer TEXT NOT NULL,
  context TEXT NOT NULL DEFAULT '[]',
  tags TEXT NOT NULL DEFAULT '[]',
  source_file TEXT NOT NULL,
  source_line INTEGER NOT NULL,
  heading_path TEXT NOT NULL DEFAULT '',
  content_key TEXT NOT NULL,
  sibling_key TEXT NOT NULL,
  exercise_id TEXT,
  score REAL NOT NULL,
  features TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL
);
CREATE INDEX suggestions_note ON suggestions(note_id);
