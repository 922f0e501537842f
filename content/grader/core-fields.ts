/**
 * Unknown fields of core kinds, judged from the field tree generated from the Kubernetes API definitions
 * (schemas/core/fields.json, see scripts/gen-core-schemas.mjs) rather than from what a validator happens to read.
 */
import { readFileSync } from 'node:fs';
import type { ConcretePath } from './types.ts';

type Ref = string | 0 | 1 | { i: Ref } | { a: Ref };
type Fields = { kinds: Record<string, Ref>; defs: Record<string, { p: Record<string, Ref> }> };

let fields: Fields | null = null;
function load(): Fields {
  fields ??= JSON.parse(
    readFileSync(new URL('./schemas/core/fields.json', import.meta.url), 'utf8'),
  ) as Fields;
  return fields;
}

export const OBJECT_META = 'apimachinery/apis/meta/v1/ObjectMeta';

export type UnknownField = { path: ConcretePath; known: readonly string[] };

/** Walks `value` along the kind's field tree; every key the tree does not name is reported with its siblings. */
export function unknownCoreFields(apiVersion: string, kind: string, value: unknown): UnknownField[] {
  const f = load();
  const root = f.kinds[`${apiVersion}/${kind}`];
  const out: UnknownField[] = [];
  if (root !== undefined) walk(f, root, value, [], out);
  return out;
}

/** The same walk from ObjectMeta, for kinds whose schema leaves metadata open (custom resources). */
export function unknownMetadataFields(value: unknown, path: ConcretePath): UnknownField[] {
  const out: UnknownField[] = [];
  walk(load(), OBJECT_META, value, path, out);
  return out;
}

/** Nothing below: a scalar field, a free-form object, or a value that is not an object. */
const leaf = (ref: Ref, v: unknown): boolean => ref === 0 || ref === 1 || v === null || typeof v !== 'object';

/**
 * A definition's field names, one shared (read-only) list per definition: thousands of unknown fields under one
 * mapping all name the same siblings, and the suggestions cache work per list.
 */
const names = new WeakMap<object, readonly string[]>();
function fieldNames(def: { p: Record<string, Ref> }): readonly string[] {
  let list = names.get(def);
  if (!list) {
    list = Object.freeze(Object.keys(def.p));
    names.set(def, list);
  }
  return list;
}

function walk(f: Fields, ref: Ref, v: unknown, path: ConcretePath, out: UnknownField[]): void {
  if (leaf(ref, v)) return;
  if (typeof ref === 'object') {
    // Maps of strings (labels, ConfigMap data) can hold thousands of entries: no path is built for a leaf.
    if ('i' in ref) {
      if (Array.isArray(v))
        for (const [i, x] of v.entries()) if (!leaf(ref.i, x)) walk(f, ref.i, x, [...path, i], out);
    } else if (!Array.isArray(v)) {
      for (const [k, x] of Object.entries(v as Record<string, unknown>))
        if (!leaf(ref.a, x)) walk(f, ref.a, x, [...path, k], out);
    }
    return;
  }
  const def = f.defs[ref];
  if (!def || Array.isArray(v)) return;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const child = def.p[k];
    if (child === undefined) out.push({ path: [...path, k], known: fieldNames(def) });
    else walk(f, child, x, [...path, k], out);
  }
}
