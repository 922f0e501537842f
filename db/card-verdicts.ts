import type { DB } from './open.ts';
import { stmt } from './statements.ts';

/** A tombstone ('deleted', 'bad') or an accepted suggestion, by card identity: see migration 0006. */
export type Verdict = 'deleted' | 'bad' | 'accepted';
export type VerdictRow = { content_key: string; verdict: Verdict; rule: string; source_file: string | null };

export function recordVerdict(
  db: DB,
  v: { key: string; verdict: Verdict; rule: string; source: string | null; now: number },
): void {
  stmt(
    db,
    `INSERT INTO card_verdicts (content_key, verdict, rule, source_file, decided_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (content_key) DO UPDATE SET verdict = excluded.verdict, rule = excluded.rule,
       source_file = excluded.source_file, decided_at = excluded.decided_at`,
  ).run(v.key, v.verdict, v.rule, v.source, v.now);
}

export function forgetVerdict(db: DB, key: string): void {
  stmt(db, 'DELETE FROM card_verdicts WHERE content_key = ?').run(key);
}

/** Every verdict, by identity: an import asks about each card it is about to make (a few thousand rows at most). */
export function verdictsByKey(db: DB): Map<string, Verdict> {
  const rows = stmt(db, 'SELECT content_key, verdict FROM card_verdicts').all() as VerdictRow[];
  return new Map(rows.map((r) => [r.content_key, r.verdict]));
}

/** How many cards of each rule the learner threw away (deleted or marked bad), per rule. */
export function tombstonesByRule(db: DB): Map<string, number> {
  const rows = stmt(
    db,
    "SELECT rule, count(*) AS n FROM card_verdicts WHERE verdict IN ('deleted', 'bad') GROUP BY rule",
  ).all() as { rule: string; n: number }[];
  return new Map(rows.map((r) => [r.rule, r.n]));
}

/** Thrown-away cards per rule of one note's file. */
export function tombstonesOfSource(db: DB, source: string): { rule: string; n: number }[] {
  return stmt(
    db,
    `SELECT rule, count(*) AS n FROM card_verdicts WHERE source_file = ? AND verdict IN ('deleted', 'bad')
     GROUP BY rule ORDER BY rule`,
  ).all(source) as { rule: string; n: number }[];
}

/** Cards the notes made that still exist, per rule (cards written by hand in the app have no source file). */
export function noteCardsByRule(db: DB): Map<string, number> {
  const rows = stmt(
    db,
    'SELECT rule, count(*) AS n FROM cards WHERE source_file IS NOT NULL GROUP BY rule',
  ).all() as { rule: string; n: number }[];
  return new Map(rows.map((r) => [r.rule, r.n]));
}
