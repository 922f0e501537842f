import { type CardKeyRow, cardTexts } from '../../db/cards.ts';
import type { DB } from '../../db/open.ts';
import { REWORD_THRESHOLD, similarity } from './identity.ts';

/** A card stored as new by this import that may turn out to be an older card that moved or was reworded. */
export type Fresh = { id: string; key: string; kind: string; source: string; rule: string; deckId: string };
/** `fresh` is the older card `into`; `changed` says whether the learner sees it as updated. */
export type Move = { fresh: Fresh; into: CardKeyRow; changed: boolean };

const MAX_PAIRS = 200_000;
/** The parser may change a card's kind (basic → reversed) while keeping its text; only near-equal text crosses. */
const CROSS_KIND_THRESHOLD = 0.9;
const CROSS_KIND_PENALTY = 0.05;

/**
 * Pairs fresh cards with released older ones (cards of changed, removed or vanished notes, and orphans): the same
 * text anywhere first, then light rewordings by similarity, best pairs first. Neither the rule that made a card
 * nor its place is part of its identity, so a renamed rule or a moved line keeps the card's history.
 */
export function findMoves(db: DB, fresh: Fresh[], pool: CardKeyRow[]): Move[] {
  if (fresh.length === 0 || pool.length === 0) return [];
  const byKey = new Map<string, CardKeyRow[]>();
  for (const row of pool) {
    const list = byKey.get(row.content_key);
    if (list) list.push(row);
    else byKey.set(row.content_key, [row]);
  }
  const claimed = new Set<string>();
  const moved = new Set<Fresh>();
  const exact: Move[] = [];
  for (const f of fresh) {
    const list = byKey.get(f.key);
    const row =
      list?.find((r) => r.source_file === f.source && !claimed.has(r.id)) ??
      list?.find((r) => !claimed.has(r.id));
    if (!row) continue;
    claimed.add(row.id);
    moved.add(f);
    exact.push({ fresh: f, into: row, changed: false });
  }
  markContextChanges(db, exact);

  const rest = fresh.filter((f) => !moved.has(f));
  const left = pool.filter((r) => !claimed.has(r.id));
  const reworded: Move[] = [];
  if (rest.length > 0 && left.length > 0) {
    // Past MAX_PAIRS comparisons only cards of the same file are compared, which is where rewordings live.
    const narrow = rest.length * left.length > MAX_PAIRS;
    const leftBySource = new Map<string, CardKeyRow[]>();
    for (const r of left) {
      const k = narrow ? (r.source_file ?? '') : '';
      const list = leftBySource.get(k);
      if (list) list.push(r);
      else leftBySource.set(k, [r]);
    }
    const candidates = (f: Fresh) => leftBySource.get(narrow ? f.source : '') ?? [];
    const asking = rest.filter((f) => candidates(f).length > 0);
    const texts = textsOf(db, [
      ...asking.map((f) => f.id),
      ...new Set(asking.flatMap((f) => candidates(f).map((r) => r.id))),
    ]);
    const pairs: { f: Fresh; row: CardKeyRow; score: number }[] = [];
    for (const f of asking) {
      const mine = texts.get(f.id)!;
      for (const row of candidates(f)) {
        const score = similarity(mine, texts.get(row.id)!);
        if (row.kind === f.kind ? score >= REWORD_THRESHOLD : score >= CROSS_KIND_THRESHOLD)
          pairs.push({ f, row, score: row.kind === f.kind ? score : score - CROSS_KIND_PENALTY });
      }
    }
    pairs.sort((a, b) => b.score - a.score);
    for (const { f, row } of pairs) {
      if (moved.has(f) || claimed.has(row.id)) continue;
      moved.add(f);
      claimed.add(row.id);
      reworded.push({ fresh: f, into: row, changed: true });
    }
  }
  return [...exact, ...reworded];
}

function textsOf(db: DB, ids: string[]): Map<string, string> {
  return new Map(cardTexts(db, ids).map((t) => [t.id, `${t.prompt}\n${t.answer}`]));
}

/** Same text, new place: its context, tags or deck may still have changed, which the learner sees as an update. */
function markContextChanges(db: DB, moves: Move[]): void {
  if (moves.length === 0) return;
  const rows = new Map(
    cardTexts(
      db,
      moves.flatMap((m) => [m.fresh.id, m.into.id]),
    ).map((t) => [t.id, t]),
  );
  for (const m of moves) {
    const a = rows.get(m.fresh.id)!;
    const b = rows.get(m.into.id)!;
    // The same key may show another prompt: a deletion asked with its paragraph keeps its line's key.
    m.changed =
      a.prompt !== b.prompt ||
      a.context !== b.context ||
      a.tags !== b.tags ||
      m.fresh.deckId !== m.into.deck_id ||
      m.into.orphaned === 1;
  }
}
