import {
  type DiffRow,
  findExercise,
  grade,
  gradeAgainstReference,
  sideBySideDiff,
  type Verdict,
} from '../../content/grader/index.ts';
import type { Lang } from '../context.ts';

export type GradeTaskArgs =
  | { kind: 'exercise'; id: string; folder?: string; answer: string; lang: Lang; gaveUp: boolean }
  | { kind: 'manifest'; reference: string; answer: string; lang: Lang; reveal: boolean };
export type GradeTaskResult = { verdict: Verdict; diff: DiffRow[] | null };

/** The grader's pure part (parse, validate, diff), with no database: what may take long on a large answer. */
export function gradeTask(a: GradeTaskArgs): GradeTaskResult {
  if (a.kind === 'manifest') {
    const verdict = gradeAgainstReference(a.reference, a.answer, { lang: a.lang });
    return { verdict, diff: verdict.passed || a.reveal ? sideBySideDiff(a.reference, a.answer) : null };
  }
  const ex = findExercise(a.id, a.folder);
  if (!ex) throw new Error(`no exercise "${a.id}"`);
  const verdict = grade(ex, a.answer, { lang: a.lang });
  return { verdict, diff: verdict.passed || a.gaveUp ? sideBySideDiff(ex.solution, a.answer) : null };
}
