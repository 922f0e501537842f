import type { LocalCardState } from '../../db/interop.ts';
import type { SchedCard, Scheduler } from '../review/scheduler.ts';
import { type PastReview, replayHistory } from './replay.ts';
import type { CardUpdate } from './write-imported.ts';

/** Two answers less than a second apart are one answer: Anki's revlog id is the answer's time in milliseconds. */
const SAME_ANSWER_MS = 1000;

/**
 * What a package brings for a card the database already has. Its text comes in only when the package's note was
 * changed after the card last was, so an older export never overwrites a newer edit. Answers the database lacks
 * come in whatever their age; the schedule follows them only when the package's last answer is the latest of all
 * (a card reviewed here since keeps the schedule it has here).
 */
export function mergeUpdate(
  id: string,
  local: LocalCardState,
  incoming: { prompt: string; answer: string; context: string[]; modifiedAt: number; reviews: PastReview[] },
  sched: Scheduler,
  scheduleFrom: (replayed: SchedCard) => SchedCard,
): CardUpdate {
  const differs =
    incoming.prompt !== local.prompt ||
    incoming.answer !== local.answer ||
    JSON.stringify(incoming.context) !== local.context;
  const text = differs && incoming.modifiedAt > local.updated_at;
  const fresh = incoming.reviews.filter(
    (r) => !local.logs.some((l) => Math.abs(l.reviewed_at - r.reviewedAt) < SAME_ANSWER_MS),
  );
  if (fresh.length === 0) return { text, schedule: null, logs: [] };
  const merged = [
    ...local.logs.map((l) => ({
      rating: l.rating,
      reviewedAt: l.reviewed_at,
      elapsedMs: l.elapsed_ms,
      fresh: false,
    })),
    ...fresh.map((r) => ({ ...r, fresh: true })),
  ].sort((a, b) => a.reviewedAt - b.reviewedAt);
  const replayed = replayHistory(sched, id, merged);
  const logs = replayed.logs.filter((_l, i) => merged[i]!.fresh);
  const lastLocal = Math.max(-Infinity, ...local.logs.map((l) => l.reviewed_at));
  const lastFresh = Math.max(...fresh.map((r) => r.reviewedAt));
  return { text, logs, schedule: lastFresh > lastLocal ? scheduleFrom(replayed.card) : null };
}
