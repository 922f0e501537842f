import type { Lang } from '../i18n/index.ts';

/** Shapes the Exercises screen reads; the handler table's own types take over once the handlers exist. */
export type LocalText = string | { ko: string; en: string };
export type ExerciseSummary = { id: string; title: LocalText; topic?: string; difficulty?: string };
export type ExerciseDetail = ExerciseSummary & { task: LocalText; hints?: LocalText[]; solution?: string };
export type CheckView = {
  id: string;
  passed: boolean;
  message: string;
  line: number | null;
  column: number | null;
  hint?: string;
};
export type VerdictView = {
  passed: boolean;
  score: number;
  checks: CheckView[];
  errors: { code: string; message: string; line: number | null; column: number | null }[];
};

export const pick = (text: LocalText | undefined, lang: Lang): string =>
  text === undefined ? '' : typeof text === 'string' ? text : (text[lang] ?? text.en);
