/** How a schema problem is worded for a learner, in both languages; shared by the core and the CRD validators. */
import { suggest } from './suggest.ts';
import type { Text } from './types.ts';

export const q = (v: unknown): string =>
  typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));

export function typeText(shown: string, field: string, want: string[], actual: unknown): Text {
  const names = want.map((t) =>
    t === 'integer' ? 'an integer' : t === 'object' ? 'a mapping' : t === 'array' ? 'a list' : `a ${t}`,
  );
  const enWant = names.join(' or ');
  const koMap: Record<string, string> = {
    integer: '정수',
    string: '문자열',
    object: '매핑',
    array: '리스트',
    boolean: '불리언',
    number: '숫자',
  };
  const koWant = want.map((t) => koMap[t] ?? t).join(' 또는 ');
  if (
    typeof actual === 'string' &&
    /^-?\d+$/.test(actual) &&
    want.includes('integer') &&
    !want.includes('string')
  ) {
    return {
      en: `${shown}: ${field} must be an integer, not the string "${actual}" — remove the quotes`,
      ko: `${shown}: ${field}은(는) 문자열 "${actual}"이 아니라 정수여야 합니다 — 따옴표를 빼세요`,
    };
  }
  if ((typeof actual === 'number' || typeof actual === 'boolean') && want.includes('string')) {
    return {
      en: `${shown}: ${field} must be a string, found ${q(actual)} — quote it: "${String(actual)}"`,
      ko: `${shown}: ${field}은(는) 문자열이어야 하는데 ${q(actual)}입니다 — 따옴표로 감싸세요: "${String(actual)}"`,
    };
  }
  const found =
    actual === null
      ? 'null'
      : Array.isArray(actual)
        ? 'a list'
        : typeof actual === 'object'
          ? 'a mapping'
          : q(actual);
  return {
    en: `${shown}: ${field} must be ${enWant}, found ${found}`,
    ko: `${shown}: ${field}은(는) ${koWant}여야 하는데 ${found}입니다`,
  };
}

export function enumText(shown: string, actual: unknown, allowed: unknown[]): Text {
  const guess = typeof actual === 'string' ? suggest(actual, allowed.map(String)) : null;
  const dym = guess
    ? { en: ` — did you mean ${guess}?`, ko: ` — ${guess}을(를) 의도했나요?` }
    : { en: '', ko: '' };
  const list = allowed.map(String).join(', ');
  return {
    en: `${shown}: ${q(actual)} is not allowed; use one of ${list}${dym.en}`,
    ko: `${shown}: ${q(actual)}은(는) 허용되지 않습니다. 가능한 값: ${list}${dym.ko}`,
  };
}
