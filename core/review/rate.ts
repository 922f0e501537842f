import { KubedeckError } from '../../db/errors.ts';
import {
  buryableSiblings,
  type CardRow,
  getCardRow,
  restoreCardRow,
  type SiblingState,
  setBuriedUntil,
  writeSchedule,
} from '../../db/review.ts';
import { deleteLog, deleteUndo, insertLog, latestUndo, pushUndo } from '../../db/review-log.ts';
import type { Ctx } from '../context.ts';
import { tr } from '../i18n/index.ts';
import { isDue } from './queue.ts';
import { gradeOf, type RatingName, rateCard, STATE_NAMES } from './scheduler.ts';
import type { Session } from './session.ts';

/** How many ratings `undo` can take back. */
export const UNDO_LEVELS = 100;

export type RatedCard = {
  id: string;
  state: (typeof STATE_NAMES)[number];
  due: string | null;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  reps: number;
  lapses: number;
};

export const ratedCard = (r: CardRow): RatedCard => ({
  id: r.id,
  state: STATE_NAMES[r.state] ?? 'new',
  due: r.due === null ? null : new Date(r.due).toISOString(),
  stability: r.stability,
  difficulty: r.difficulty,
  scheduledDays: r.scheduled_days,
  reps: r.reps,
  lapses: r.lapses,
});

export function requireCard(ctx: Ctx, id: string): CardRow {
  const row = getCardRow(ctx.db, id);
  if (!row) throw new KubedeckError('unknown-card', tr(ctx.lang, 'core.unknownCard', { id }));
  return row;
}

/** Anki's rule: a leech at the threshold, then again every half threshold (after an unsuspend). */
export function isLeechLapse(lapses: number, threshold: number): boolean {
  if (lapses < threshold) return false;
  const every = Math.max(1, Math.ceil(threshold / 2));
  return (lapses - threshold) % every === 0;
}

export type RateArgs = { cardId: string; rating: RatingName; elapsedMs: number; early: boolean };
export type RateResult = { card: RatedCard; leech: boolean; message: string | null; buried: number };

/** One rating, in one transaction: the card, its review-log row, its buried siblings and an undo entry. */
export function rate(ctx: Ctx, s: Session, a: RateArgs): RateResult {
  const db = ctx.db;
  const tx = db.transaction((): RateResult => {
    const row = requireCard(ctx, a.cardId);
    if (row.last_review !== null && s.now < row.last_review)
      throw new KubedeckError(
        'clock-before-last-review',
        tr(ctx.lang, 'core.clockBeforeReview', {
          now: new Date(s.now).toISOString(),
          last: new Date(row.last_review).toISOString(),
        }),
      );
    if (row.suspended === 1)
      throw new KubedeckError('card-suspended', tr(ctx.lang, 'core.cardSuspended', { id: row.id }));
    if (!a.early && !isDue(row, s.now))
      throw new KubedeckError(
        'card-not-due',
        tr(ctx.lang, 'core.cardNotDue', {
          id: row.id,
          when:
            row.due === null
              ? tr(ctx.lang, 'core.tomorrow')
              : new Date(Math.max(row.due, row.buried_until ?? 0)).toISOString(),
        }),
      );
    const out = rateCard(s.sched, row, s.now, gradeOf(a.rating));
    const lapsed = out.card.lapses > row.lapses;
    const leech = lapsed && isLeechLapse(out.card.lapses, s.settings.leechThreshold);
    const tags = JSON.parse(row.tags) as string[];
    if (leech && !tags.includes('leech')) tags.push('leech');
    writeSchedule(db, {
      id: row.id,
      ...out.card,
      tags: JSON.stringify(tags),
      suspended: leech ? 1 : row.suspended,
      updated_at: s.now,
    });
    const logId = insertLog(db, { card_id: row.id, ...out.log, elapsed_ms: a.elapsedMs });
    const siblings: SiblingState[] = buryableSiblings(db, row, s.day.end);
    for (const sib of siblings) setBuriedUntil(db, sib.id, s.day.end, s.now);
    pushUndo(
      db,
      {
        card_id: row.id,
        review_log_id: logId,
        card_before: JSON.stringify(row),
        siblings_before: JSON.stringify(siblings),
        created_at: s.now,
      },
      UNDO_LEVELS,
    );
    return {
      card: ratedCard(requireCard(ctx, row.id)),
      leech,
      message: leech ? tr(ctx.lang, 'core.leech', { n: out.card.lapses }) : null,
      buried: siblings.length,
    };
  });
  return tx.immediate();
}

/** What an undo took back: a rating, or a suspend or bury from the Review screen. */
export type Undone = 'rating' | 'suspend' | 'bury';

/** An undo row without a review-log row (id 0) records a suspend or bury, which wrote no log. */
const NO_LOG = 0;

/** Records a suspend or bury from Review, so U takes it back as it takes back a rating. */
export function pushActionUndo(ctx: Ctx, before: CardRow, now: number): void {
  pushUndo(
    ctx.db,
    {
      card_id: before.id,
      review_log_id: NO_LOG,
      card_before: JSON.stringify(before),
      siblings_before: '[]',
      created_at: now,
    },
    UNDO_LEVELS,
  );
}

/**
 * Takes back the latest action of Review, whatever it was: a rating (the card row, its siblings' burial and the
 * review-log row, exactly as before), or a suspend or bury (the card row as before).
 */
export function undo(ctx: Ctx): { card: RatedCard; undone: string; what: Undone } {
  const db = ctx.db;
  return db
    .transaction(() => {
      const u = latestUndo(db);
      if (!u) throw new KubedeckError('nothing-to-undo', tr(ctx.lang, 'core.nothingToUndo'));
      const before = JSON.parse(u.card_before) as CardRow;
      const now = requireCard(ctx, u.card_id);
      const what: Undone =
        u.review_log_id !== NO_LOG ? 'rating' : now.suspended !== before.suspended ? 'suspend' : 'bury';
      restoreCardRow(db, before);
      for (const sib of JSON.parse(u.siblings_before) as SiblingState[])
        setBuriedUntil(db, sib.id, sib.buried_until, sib.updated_at);
      if (u.review_log_id !== NO_LOG) deleteLog(db, u.review_log_id);
      deleteUndo(db, u.id);
      return { card: ratedCard(requireCard(ctx, u.card_id)), undone: u.card_id, what };
    })
    .immediate();
}
