// Runs the FSRS optimizer off the main thread. Plain JS so it loads in any runtime (tsx, vitest, Electron) unchanged.
import { parentPort, workerData } from 'node:worker_threads';
import {
  computeParameters,
  FSRSBinding,
  FSRSBindingItem,
  FSRSBindingReview,
} from '@open-spaced-repetition/binding';

/** @param {number[][][]} histories per card: [[rating, deltaT], ...] in time order */
function toItems(histories) {
  const items = [];
  for (const h of histories) {
    const reviews = h.map(([rating, deltaT]) => new FSRSBindingReview(rating, deltaT));
    // One item per review after the first: the history so far, predicting its last review.
    for (let i = 2; i <= reviews.length; i++) {
      const item = new FSRSBindingItem(reviews.slice(0, i));
      // fsrs-rs predicts long-term recall: the reviewed item must come at least a day after the one before it.
      if (reviews[i - 1].deltaT > 0 && item.longTermReviewCnt() > 0) items.push(item);
    }
  }
  return items;
}

const { histories, current, numRelearningSteps } = workerData;
const items = toItems(histories);
const started = performance.now();
const before = new FSRSBinding(current).evaluate(items);
const params = await computeParameters(items, { enableShortTerm: true, numRelearningSteps });
const after = new FSRSBinding(params).evaluate(items);
parentPort.postMessage({
  items: items.length,
  before,
  after,
  params,
  seconds: (performance.now() - started) / 1000,
});
