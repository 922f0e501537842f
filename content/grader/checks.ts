import type { LineCounter } from 'yaml';
import { matches, show } from './compare.ts';
import { locate, type ParsedDoc } from './parse.ts';
import { evaluate, type Match, parsePath } from './paths.ts';
import { suggest } from './suggest.ts';
import type { Check, CheckResult, DocSelector, Lang, Loc, Text } from './types.ts';

/** One answer document: as parsed (for lines) and after API defaults (for comparison). */
export type AnswerDoc = { pd: ParsedDoc; value: Record<string, unknown> };

const nameOf = (d: Record<string, unknown>): unknown =>
  (d.metadata as Record<string, unknown> | undefined)?.name;

/** By kind and name; a misnamed object is still found by kind, so the name check can say what is wrong. */
export function selectDoc(docs: AnswerDoc[], sel: DocSelector): AnswerDoc | null {
  const byKind = docs.filter(
    (d) =>
      (sel.kind === undefined || d.value.kind === sel.kind) &&
      (sel.apiVersion === undefined || d.value.apiVersion === sel.apiVersion),
  );
  if (sel.name !== undefined) {
    const exact = byKind.find((d) => nameOf(d.value) === sel.name);
    if (exact) return exact;
  }
  return byKind[0] ?? null;
}

function describeOp(check: Check): Text {
  const o = check.operator;
  const p = check.path;
  switch (o.op) {
    case 'equals':
      return { en: `${p} = ${show(o.value)}`, ko: `${p} = ${show(o.value)}` };
    case 'oneOf':
      return {
        en: `${p} is one of ${o.values.map(show).join(', ')}`,
        ko: `${p}: ${o.values.map(show).join(', ')} 중 하나`,
      };
    case 'regex':
      return { en: `${p} matches /${o.pattern}/`, ko: `${p}이(가) /${o.pattern}/에 맞음` };
    case 'exists':
      return { en: `${p} is set`, ko: `${p} 있음` };
    case 'absent':
      return { en: `${p} is not set`, ko: `${p} 없음` };
    case 'count':
      return { en: `${p} has ${o.n} item(s)`, ko: `${p} 항목 ${o.n}개` };
  }
}

function expectedText(check: Check): Text {
  const o = check.operator;
  if (o.op === 'equals') return { en: show(o.value), ko: show(o.value) };
  if (o.op === 'oneOf')
    return { en: `one of ${o.values.map(show).join(', ')}`, ko: `${o.values.map(show).join(', ')} 중 하나` };
  if (o.op === 'regex') return { en: `/${o.pattern}/`, ko: `/${o.pattern}/` };
  if (o.op === 'count') return { en: `${o.n} item(s)`, ko: `${o.n}개` };
  return { en: 'a value', ko: '값' };
}

type Outcome = { passed: boolean; detail: Text | null; focus: Match | null; nearKey?: string };

function evalOp(check: Check, found: Match[]): Outcome {
  const o = check.operator;
  const existing = found.filter((m) => m.exists);
  const missing = found.find((m) => !m.exists) ?? null;
  if (o.op === 'absent') {
    const bad = existing[0];
    return bad
      ? {
          passed: false,
          detail: { en: `found ${show(bad.value)}`, ko: `${show(bad.value)}이(가) 있습니다` },
          focus: bad,
        }
      : { passed: true, detail: null, focus: missing };
  }
  if (o.op === 'count') {
    const only = found.length === 1 ? found[0]! : null;
    const v = only?.exists ? only.value : undefined;
    const n = Array.isArray(v)
      ? v.length
      : v !== null && typeof v === 'object'
        ? Object.keys(v).length
        : existing.length;
    return n === o.n
      ? { passed: true, detail: null, focus: found[0] ?? null }
      : { passed: false, detail: { en: `found ${n}`, ko: `현재 ${n}개` }, focus: found[0] ?? null };
  }
  // With [*] or a selector some branches may lack the path (a rule without /wear); one that has it is enough.
  if (existing.length === 0) {
    const near = missing?.missing ? suggest(missing.missing.key, Object.keys(missing.missing.parent)) : null;
    const what = missing?.notFound ?? check.path;
    const detail: Text = near
      ? {
          en: `${what} is missing; found "${near}" — a typo?`,
          ko: `${what}이(가) 없습니다. "${near}"은(는) 오타인가요?`,
        }
      : { en: `${what} is missing`, ko: `${what}이(가) 없습니다` };
    return { passed: false, detail, focus: missing, ...(near ? { nearKey: near } : {}) };
  }
  for (const m of existing) {
    let ok: boolean;
    if (o.op === 'equals') ok = matches(m.value, o.value);
    else if (o.op === 'oneOf') ok = o.values.some((v) => matches(m.value, v));
    else if (o.op === 'regex') ok = typeof m.value === 'string' && safeRegex(o.pattern).test(m.value);
    else ok = true;
    if (!ok)
      return {
        passed: false,
        detail: { en: `found ${show(m.value)}`, ko: `현재 값 ${show(m.value)}` },
        focus: m,
      };
  }
  return { passed: true, detail: null, focus: existing[0] ?? null };
}

function safeRegex(pattern: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch {
    return /$^/;
  }
}

export function runCheck(
  check: Check,
  docs: AnswerDoc[],
  fallback: DocSelector,
  lines: LineCounter,
  lang: Lang,
): CheckResult {
  const sel = check.doc ?? fallback;
  const doc = selectDoc(docs, sel);
  const hint = check.hint ? { hint: check.hint[lang] } : {};
  if (!doc) {
    const kinds = [...new Set(docs.map((d) => show(d.value.kind)))].join(', ');
    const kind = sel.kind ?? 'document';
    const text: Text = docs.length
      ? {
          en: `no ${kind} in the answer (found ${kinds})`,
          ko: `답안에 ${kind}이(가) 없습니다 (있는 것: ${kinds})`,
        }
      : { en: `no ${kind} in the answer`, ko: `답안에 ${kind}이(가) 없습니다` };
    return { id: check.id, passed: false, message: text[lang], line: null, column: null, ...hint };
  }
  const out = evalOp(check, evaluate(doc.value, parsePath(check.path)));
  let loc: Loc | null = null;
  // A passing value that only exists as an API default has no line in the answer.
  const defaulted = out.passed && out.focus?.exists && !doc.pd.doc.hasIn(out.focus.loc);
  if (out.focus && !defaulted) {
    const p = out.nearKey ? [...out.focus.loc, out.nearKey] : out.focus.loc;
    loc = locate(doc.pd.doc, p, lines, !out.focus.exists || out.nearKey !== undefined);
  }
  let message: string;
  if (out.passed) message = describeOp(check)[lang];
  else if (check.message) message = `${check.message[lang]} (${out.detail?.[lang] ?? ''})`;
  else {
    const exp = expectedText(check);
    const d = out.detail;
    message =
      lang === 'en'
        ? `${check.path}: expected ${exp.en}${d ? `, ${d.en}` : ''}`
        : `${check.path}: ${exp.ko}이어야 합니다${d ? ` — ${d.ko}` : ''}`;
  }
  return {
    id: check.id,
    passed: out.passed,
    message,
    line: loc?.line ?? null,
    column: loc?.column ?? null,
    ...(out.passed ? {} : hint),
  };
}
