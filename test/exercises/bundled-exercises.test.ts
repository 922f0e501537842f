/**
 * Every bundled exercise, graded for real: the reference solution must pass cleanly, and every realistic wrong
 * answer kept in its wrong/ folder must fail for the reason its first line announces.
 */
import { describe, expect, it } from 'vitest';
import { type Exercise, grade, loadExercises, loadWrongAnswers } from '../../content/grader/index.ts';

const exercises = loadExercises();

/** A wrong answer's verdict, reduced to what a failing assertion should print. */
function summary(exercise: Exercise, text: string) {
  const v = grade(exercise, text);
  return {
    passed: v.passed,
    failedChecks: v.checks.filter((c) => !c.passed).map((c) => c.id),
    errors: v.errors.map((e) => e.message),
  };
}

describe('bundled exercises', () => {
  it('has at least 15 exercises, each with a unique id', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(15);
    const ids = exercises.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(exercises.map((e) => [e.id, e] as const))('%s', (_id, exercise) => {
    it('has bilingual task text and at least one check', () => {
      for (const t of [exercise.title, exercise.task, ...exercise.hints]) {
        expect(t.ko.trim()).not.toBe('');
        expect(t.en.trim()).not.toBe('');
      }
      expect(exercise.checks.length).toBeGreaterThan(0);
    });

    it('passes its own reference solution with a full score and no errors', () => {
      for (const lang of ['en', 'ko'] as const) {
        const v = grade(exercise, exercise.solution, { lang });
        expect({ errors: v.errors, failed: v.checks.filter((c) => !c.passed) }).toEqual({
          errors: [],
          failed: [],
        });
        expect(v.score).toBe(100);
        expect(v.passed).toBe(true);
      }
    });

    const wrong = loadWrongAnswers(exercise.dir);

    it('keeps at least 3 wrong answers, each announcing what it should trip', () => {
      expect(wrong.length).toBeGreaterThanOrEqual(3);
      const checkIds = new Set(exercise.checks.map((c) => c.id));
      for (const w of wrong) {
        const announced = w.expectCheck ?? w.expectError;
        expect(
          announced,
          `${w.file}: first line must be "# expect: <check id>" or "# expect-error: <text>"`,
        ).toBeTruthy();
        if (w.expectCheck !== null) expect(checkIds, `${w.file}: unknown check id`).toContain(w.expectCheck);
      }
    });

    it.each(wrong.map((w) => [w.file.split(/[\\/]/).pop()!, w] as const))('rejects %s', (_file, w) => {
      const s = summary(exercise, w.text);
      expect(s.passed).toBe(false);
      if (w.expectCheck !== null) expect(s.failedChecks, JSON.stringify(s)).toContain(w.expectCheck);
      if (w.expectError !== null) {
        const needle = w.expectError;
        expect(
          s.errors.some((m) => m.includes(needle)),
          `expected an error containing ${JSON.stringify(needle)}; got ${JSON.stringify(s)}`,
        ).toBe(true);
      }
    });
  });
});
