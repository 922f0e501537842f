import { z } from 'zod';
import type { AnkiCard, AnkiCollection, AnkiNote, AnkiRevlog } from '../../db/anki-collection.ts';

/**
 * A foreign package's rows are the package's word, not ours: NULLs, numbers where text belongs and values such as
 * 2^53 reach here as SQLite stored them. Each row is checked with zod; text columns take numbers as text, NULL as
 * empty; out-of-range numbers are clamped; a row without a usable id is skipped. One warning per file says how many.
 */
const MAX_DAYS = 36_500;
/** Seconds since 1970 of 2100-01-01: a learning card's due moment past it is a broken value. */
const MAX_EPOCH_S = 4_102_444_800;

const id = z.number().int().safe();
const text = z.preprocess(
  (v) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : v),
  z.string(),
);
const clamp = (lo: number, hi: number, fallback = 0) =>
  z.preprocess(
    (v) => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'bigint' ? Number(v) : fallback),
    z.number().transform((n) => Math.min(hi, Math.max(lo, Math.trunc(n)))),
  );

const Note = z.looseObject({
  id,
  guid: text,
  mid: id,
  mod: clamp(0, MAX_EPOCH_S),
  tags: text,
  flds: text,
  sfld: text,
  csum: clamp(-(2 ** 52), 2 ** 52),
  data: text,
});
const Card = z.looseObject({
  id,
  nid: id,
  did: clamp(0, 2 ** 52),
  ord: clamp(0, 1000),
  mod: clamp(0, MAX_EPOCH_S),
  type: clamp(0, 3),
  queue: clamp(-3, 4),
  due: clamp(-MAX_EPOCH_S, MAX_EPOCH_S),
  ivl: clamp(-MAX_DAYS, MAX_DAYS),
  factor: clamp(0, 10_000),
  reps: clamp(0, 100_000),
  lapses: clamp(0, 100_000),
  left: clamp(0, 100_000),
  odue: clamp(-MAX_EPOCH_S, MAX_EPOCH_S),
  odid: clamp(0, 2 ** 52),
  data: text,
});
const Revlog = z.looseObject({
  id,
  cid: id,
  ease: clamp(0, 4),
  ivl: clamp(-MAX_DAYS * 86_400, MAX_DAYS),
  lastIvl: clamp(-MAX_DAYS * 86_400, MAX_DAYS),
  factor: clamp(0, 10_000),
  time: clamp(0, 3_600_000),
  type: clamp(0, 5),
});

/** A review card's due day counts from the collection's creation: at most MAX_DAYS either way. */
function dueInRange(c: AnkiCard): AnkiCard {
  // A card in (re)learning keeps its due moment in epoch seconds, whatever its type says (v1 relearning is type 2).
  if (c.type !== 2 || c.queue === 1 || c.queue === 3) return c;
  const due = Math.min(MAX_DAYS * 2, Math.max(-MAX_DAYS, c.due));
  return due === c.due ? c : { ...c, due };
}

export function checkedRows(
  col: AnkiCollection,
  shown: string,
  warnings: { file: string; line: number; message: string }[],
): AnkiCollection {
  let skipped = 0;
  let changed = 0;
  const pass = <T>(schema: z.ZodType<T>, rows: unknown[], fix: (r: T) => T = (r) => r): T[] => {
    const out: T[] = [];
    for (const row of rows) {
      const r = schema.safeParse(row);
      if (!r.success) {
        skipped++;
        continue;
      }
      const fixed = fix(r.data);
      // Columns this reader does not check pass through as they are; a checked one that differs was fixed.
      const before = row as Record<string, unknown>;
      const after = fixed as Record<string, unknown>;
      // Read as text is no fix: Anki itself stores a numeric sort field as a number, and NULL as nothing.
      const differs = (k: string) =>
        after[k] !== before[k] && !(before[k] == null && after[k] === '') && String(before[k]) !== after[k];
      if (Object.keys(after).some(differs)) changed++;
      out.push(fixed);
    }
    return out;
  };
  const notes = pass(Note as z.ZodType<AnkiNote>, col.notes);
  const cards = pass(Card as z.ZodType<AnkiCard>, col.cards, dueInRange);
  const revlog = pass(Revlog as z.ZodType<AnkiRevlog>, col.revlog);
  if (skipped + changed > 0)
    warnings.push({
      file: shown,
      line: 0,
      message: `${skipped} row(s) without a usable id were skipped and ${changed} row(s) had empty, mistyped or out-of-range values (such as a due date or interval of 2^53), which were read as text or clamped`,
    });
  return { col: col.col, notes, cards, revlog };
}
