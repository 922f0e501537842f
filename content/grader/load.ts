import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { locate } from './parse.ts';
import { PathSyntaxError, parsePath } from './paths.ts';
import type { Check, Exercise, Text } from './types.ts';

/** A broken exercise folder: the message starts with `file:line:`. */
export class ExerciseFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    message: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
    this.name = 'ExerciseFormatError';
  }
}

export const BUNDLED_EXERCISES_DIR = resolve(fileURLToPath(new URL('../exercises', import.meta.url)));

const text = z.strictObject({ ko: z.string().min(1), en: z.string().min(1) });
const OPS = ['equals', 'oneOf', 'regex', 'exists', 'absent', 'count'] as const;

const checkSchema = z
  .strictObject({
    id: z.string().min(1),
    doc: z
      .strictObject({
        apiVersion: z.string().optional(),
        kind: z.string().optional(),
        name: z.string().optional(),
      })
      .optional(),
    path: z.string().min(1),
    equals: z.unknown().optional(),
    oneOf: z.array(z.unknown()).min(1).optional(),
    regex: z.string().optional(),
    exists: z.boolean().optional(),
    absent: z.literal(true).optional(),
    count: z.number().int().min(0).optional(),
    message: text.optional(),
    hint: text.optional(),
  })
  .superRefine((c, ctx) => {
    const ops = OPS.filter((o) => o in c);
    if (ops.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `a check needs exactly one of ${OPS.join(', ')} (found ${ops.length ? ops.join(', ') : 'none'})`,
      });
    }
    if (c.regex !== undefined) {
      try {
        new RegExp(c.regex);
      } catch (e) {
        ctx.addIssue({ code: 'custom', path: ['regex'], message: (e as Error).message });
      }
    }
    try {
      parsePath(c.path);
    } catch (e) {
      if (e instanceof PathSyntaxError) ctx.addIssue({ code: 'custom', path: ['path'], message: e.message });
      else throw e;
    }
  });

export const exerciseFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and -'),
  title: text,
  topic: z.enum(['services', 'ingress', 'gateway-api', 'network-policy', 'kube-proxy', 'dns']),
  difficulty: z.enum(['easy', 'medium', 'hard']),
  task: text,
  hints: z.array(text).optional(),
  checks: z.array(checkSchema).optional(),
});

type CheckFile = z.infer<typeof checkSchema>;

function toCheck(c: CheckFile): Check {
  const operator: Check['operator'] =
    'equals' in c
      ? { op: 'equals', value: c.equals }
      : c.oneOf !== undefined
        ? { op: 'oneOf', values: c.oneOf }
        : c.regex !== undefined
          ? { op: 'regex', pattern: c.regex }
          : c.count !== undefined
            ? { op: 'count', n: c.count }
            : c.exists === true
              ? { op: 'exists' }
              : { op: 'absent' };
  return {
    id: c.id,
    path: c.path,
    operator,
    ...(c.doc ? { doc: c.doc } : {}),
    ...(c.message ? { message: c.message as Text } : {}),
    ...(c.hint ? { hint: c.hint as Text } : {}),
  };
}

/** Reads and validates one exercise folder. Throws ExerciseFormatError with file:line. */
export function loadExercise(dir: string): Exercise {
  const file = join(dir, 'exercise.yaml');
  if (!existsSync(file)) throw new ExerciseFormatError(file, null, 'missing exercise.yaml');
  const src = readFileSync(file, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const yamlErr = doc.errors[0];
  if (yamlErr)
    throw new ExerciseFormatError(file, lines.linePos(yamlErr.pos[0]).line, yamlErr.message.split('\n')[0]!);
  const parsed = exerciseFileSchema.safeParse(doc.toJS({ maxAliasCount: 10 }));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // For an unknown key, point at that key rather than at its parent.
    const extra = issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
    const path = [...(issue.path as (string | number)[]), ...extra];
    const loc = locate(doc, path, lines, true);
    throw new ExerciseFormatError(file, loc?.line ?? null, `${path.join('.') || '(top)'}: ${issue.message}`);
  }
  const data = parsed.data;
  const folder = dir.split(/[\\/]/).filter(Boolean).pop();
  if (data.id !== folder)
    throw new ExerciseFormatError(
      file,
      locate(doc, ['id'], lines)?.line ?? 1,
      `id "${data.id}" must equal the folder name "${folder}"`,
    );
  const ids = new Set<string>();
  for (const [i, c] of (data.checks ?? []).entries()) {
    if (ids.has(c.id))
      throw new ExerciseFormatError(
        file,
        locate(doc, ['checks', i, 'id'], lines)?.line ?? null,
        `duplicate check id "${c.id}"`,
      );
    ids.add(c.id);
  }
  const solFile = join(dir, 'solution.yaml');
  if (!existsSync(solFile)) throw new ExerciseFormatError(solFile, null, 'missing solution.yaml');
  const solution = readFileSync(solFile, 'utf8');
  const checks = (data.checks ?? []).map(toCheck);
  return {
    id: data.id,
    title: data.title,
    topic: data.topic,
    difficulty: data.difficulty,
    task: data.task,
    hints: data.hints ?? [],
    checks,
    derivedChecks: checks.length === 0,
    solution,
    dir,
  };
}

/** Every exercise folder under `dir` (default: the bundled ones), sorted by id. */
export function loadExercises(dir: string = BUNDLED_EXERCISES_DIR): Exercise[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && statSync(join(dir, name)).isDirectory())
    .sort()
    .map((name) => loadExercise(join(dir, name)));
}

export type WrongAnswer = {
  file: string;
  text: string;
  expectCheck: string | null;
  expectError: string | null;
};

/** The realistic wrong answers kept next to an exercise (used by tests). */
export function loadWrongAnswers(dir: string): WrongAnswer[] {
  const wrongDir = join(dir, 'wrong');
  if (!existsSync(wrongDir)) return [];
  return readdirSync(wrongDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const t = readFileSync(join(wrongDir, f), 'utf8');
      const first = t.split('\n')[0] ?? '';
      const check = /^#\s*expect:\s*(.+?)\s*$/.exec(first);
      const err = /^#\s*expect-error:\s*(.+?)\s*$/.exec(first);
      return {
        file: join(wrongDir, f),
        text: t,
        expectCheck: check?.[1] ?? null,
        expectError: err?.[1] ?? null,
      };
    });
}

/**
 * One exercise by id. Its own folder is read first, so grading one answer need not parse every exercise's YAML;
 * an id that is not a folder name is looked for among all of them. Undefined when there is none.
 */
export function findExercise(id: string, dir: string = BUNDLED_EXERCISES_DIR): Exercise | undefined {
  const own = join(dir, id);
  if (/^[\w.-]+$/.test(id) && id !== '.' && id !== '..' && existsSync(join(own, 'exercise.yaml')))
    return loadExercise(own);
  return loadExercises(dir).find((x) => x.id === id);
}
