/**
 * A deep copy of parsed YAML (plain objects, arrays, scalars). Several times faster than structuredClone on the
 * thousands of small objects a large answer has; depth is bounded by the parser's nesting limit.
 */
export function cloneData<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(cloneData) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = cloneData((v as Record<string, unknown>)[k]);
  return out as T;
}
