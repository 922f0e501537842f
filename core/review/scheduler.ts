import {
  type Card,
  type FSRS,
  fsrs,
  type Grade,
  generatorParameters,
  Rating,
  State,
  type StepUnit,
} from 'ts-fsrs';
import type { FsrsColumns } from '../../db/review.ts';
import type { LogFields } from '../../db/review-log.ts';
import { type DayClock, dayStart, learnerClock, learnerDay } from './day.ts';
import type { ReviewSettings } from './settings.ts';

/** The FSRS columns of a cards row; the rating path reads and writes them as db/ defines them. */
export type SchedCard = FsrsColumns;

export type Outcome = { card: SchedCard; log: LogFields };
export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type RatingName = (typeof RATINGS)[number];
export const gradeOf = (r: RatingName): Grade => (RATINGS.indexOf(r) + 1) as Grade;
export const STATE_NAMES = ['new', 'learning', 'review', 'relearning'] as const;

export type Scheduler = { f: FSRS; clock: DayClock };

export function makeScheduler(s: ReviewSettings): Scheduler {
  const f = fsrs(
    generatorParameters({
      request_retention: s.desiredRetention,
      maximum_interval: s.maximumInterval,
      enable_fuzz: s.fuzz,
      enable_short_term: true,
      learning_steps: s.learningSteps as StepUnit[],
      relearning_steps: s.relearningSteps as StepUnit[],
      ...(s.weights ? { w: s.weights } : {}),
    }),
  );
  return { f, clock: { timeZone: s.timeZone, startHour: s.dayStartHour } };
}

/**
 * ts-fsrs counts elapsed days as UTC date differences. We hand it instants on the learner clock (day boundaries on
 * UTC midnight), so its days are the learner's days in any zone and across DST; in UTC with a 00:00 day start the
 * learner clock is the identity and the results are ts-fsrs's own, bit for bit.
 */
function toFsrsCard(c: SchedCard, now: number, clock: DayClock): Card {
  return {
    due: new Date(learnerClock(c.due ?? now, clock)),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as State,
    last_review: c.last_review === null ? undefined : new Date(learnerClock(c.last_review, clock)),
  };
}

function fromFsrs(
  before: SchedCard,
  item: { card: Card; log: { rating: number } },
  now: number,
  s: Scheduler,
) {
  const n = item.card;
  const vNow = learnerClock(now, s.clock);
  // Review cards fall due on a day (from its start hour); learning steps at their exact minute.
  const due =
    n.state === State.Review
      ? dayStart(learnerDay(now, s.clock) + n.scheduled_days, s.clock)
      : now + (n.due.getTime() - vNow);
  const l = item.log as unknown as Record<string, number>;
  return {
    card: {
      state: n.state,
      due,
      stability: n.stability,
      difficulty: n.difficulty,
      elapsed_days: n.elapsed_days,
      scheduled_days: n.scheduled_days,
      learning_steps: n.learning_steps,
      reps: n.reps,
      lapses: n.lapses,
      last_review: now,
    },
    log: {
      rating: item.log.rating,
      state_before: before.state,
      due: before.last_review ?? before.due ?? now,
      stability: before.stability,
      difficulty: before.difficulty,
      elapsed_days: l.elapsed_days ?? 0,
      last_elapsed_days: l.last_elapsed_days ?? 0,
      scheduled_days: before.scheduled_days,
      learning_steps: before.learning_steps,
      reviewed_at: now,
    },
  };
}

export function rateCard(s: Scheduler, c: SchedCard, now: number, grade: Grade): Outcome {
  const vNow = new Date(learnerClock(now, s.clock));
  return fromFsrs(c, s.f.next(toFsrsCard(c, now, s.clock), vNow, grade), now, s);
}

export function previewCard(s: Scheduler, c: SchedCard, now: number): Record<RatingName, Outcome> {
  const vNow = new Date(learnerClock(now, s.clock));
  const rec = s.f.repeat(toFsrsCard(c, now, s.clock), vNow);
  return {
    again: fromFsrs(c, rec[Rating.Again], now, s),
    hard: fromFsrs(c, rec[Rating.Hard], now, s),
    good: fromFsrs(c, rec[Rating.Good], now, s),
    easy: fromFsrs(c, rec[Rating.Easy], now, s),
  };
}

/** FSRS-6 forgetting curve, R(t, S) = (1 + factor·t/S)^(−decay), with factor chosen so R(S, S) = 0.9. */
export function curve(weights: readonly number[]): { decay: number; factor: number } {
  const decay = -(weights[20] ?? 0.1542);
  return { decay, factor: 0.9 ** (1 / decay) - 1 };
}
export const retrievability = (elapsedDays: number, stability: number, w: readonly number[]): number => {
  if (stability <= 0) return 0;
  const { decay, factor } = curve(w);
  return (1 + (factor * Math.max(0, elapsedDays)) / stability) ** decay;
};
