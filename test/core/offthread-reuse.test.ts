/**
 * Issue #22: a long-lived host starts a grading worker ahead of time, and workers are kept for the next answer. The
 * warm worker once never delivered its reply (its message port was left stopped), so the first large answer in
 * serve was "too slow" after 10 s, though the grade itself takes about a second.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prewarmGrading, runOffThread } from '../../core/offthread/run.ts';
import { KubedeckError } from '../../db/errors.ts';

const LIMIT_MS = 8000;
const reference = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n';
const grade = (answer: string) =>
  runOffThread(
    'grade',
    { kind: 'manifest', reference, answer, lang: 'en', reveal: false },
    (why) => new KubedeckError(why === 'time' ? 'too-slow' : 'too-large', `stopped: ${why}`),
  );

let before: string | undefined;
beforeAll(() => {
  before = process.env.KUBEDECK_OFFTHREAD_TIMEOUT_MS;
  process.env.KUBEDECK_OFFTHREAD_TIMEOUT_MS = String(LIMIT_MS);
});
afterAll(() => {
  if (before === undefined) delete process.env.KUBEDECK_OFFTHREAD_TIMEOUT_MS;
  else process.env.KUBEDECK_OFFTHREAD_TIMEOUT_MS = before;
});

describe('grading workers are reused (issue #22)', () => {
  it('the warm worker grades the first answer, and its next ones, within moments', async () => {
    await prewarmGrading(); // what serve and the desktop core do at start
    const took: number[] = [];
    for (const answer of [reference, reference.replace('80', '81'), reference.replace('web', 'Web')]) {
      // The next answer comes later, as a learner's would: the worker waits idle in between.
      await new Promise((done) => setTimeout(done, 100));
      const t0 = performance.now();
      const r = await grade(answer);
      took.push(performance.now() - t0);
      expect(r.verdict.passed).toBe(answer === reference);
    }
    console.log(`worker grades: ${took.map((t) => t.toFixed(0)).join(', ')} ms`);
    // The grader is loaded already: each grade is a matter of milliseconds, far from the limit.
    expect(Math.max(...took)).toBeLessThan(LIMIT_MS / 2);
  }, 30_000);
});
