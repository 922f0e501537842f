import { readFileSync } from 'node:fs';
import { type Core, openCore } from '../../core/app.ts';
import type { GradeResult } from '../../core/handlers/exercises.ts';
import { KubedeckError } from '../../db/errors.ts';
import type { Command, Io } from '../command.ts';

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

export const gradeCommand: Command = {
  name: 'grade',
  usage:
    'grade <id> <answer.yaml|-> [--hints N] [--give-up] [--dir PATH] [--json] [--lang ko|en] [--db PATH]',
  summary: 'grade a manifest you wrote (exit 0 pass, 1 fail); with --db the attempt is recorded for review',
  options: { hints: { type: 'string' }, 'give-up': { type: 'boolean' }, dir: { type: 'string' } },
  needsDb: false,
  async run({ positionals, values, core, io, json, lang }) {
    if (positionals.length !== 2)
      throw new KubedeckError('usage', 'grade: give an exercise id and an answer file (or - for stdin)', 2);
    const [id, file] = positionals as [string, string];
    const hintsUsed = values.hints === undefined ? 0 : Number(values.hints);
    if (!Number.isInteger(hintsUsed) || hintsUsed < 0)
      throw new KubedeckError('usage', '--hints must be a whole number', 2);
    const answer = await readAnswer(file, io);
    // Without --db (or KUBEDECK_DB) grading touches no database: the attempt goes to a throwaway in-memory one.
    const persistent = typeof values.db === 'string' || Boolean(process.env.KUBEDECK_DB);
    const scratch: Core | undefined = persistent
      ? undefined
      : openCore({ dbPath: ':memory:', bundled: false, lang });
    const c = scratch ?? core();
    if (typeof values.dir === 'string') c.ctx.exercisesDir = values.dir;
    try {
      const r = await c.call('exercises/grade', {
        id,
        answer,
        lang,
        hintsUsed,
        gaveUp: values['give-up'] === true,
      });
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
    } finally {
      scratch?.close();
    }
  },
};
