import type { ParsedCard, ParsedNote } from '../../content/markdown/types.ts';
import { type CardKeyRow, cardTexts } from '../../db/cards.ts';
import type { DB } from '../../db/open.ts';
import { REWORD_THRESHOLD, similarity } from './identity.ts';

export type Placed = { card: ParsedCard; note: ParsedNote; source: string; noteId: string; key: string };
export type Match = { row: CardKeyRow; changed: boolean };
type Rules = {
  /** A stored card this import may take over (its note changed, vanished, or it was orphaned). */
  reusable: (row: CardKeyRow) => boolean;
  /** A stored card that is suspended when nothing in this import claims it. */
  orphanable: (row: CardKeyRow) => boolean;
};

const MAX_PAIRS = 200_000;

/**
 * Pairs parsed cards with stored ones: same text in the same file first, then the same text anywhere it may
 * have moved to, then light rewordings by similarity. Whatever stays unpaired is new or orphaned.
 */
export function matchCards(db: DB, placed: Placed[], stored: CardKeyRow[], rules: Rules) {
  const byKey = new Map<string, CardKeyRow[]>();
  for (const row of stored) {
    const list = byKey.get(row.content_key);
    if (list) list.push(row);
    else byKey.set(row.content_key, [row]);
  }
  const claimed = new Set<string>();
  const matched = new Map<Placed, Match>();
  const claim = (p: Placed, row: CardKeyRow, changed: boolean) => {
    claimed.add(row.id);
    matched.set(p, { row, changed });
  };

  for (const p of placed) {
    const row = byKey.get(p.key)?.find((r) => r.source_file === p.source && !claimed.has(r.id));
    if (row) claim(p, row, false);
  }
  for (const p of placed) {
    if (matched.has(p)) continue;
    const row = byKey.get(p.key)?.find((r) => !claimed.has(r.id) && rules.reusable(r));
    if (row) claim(p, row, false);
  }

  const rest = placed.filter((p) => !matched.has(p));
  const pool = stored.filter((r) => !claimed.has(r.id) && rules.reusable(r));
  if (rest.length > 0 && pool.length > 0) {
    const texts = new Map(
      cardTexts(
        db,
        pool.map((r) => r.id),
      ).map((t) => [t.id, t]),
    );
    const narrow = rest.length * pool.length > MAX_PAIRS;
    const pairs: { p: Placed; row: CardKeyRow; score: number }[] = [];
    for (const p of rest) {
      const mine = `${p.card.prompt}\n${p.card.answer}`;
      for (const row of pool) {
        if (row.kind !== p.card.kind || (narrow && row.source_file !== p.source)) continue;
        const t = texts.get(row.id)!;
        const score = similarity(mine, `${t.prompt}\n${t.answer}`);
        if (score >= REWORD_THRESHOLD) pairs.push({ p, row, score });
      }
    }
    pairs.sort((a, b) => b.score - a.score);
    for (const { p, row } of pairs) if (!matched.has(p) && !claimed.has(row.id)) claim(p, row, true);
  }

  // Same text, new place: context or tags may still have changed, which the learner sees as an update.
  const located = [...matched.entries()].filter(([, m]) => !m.changed);
  if (located.length > 0) {
    const texts = new Map(
      cardTexts(
        db,
        located.map(([, m]) => m.row.id),
      ).map((t) => [t.id, t]),
    );
    for (const [p, m] of located) {
      const t = texts.get(m.row.id)!;
      m.changed = t.context !== JSON.stringify(p.card.context) || t.tags !== JSON.stringify(p.card.tags);
    }
  }

  const unclaimed = stored.filter((r) => !claimed.has(r.id) && r.orphaned === 0 && rules.orphanable(r));
  return { matched, unclaimed };
}
