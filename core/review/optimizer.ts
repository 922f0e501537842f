import { Worker } from 'node:worker_threads';
import { default_w } from 'ts-fsrs';
import { KubedeckError } from '../../db/errors.ts';
import { logsForOptimizer } from '../../db/review-log.ts';
import { setSetting } from '../../db/settings.ts';
import type { Ctx } from '../context.ts';
import { tr } from '../i18n/index.ts';
import { learnerDay } from './day.ts';
import type { Session } from './session.ts';
import { storageKey } from './settings.ts';

export const MIN_REVIEWS = 400;

export type Evaluation = { logLoss: number; rmseBins: number };
export type OptimizeResult = {
  reviews: number;
  items: number;
  before: Evaluation;
  after: Evaluation;
  params: number[];
  applied: boolean;
  seconds: number;
};

/**
 * Review histories per card as (rating, days since the previous review) on the learner's days. Cards whose history
 * does not start at their first (new) review are left out: the optimizer needs whole histories.
 */
export function histories(ctx: Ctx, s: Session): { histories: number[][][]; reviews: number } {
  const out: number[][][] = [];
  let reviews = 0;
  let card = '';
  let h: number[][] = [];
  let prevDay = 0;
  let keep = false;
  const flush = () => {
    if (keep && h.length > 0) out.push(h);
  };
  for (const r of logsForOptimizer(ctx.db)) {
    const day = learnerDay(r.reviewed_at, s.sched.clock);
    if (r.card_id !== card) {
      flush();
      card = r.card_id;
      h = [];
      keep = r.state_before === 0;
      prevDay = day;
    }
    if (!keep || r.rating < 1 || r.rating > 4) continue;
    h.push([r.rating, h.length === 0 ? 0 : day - prevDay]);
    prevDay = day;
    reviews++;
  }
  flush();
  return { histories: out, reviews };
}

function runWorker(data: unknown): Promise<Omit<OptimizeResult, 'reviews' | 'applied'>> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./optimizer-worker.mjs', import.meta.url), { workerData: data });
    w.once('message', resolve);
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`optimizer worker stopped with code ${code}`));
    });
  });
}

/** Fits FSRS parameters to this learner's log in a worker thread; keeps them only if they predict better. */
export async function optimize(ctx: Ctx, s: Session, apply = true): Promise<OptimizeResult> {
  const h = histories(ctx, s);
  if (h.reviews < MIN_REVIEWS)
    throw new KubedeckError(
      'too-few-reviews',
      tr(ctx.lang, 'core.tooFewReviews', { min: MIN_REVIEWS, n: h.reviews, left: MIN_REVIEWS - h.reviews }),
    );
  const current = s.settings.weights ?? [...default_w];
  const r = await runWorker({
    histories: h.histories,
    current,
    numRelearningSteps: s.settings.relearningSteps.length,
  });
  const better = r.after.logLoss < r.before.logLoss && r.after.rmseBins <= r.before.rmseBins * 1.05;
  if (apply && better) setSetting(ctx.db, storageKey('weights'), JSON.stringify(r.params));
  return { ...r, reviews: h.reviews, applied: apply && better };
}
