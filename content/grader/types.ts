/** Shared types of the grader. Everything here is plain data, so verdicts cross any transport as JSON. */

export type Lang = 'ko' | 'en';
/** A learner-facing text in both languages. */
export type Text = { ko: string; en: string };

export type Loc = { line: number; column: number };

/** A concrete path into a document: map keys and list indexes. */
export type ConcretePath = (string | number)[];

export type ErrorCode =
  | 'too-large'
  | 'yaml'
  | 'empty'
  | 'not-mapping'
  | 'helm'
  | 'kind'
  | 'api-version'
  | 'schema'
  | 'unknown-field'
  | 'api-rule';

/** A problem with the answer itself (it would not be accepted by the API server). */
export type GradeIssue = {
  code: ErrorCode;
  text: Text;
  loc: Loc | null;
  /** The field the problem is about (`spec.ports[0].port`), when it is about one. */
  path?: string;
};

export type DocSelector = { apiVersion?: string; kind?: string; name?: string };

export type Operator =
  | { op: 'equals'; value: unknown }
  | { op: 'oneOf'; values: unknown[] }
  | { op: 'regex'; pattern: string }
  | { op: 'exists' }
  | { op: 'absent' }
  | { op: 'count'; n: number };

export type Check = {
  id: string;
  doc?: DocSelector;
  path: string;
  operator: Operator;
  message?: Text;
  hint?: Text;
};

export type CheckResult = {
  id: string;
  passed: boolean;
  message: string;
  line: number | null;
  column: number | null;
  hint?: string;
};

export type VerdictError = { code: ErrorCode; message: string; line: number | null; column: number | null };

export type Verdict = {
  exercise: string | null;
  passed: boolean;
  /** Percentage of checks passed, 0-100 (integer). */
  score: number;
  checks: CheckResult[];
  errors: VerdictError[];
};

export type Exercise = {
  id: string;
  title: Text;
  topic: string;
  difficulty: 'easy' | 'medium' | 'hard';
  task: Text;
  hints: Text[];
  /** The exercise's own checks, or checks derived from the solution when it gives none. */
  checks: Check[];
  derivedChecks: boolean;
  /** Reference solution, as written (multi-document YAML). */
  solution: string;
  dir: string;
};

export const pick = (t: Text, lang: Lang): string => t[lang];
