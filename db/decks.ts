import { anyExtraDecks } from './card-decks.ts';
import type { DB } from './open.ts';

export type DeckRow = { id: string; name: string; lang: string | null; bundled: number };

// node:crypto loads on first use: listing decks never needs it, and it costs 5 ms at start-up.
export const deckIdFor = (name: string) =>
  `d${process.getBuiltinModule('node:crypto').createHash('sha1').update(name).digest('hex').slice(0, 12)}`;

/** Finds a deck by name or makes it; the id is derived from the name so bundled decks match across machines. */
export function ensureDeck(db: DB, name: string, lang: string, bundled: boolean, now: number): string {
  const row = db.prepare('SELECT id FROM decks WHERE name = ?').get(name) as { id: string } | undefined;
  if (row) return row.id;
  let id = deckIdFor(name);
  while (db.prepare('SELECT 1 FROM decks WHERE id = ?').get(id)) id = `${id}x`;
  db.prepare('INSERT INTO decks (id, name, lang, bundled, created_at) VALUES (?, ?, ?, ?, ?)').run(
    id,
    name,
    lang,
    bundled ? 1 : 0,
    now,
  );
  return id;
}

export function deckByName(db: DB, name: string): DeckRow | undefined {
  return db.prepare('SELECT id, name, lang, bundled FROM decks WHERE name = ?').get(name) as
    | DeckRow
    | undefined;
}

export type DeckSummary = {
  id: string;
  name: string;
  lang: string | null;
  bundled: boolean;
  newPerDay: number | null;
  reviewsPerDay: number | null;
  cards: number;
  suspended: number;
  new: number;
};

export function listDecks(db: DB): DeckSummary[] {
  const rows = db
    .prepare(
      `SELECT d.id, d.name, d.lang, d.bundled, d.new_per_day AS newPerDay, d.reviews_per_day AS reviewsPerDay,
              count(c.id) AS cards,
              coalesce(sum(c.suspended), 0) AS suspended,
              coalesce(sum(c.state = 0 AND c.suspended = 0), 0) AS new
       FROM decks d LEFT JOIN cards c ON c.deck_id = d.id
       GROUP BY d.id ORDER BY d.name`,
    )
    .all() as (Omit<DeckSummary, 'bundled'> & { bundled: number })[];
  // Cards filed in a deck besides their home deck count in it too (a card in two decks counts in both).
  if (anyExtraDecks(db)) {
    const members = db
      .prepare(
        `SELECT m.deck_id AS id, count(*) AS cards, coalesce(sum(c.suspended), 0) AS suspended,
                coalesce(sum(c.state = 0 AND c.suspended = 0), 0) AS new
         FROM card_decks m JOIN cards c ON c.id = m.card_id GROUP BY m.deck_id`,
      )
      .all() as { id: string; cards: number; suspended: number; new: number }[];
    const byId = new Map(members.map((m) => [m.id, m]));
    for (const r of rows) {
      const m = byId.get(r.id);
      if (!m) continue;
      r.cards += m.cards;
      r.suspended += m.suspended;
      r.new += m.new;
    }
  }
  return rows.map((r) => ({ ...r, bundled: r.bundled === 1 }));
}

/** Whether the app's own decks include one in `lang` (read from the decks table alone, however many cards). */
export function hasBundledDecks(db: DB, lang: string): boolean {
  return db.prepare('SELECT 1 FROM decks WHERE bundled = 1 AND lang = ? LIMIT 1').get(lang) !== undefined;
}

/**
 * Ids of the decks the review queue takes from: every deck the learner imported, whatever its language, and the
 * bundled decks of the languages not hidden. Hiding a language is about the decks that came with the app.
 */
export function shownDeckIds(db: DB, hiddenLangs: string[]): string[] {
  return (
    db
      .prepare(
        `SELECT id FROM decks WHERE bundled = 0 OR lang IS NULL OR lang NOT IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(hiddenLangs)) as {
      id: string;
    }[]
  ).map((r) => r.id);
}

/** A deck's own daily limits; null means the global setting applies. Returns false for an unknown deck. */
export function setDeckLimits(
  db: DB,
  name: string,
  limits: { new?: number | null; review?: number | null },
): boolean {
  const row = deckByName(db, name);
  if (!row) return false;
  const current = db.prepare('SELECT new_per_day, reviews_per_day FROM decks WHERE id = ?').get(row.id) as {
    new_per_day: number | null;
    reviews_per_day: number | null;
  };
  db.prepare('UPDATE decks SET new_per_day = ?, reviews_per_day = ? WHERE id = ?').run(
    limits.new === undefined ? current.new_per_day : limits.new,
    limits.review === undefined ? current.reviews_per_day : limits.review,
    row.id,
  );
  return true;
}
