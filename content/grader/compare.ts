/** Value comparison after defaults: the "patient examiner" equality used by `equals` and `oneOf`. */

const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Does `actual` satisfy `expected`? Scalars compare strictly (80 is not "80"). A mapping matches when every key the
 * expected mapping names matches (extra keys in the answer are fine). A list matches when it has the same length
 * and each expected element matches a different answer element, in any order (lists are compared by identity,
 * not position).
 */
export function matches(actual: unknown, expected: unknown): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    const used = new Array<boolean>(actual.length).fill(false);
    for (const e of expected) {
      const i = actual.findIndex((a, j) => !used[j] && matches(a, e));
      if (i < 0) return false;
      used[i] = true;
    }
    return true;
  }
  if (isObj(expected)) {
    if (!isObj(actual)) return false;
    return Object.keys(expected).every((k) => matches(actual[k], expected[k]));
  }
  return actual === expected;
}

/** Short rendering of a value for messages. */
export function show(v: unknown): string {
  if (v === undefined) return '(missing)';
  if (typeof v === 'string') return /^[\w./:-]+$/.test(v) && !/^[\d.]+$/.test(v) ? v : JSON.stringify(v);
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
