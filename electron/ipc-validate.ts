/** Checks on everything that crosses the IPC boundary before it reaches the core. */

const NAME_RE = /^[a-z][a-z0-9-]*(\/[a-z][a-z0-9-]*)+$/;
const MAX_DEPTH = 20;

export const isHandlerName = (v: unknown): v is string =>
  typeof v === 'string' && v.length < 100 && NAME_RE.test(v);

/** Plain JSON data only: no functions, class instances or cycles (zod validates the shape in the core). */
export function isPlainJson(v: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (v === undefined) return depth > 0;
  if (Array.isArray(v)) return v.every((x) => isPlainJson(x, depth + 1));
  if (typeof v === 'object') {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(v as Record<string, unknown>).every((x) => isPlainJson(x, depth + 1));
  }
  return false;
}

/** Links in notes may only leave the app as https. */
export function isExternalHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export const isLang = (v: unknown): v is 'ko' | 'en' => v === 'ko' || v === 'en';
