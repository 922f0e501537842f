/**
 * The checker's findings as import warnings: the `file:line: message` every way in already shows, plus what a
 * learner needs to decide (what the note says, what Kubernetes says, where that comes from), in ko and en.
 */
import type { KnownError } from '../markdown/known-errors.ts';
import type { NoteWarning } from '../markdown/types.ts';
import { checkNoteParts } from './check-note.ts';
import { factsBase } from './facts-base.ts';
import { manifestCheck } from './manifest-check.ts';
import type { CheckKind, NoteCheck } from './types.ts';

export type CheckWarning = NoteWarning & {
  column: number;
  kind: CheckKind;
  id: string;
  said: string;
  /** What Kubernetes says, in English; `ko` holds the Korean message and answer. */
  kubernetes: string;
  source: string;
  ko: { message: string; kubernetes: string };
};

const LABEL = {
  en: { fact: 'wrong', outdated: 'outdated', manifest: 'manifest' },
  ko: { fact: '틀린 내용', outdated: '오래된 내용', manifest: '매니페스트' },
} as const;

export function checkMessage(c: NoteCheck, lang: 'ko' | 'en'): string {
  const label = LABEL[lang][c.kind];
  return lang === 'ko'
    ? `${label} · ${c.about.ko}: 노트에는 "${c.said}" · Kubernetes: ${c.kubernetes.ko} (출처: ${c.source})`
    : `${label} · ${c.about.en}: your note says "${c.said}" · Kubernetes: ${c.kubernetes.en} (source: ${c.source})`;
}

export const toWarning = (file: string, c: NoteCheck): CheckWarning => ({
  file,
  line: c.line,
  column: c.column,
  message: checkMessage(c, 'en'),
  kind: c.kind,
  id: c.id,
  said: c.said,
  kubernetes: c.kubernetes.en,
  source: c.source,
  ko: { message: checkMessage(c, 'ko'), kubernetes: c.kubernetes.ko },
});

/**
 * The check of one note: its findings (stored for the cards) and the warnings the import shows. Never throws: a
 * checker bug must not cost the learner the import of the note.
 */
export function checkNoteSafely(
  file: string,
  text: string,
): { checks: NoteCheck[]; warnings: CheckWarning[]; manifestsDeferred: boolean } {
  try {
    const { checks, manifestsDeferred } = checkNoteParts(text, factsBase(), manifestCheck());
    return { checks, warnings: checks.map((c) => toWarning(file, c)), manifestsDeferred };
  } catch (e) {
    const why = (e as Error).message;
    const warning: CheckWarning = {
      file,
      line: 1,
      column: 1,
      message: `the Kubernetes check could not read this note (${why}); its cards were imported`,
      kind: 'fact',
      id: 'checker-error',
      said: '',
      kubernetes: '',
      source: '',
      ko: {
        message: `Kubernetes 검사가 이 노트를 읽지 못했습니다 (${why}). 카드는 가져왔습니다`,
        kubernetes: '',
      },
    };
    return { checks: [], warnings: [warning], manifestsDeferred: false };
  }
}

export const checkWarnings = (file: string, text: string) => checkNoteSafely(file, text).warnings;

/** What the card selection must not drill: each value a prose check found wrong or removed, where the note says it. */
export const knownErrorsOf = (checks: readonly NoteCheck[]): KnownError[] =>
  checks.flatMap((c) => (c.kind === 'manifest' ? [] : [{ line: c.line, said: c.said, kind: c.kind }]));
