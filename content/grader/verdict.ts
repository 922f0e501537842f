import type { LineCounter } from 'yaml';
import { apiRules } from './cel-rules.ts';
import { type AnswerDoc, runCheck } from './checks.ts';
import { applyDefaults } from './defaults.ts';
import { deriveChecks } from './derive-checks.ts';
import { findKind, KIND_NAMES, KINDS, preferredVersion } from './kinds.ts';
import { noteManifestYaml } from './note-manifest.ts';

const KINDS_BY_NAME = (kind: string) => KINDS.filter((k) => k.kind === kind);

import { metadataRules, selectorRules } from './object-rules.ts';
import { locate, type ParseOptions, parseAnswer } from './parse.ts';
import { formatPath } from './paths-format.ts';
import { validateDoc } from './schema-validate.ts';
import { suggest } from './suggest.ts';
import type { Check, DocSelector, Exercise, GradeIssue, Lang, Verdict } from './types.ts';

export type GradeOptions = { lang?: Lang };

/** Parse → identify → schema + unknown fields → defaults → API rules. Never throws. */
export function analyse(
  text: string,
  opts: ParseOptions = {},
): { docs: AnswerDoc[]; issues: GradeIssue[]; lines: LineCounter } {
  const parsed = parseAnswer(text, opts);
  const issues = [...parsed.issues];
  const docs: AnswerDoc[] = [];
  for (const pd of parsed.docs) {
    const { apiVersion, kind } = pd.value;
    const info = findKind(apiVersion, kind);
    if (!info) {
      issues.push(identifyIssue(apiVersion, kind, pd.loc, (p) => locate(pd.doc, p, parsed.lines)));
    } else {
      issues.push(...validateDoc(pd, info, parsed.lines));
    }
    const value = applyDefaults(pd.value);
    if (info) {
      const rules = apiRules(value);
      metadataRules(pd.value, info.namespaced, info.source !== 'core', rules);
      selectorRules(pd.value, rules);
      for (const v of rules)
        issues.push({
          code: 'api-rule',
          path: formatPath(v.path),
          text: v.text,
          loc: locate(pd.doc, v.path, parsed.lines),
        });
    }
    docs.push({ pd, value });
  }
  return { docs, issues, lines: parsed.lines };
}

function identifyIssue(
  apiVersion: unknown,
  kind: unknown,
  docLoc: GradeIssue['loc'],
  at: (p: string[]) => GradeIssue['loc'],
): GradeIssue {
  if (typeof kind !== 'string' || kind === '') {
    return {
      code: 'kind',
      text: {
        en: 'kind: missing — every manifest needs apiVersion and kind',
        ko: 'kind: 없습니다 — 매니페스트에는 apiVersion과 kind가 필요합니다',
      },
      loc: docLoc,
    };
  }
  const sameKind = preferredVersion(kind);
  if (sameKind) {
    if (typeof apiVersion !== 'string' || apiVersion === '') {
      return {
        code: 'api-version',
        text: {
          en: `apiVersion: missing — ${kind} is ${sameKind.apiVersion}`,
          ko: `apiVersion: 없습니다 — ${kind}는 ${sameKind.apiVersion}입니다`,
        },
        loc: docLoc,
      };
    }
    return {
      code: 'api-version',
      text: {
        en: `apiVersion: ${kind} is served as ${served(kind)}, not ${apiVersion}`,
        ko: `apiVersion: ${kind}는 ${apiVersion}이 아니라 ${served(kind)}입니다`,
      },
      loc: at(['apiVersion']),
    };
  }
  const guess = suggest(kind, KIND_NAMES);
  const list = KIND_NAMES.join(', ');
  return {
    code: 'kind',
    text: guess
      ? {
          en: `kind: unknown kind "${kind}" — did you mean ${guess}?`,
          ko: `kind: 알 수 없는 kind "${kind}" — ${guess}을(를) 의도했나요?`,
        }
      : {
          en: `kind: "${kind}" is not graded here (supported: ${list})`,
          ko: `kind: "${kind}"은(는) 채점하지 않습니다 (지원: ${list})`,
        },
    loc: at(['kind']),
  };
}

const served = (kind: string): string =>
  KINDS_BY_NAME(kind)
    .map((k) => k.apiVersion)
    .join(' or ');

type Reference = { checks: Check[]; fallback: DocSelector };
const refCache = new Map<string, Reference>();

/** Parses a reference once; its derived checks and default document are cached by text. */
function reference(refText: string, explicit: Check[] | null): Reference {
  const cacheKey = explicit ? null : refText;
  const hit = cacheKey !== null ? refCache.get(cacheKey) : undefined;
  if (hit) return hit;
  const { docs } = analyse(refText);
  const values = docs.map((d) => d.value);
  const first = values[0];
  const fallback: DocSelector = {};
  if (first) {
    fallback.kind = String(first.kind);
    const name = (first.metadata as Record<string, unknown> | undefined)?.name;
    if (typeof name === 'string') fallback.name = name;
  }
  const ref = { checks: explicit ?? deriveChecks(values), fallback };
  if (cacheKey !== null) {
    if (refCache.size > 500) refCache.clear();
    refCache.set(cacheKey, ref);
  }
  return ref;
}

const fallbackCache = new WeakMap<Exercise, Reference>();

function run(exerciseId: string | null, ref: Reference, answer: string, lang: Lang): Verdict {
  const { docs, issues, lines } = analyse(answer);
  const errors = issues.map((i) => ({
    code: i.code,
    message: i.text[lang],
    line: i.loc?.line ?? null,
    column: i.loc?.column ?? null,
  }));
  // Checks only make sense on something that parsed; a YAML error already says what to fix.
  const checks = docs.length > 0 ? ref.checks.map((c) => runCheck(c, docs, ref.fallback, lines, lang)) : [];
  const passedCount = checks.filter((c) => c.passed).length;
  const total = ref.checks.length;
  // Each error (the API server would refuse the answer) weighs as much as a failed check.
  const score = total === 0 ? 0 : Math.round((100 * passedCount) / (total + errors.length));
  return {
    exercise: exerciseId,
    passed: errors.length === 0 && total > 0 && passedCount === total,
    score,
    checks,
    errors,
  };
}

/** Grades an answer to a bundled or user exercise. Pure; never throws on any answer text. */
export function grade(exercise: Exercise, answerText: string, opts: GradeOptions = {}): Verdict {
  let ref = fallbackCache.get(exercise);
  if (!ref) {
    ref = reference(exercise.solution, exercise.derivedChecks ? null : exercise.checks);
    if (exercise.derivedChecks)
      ref = { ...ref, checks: exercise.checks.length ? exercise.checks : ref.checks };
    fallbackCache.set(exercise, ref);
  }
  return run(exercise.id, ref, answerText, opts.lang ?? 'en');
}

/**
 * Grades against a reference manifest with checks derived from it ("recall this manifest" cards). The reference is
 * the note's block as written: a fence or the shell around it is not part of the manifest.
 */
export function gradeAgainstReference(
  referenceYaml: string,
  answerText: string,
  opts: GradeOptions = {},
): Verdict {
  return run(null, reference(noteManifestYaml(referenceYaml), null), answerText, opts.lang ?? 'en');
}
