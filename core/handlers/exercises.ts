import { z } from 'zod';
import {
  type DiffRow,
  type Exercise,
  ExerciseFormatError,
  findExercise,
  loadExercises,
  ratingForAttempt,
  type Verdict,
} from '../../content/grader/index.ts';
import {
  cardIdForExercise,
  countFailedSinceLastPass,
  insertAttempt,
  passedExerciseIds,
} from '../../db/attempts.ts';
import { KubedeckError } from '../../db/errors.ts';
import { getCardRow } from '../../db/review.ts';
import type { Ctx } from '../context.ts';
import { defineHandlers } from '../handler.ts';
import { gradeAnswer } from '../offthread/heavy.ts';
import type { RatedCard } from '../review/rate.ts';

const lang = z.enum(['ko', 'en']).optional();

/** The bundled exercises, or the folder the local user chose (`--dir`); never a folder named by a caller over HTTP. */
function exercisesIn(folder: string | undefined): Exercise[] {
  try {
    return loadExercises(folder);
  } catch (e) {
    if (e instanceof ExerciseFormatError) throw new KubedeckError('exercise-format', e.message);
    throw e;
  }
}

function exercise(folder: string | undefined, id: string): Exercise {
  let ex: Exercise | undefined;
  try {
    ex = findExercise(id, folder);
  } catch (e) {
    if (e instanceof ExerciseFormatError) throw new KubedeckError('exercise-format', e.message);
    throw e;
  }
  if (!ex) throw new KubedeckError('unknown-exercise', `no exercise "${id}" (try kubedeck exercises)`, 2);
  return ex;
}

export type ExerciseSummary = Pick<Exercise, 'id' | 'title' | 'topic' | 'difficulty'> & {
  checks: number;
  derivedChecks: boolean;
};
export type ExerciseDetail = ExerciseSummary & Pick<Exercise, 'task' | 'hints'>;
export type GradeResult = {
  verdict: Verdict;
  rating: 'good' | 'hard' | 'again';
  /** The card that schedules this exercise, for the review queue to rate (null until exercises are imported). */
  cardId: string | null;
  attemptId: number | null;
  /** The exercise's card after this attempt's rating went into the review queue (null: no card, or suspended). */
  rated: RatedCard | null;
  /** Reference vs answer, only once the learner passes or gives up. */
  diff: DiffRow[] | null;
  solution: string | null;
};

const summary = (e: Exercise): ExerciseSummary => ({
  id: e.id,
  title: e.title,
  topic: e.topic,
  difficulty: e.difficulty,
  checks: e.checks.length,
  derivedChecks: e.derivedChecks,
});

function record(ctx: Ctx, ex: Exercise, answer: string, verdict: Verdict, hintsUsed: number) {
  const prior = countFailedSinceLastPass(ctx.db, ex.id);
  const cardId = cardIdForExercise(ctx.db, ex.id);
  const attemptId = insertAttempt(ctx.db, {
    exercise_id: ex.id,
    card_id: cardId,
    answer,
    passed: verdict.passed ? 1 : 0,
    score: verdict.score,
    hints_used: hintsUsed,
    verdict: JSON.stringify(verdict),
    attempted_at: ctx.now().getTime(),
  });
  return { prior, cardId, attemptId };
}

export const exerciseHandlers = defineHandlers({
  /** Bundled exercises (or those in the configured folder), sorted by id. */
  'exercises/list': {
    args: z.object({}).default({}),
    run: (ctx): (ExerciseSummary & { passed: boolean })[] => {
      const passed = passedExerciseIds(ctx.db);
      return exercisesIn(ctx.exercisesDir).map((e) => ({ ...summary(e), passed: passed.has(e.id) }));
    },
  },
  'exercises/get': {
    args: z.object({ id: z.string().min(1) }),
    run: (ctx, a): ExerciseDetail => {
      const ex = exercise(ctx.exercisesDir, a.id);
      return { ...summary(ex), task: ex.task, hints: ex.hints };
    },
  },
  /** Grades an answer and records the attempt; the rating goes into the same queue as cards. */
  'exercises/grade': {
    args: z.object({
      id: z.string().min(1),
      answer: z.string(),
      lang,
      hintsUsed: z.number().int().min(0).default(0),
      gaveUp: z.boolean().default(false),
      record: z.boolean().default(true),
    }),
    run: async (ctx, a): Promise<GradeResult> => {
      const ex = exercise(ctx.exercisesDir, a.id);
      const { verdict, diff } = await gradeAnswer(ctx, {
        kind: 'exercise',
        id: a.id,
        folder: ctx.exercisesDir,
        answer: a.answer,
        lang: a.lang ?? ctx.lang,
        gaveUp: a.gaveUp,
      });
      // The scheduler (ts-fsrs) loads only when there is a card to rate: a bare `kubedeck grade` never needs it.
      const scheduler =
        a.record && cardIdForExercise(ctx.db, ex.id)
          ? await Promise.all([import('../review/rate.ts'), import('../review/session.ts')])
          : null;
      // The attempt and its rating of the exercise's card land together or not at all.
      const { rec, rating, rated } = ctx.db
        .transaction(() => {
          const rec = a.record ? record(ctx, ex, a.answer, verdict, a.hintsUsed) : null;
          const rating = ratingForAttempt({
            passed: verdict.passed && !a.gaveUp,
            hintsUsed: a.hintsUsed,
            priorFailedAttempts: rec?.prior ?? 0,
          });
          // A recorded attempt is a review of the exercise's card, done whenever the learner chose to do it.
          const card = rec?.cardId ? getCardRow(ctx.db, rec.cardId) : undefined;
          const rated =
            card && card.suspended === 0 && scheduler
              ? scheduler[0].rate(ctx, scheduler[1].openSession(ctx), {
                  cardId: card.id,
                  rating,
                  elapsedMs: 0,
                  early: true,
                }).card
              : null;
          return { rec, rating, rated };
        })
        // Immediate, like rate and import: a deferred transaction that reads first cannot wait for the write lock
        // and fails with "database is locked" as soon as another process writes.
        .immediate();
      const reveal = verdict.passed || a.gaveUp;
      return {
        verdict,
        rating,
        cardId: rec?.cardId ?? cardIdForExercise(ctx.db, ex.id),
        attemptId: rec?.attemptId ?? null,
        rated,
        diff: reveal ? diff : null,
        solution: reveal ? ex.solution : null,
      };
    },
  },
  /** "Recall this manifest" cards from notes: checks derived from the card's reference manifest. */
  'exercises/grade-manifest': {
    args: z.object({
      reference: z.string().min(1),
      answer: z.string(),
      lang,
      reveal: z.boolean().default(false),
    }),
    run: (ctx, a): Promise<{ verdict: Verdict; diff: DiffRow[] | null }> =>
      gradeAnswer(ctx, {
        kind: 'manifest',
        reference: a.reference,
        answer: a.answer,
        lang: a.lang ?? ctx.lang,
        reveal: a.reveal,
      }),
  },
});
