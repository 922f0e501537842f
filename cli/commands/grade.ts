import { readFileSync } from 'node:fs';
import {
  type DiffRow,
  ExerciseFormatError,
  findExercise,
  grade,
  ratingForAttempt,
  sideBySideDiff,
} from '../../content/grader/index.ts';
import type { GradeResult } from '../../core/handlers/exercises.ts';
import { KubedeckError } from '../../db/errors.ts';
import type { CommandImpl, Io } from '../command.ts';
import { coreWithDir } from '../core-with-dir.ts';

const MARK = { same: ' ', changed: '|', removed: '<', added: '>' } as const;

/** Reference on the left, the learner's answer on the right. */
function sideBySide(rows: NonNullable<GradeResult['diff']>, width: number, labels: [string, string]): string {
  const col = Math.max(20, Math.floor((width - 3) / 2));
  const pad = (s: string) => (s.length > col ? `${s.slice(0, col - 1)}…` : s.padEnd(col));
  const out = [`${pad(labels[0])}   ${labels[1]}`, `${'-'.repeat(col)}   ${'-'.repeat(col)}`];
  for (const r of rows) out.push(`${pad(r.left)} ${MARK[r.op]} ${r.right}`);
  return out.join('\n');
}

/** Invalid UTF-8 is graded with U+FFFD in place of the bad bytes, and said so at its line, as the importer does. */
function decodeAnswer(bytes: Uint8Array, file: string, warn: (s: string) => void): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const bad = text.indexOf('\uFFFD');
    const line = bad < 0 ? 1 : text.slice(0, bad).split('\n').length;
    warn(`${file}:${line}: invalid UTF-8; the bad bytes were replaced with \uFFFD`);
    return text;
  }
}

function readAnswer(arg: string, io: Io): Promise<string> | string {
  if (arg === '-') return io.readStdin();
  try {
    return decodeAnswer(readFileSync(arg), arg, io.err);
  } catch (e) {
    throw new KubedeckError(
      'unreadable',
      `cannot read ${arg}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      2,
    );
  }
}

export const gradeCommand: CommandImpl = {
  async run({ positionals, values, core, io, json, lang }) {
    if (positionals.length !== 2)
      throw new KubedeckError('usage', 'grade: give an exercise id and an answer file (or - for stdin)', 2);
    const [id, file] = positionals as [string, string];
    const hintsUsed = values.hints === undefined ? 0 : Number(values.hints);
    if (!Number.isInteger(hintsUsed) || hintsUsed < 0)
      throw new KubedeckError('usage', '--hints must be a whole number', 2);
    const answer = await readAnswer(file, io);
    const gaveUp = values['give-up'] === true;
    const dir = typeof values.dir === 'string' ? values.dir : undefined;
    // Without --db (or KUBEDECK_DB) grading touches no database and loads neither the core nor the scheduler:
    // the grader alone gives the verdict. With one, the attempt is recorded and rates the exercise's card.
    const persistent = typeof values.db === 'string' || Boolean(process.env.KUBEDECK_DB);
    const r: Pick<GradeResult, 'verdict' | 'diff' | 'attemptId' | 'rating' | 'rated'> = persistent
      ? await coreWithDir(core, dir).call('exercises/grade', { id, answer, lang, hintsUsed, gaveUp })
      : gradeWithoutDb(id, answer, lang, gaveUp, hintsUsed, dir);
    const v = r.verdict;
    if (json) {
      io.out(
        JSON.stringify({
          exercise: v.exercise,
          passed: v.passed,
          score: v.score,
          checks: v.checks.map(({ id, passed, message, line, column }) => ({
            id,
            passed,
            message,
            line,
            column,
          })),
          errors: v.errors.map(({ message, line, column }) => ({ message, line, column })),
        }),
      );
      return v.passed ? 0 : 1;
    }
    const at = (l: number | null, c: number | null) => (l === null ? '' : `${l}:${c} `);
    const ko = lang === 'ko';
    io.out(
      `${id}: ${v.passed ? (ko ? '통과' : 'PASS') : ko ? '실패' : 'FAIL'}  ${ko ? '점수' : 'score'} ${v.score}/100`,
    );
    for (const e of v.errors) io.out(`  ! ${at(e.line, e.column)}${e.message}`);
    for (const ch of v.checks) {
      io.out(`  ${ch.passed ? '✓' : '✗'} ${at(ch.line, ch.column)}${ch.message}`);
      if (!ch.passed && ch.hint) io.out(`      ${ko ? '힌트' : 'hint'}: ${ch.hint}`);
    }
    if (r.diff) {
      const labels: [string, string] = ko ? ['모범 답안', '내 답안'] : ['reference', 'your answer'];
      io.out(`\n${sideBySide(r.diff, process.stdout.columns || 110, labels)}`);
    }
    if (persistent && r.attemptId !== null) {
      const next = r.rated?.due ? (ko ? `, 다음 복습 ${r.rated.due}` : `, next review ${r.rated.due}`) : '';
      io.out(ko ? `기록됨: 평가 ${r.rating}${next}` : `recorded: rating ${r.rating}${next}`);
    }
    return v.passed ? 0 : 1;
  },
};

function gradeWithoutDb(
  id: string,
  answer: string,
  lang: 'ko' | 'en',
  gaveUp: boolean,
  hintsUsed: number,
  dir: string | undefined,
): Pick<GradeResult, 'verdict' | 'diff' | 'attemptId' | 'rating' | 'rated'> {
  let ex: ReturnType<typeof findExercise>;
  try {
    ex = findExercise(id, dir);
  } catch (e) {
    if (e instanceof ExerciseFormatError) throw new KubedeckError('exercise-format', e.message);
    throw e;
  }
  if (!ex) throw new KubedeckError('unknown-exercise', `no exercise "${id}" (try kubedeck exercises)`, 2);
  const verdict = grade(ex, answer, { lang });
  const diff: DiffRow[] | null = verdict.passed || gaveUp ? sideBySideDiff(ex.solution, answer) : null;
  const rating = ratingForAttempt({ passed: verdict.passed && !gaveUp, hintsUsed, priorFailedAttempts: 0 });
  return { verdict, diff, attemptId: null, rating, rated: null };
}
