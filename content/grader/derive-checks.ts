/**
 * Checks derived from a reference solution by structural comparison: every leaf of the (defaulted) reference
 * becomes an `equals` check, lists of objects are addressed by identity (`ports[port=80]`, `paths[path=/wear]`,
 * `rules[matches[0].path.value=/app]`) and get a `count` check, so order never matters but extra items do.
 */
import { evaluate, pathText, type Segment, scalarText } from './paths.ts';
import type { Check, DocSelector } from './types.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Server-populated or volatile fields that a learner never writes. */
const SKIP_METADATA = new Set([
  'creationTimestamp',
  'uid',
  'resourceVersion',
  'generation',
  'managedFields',
  'selfLink',
]);

/** Identity candidates for list elements, most specific first. */
const IDENTITY: string[] = [
  'name',
  'port',
  'containerPort',
  'path',
  'host',
  'mountPath',
  'key',
  'type',
  'matches[0].path.value',
  'path.value',
  'hostname',
];

const key = (k: string): Segment => ({ t: 'key', key: k });

function chooseIdentity(items: Obj[], field: string): Segment[] | null {
  // Ports are identified by number (as the API server does), everything else by name first.
  const order = field === 'ports' ? ['port', 'containerPort', ...IDENTITY] : IDENTITY;
  for (const cand of order) {
    const segs = parseSimple(cand);
    const vals = items.map((it) => {
      const m = evaluate(it, segs)[0];
      return m?.exists ? scalarText(m.value) : null;
    });
    if (vals.every((v) => v !== null) && new Set(vals).size === vals.length) return segs;
  }
  return null;
}

function parseSimple(p: string): Segment[] {
  return p.split('.').flatMap((part): Segment[] => {
    const m = /^(\w+)\[(\d+)\]$/.exec(part);
    return m ? [key(m[1]!), { t: 'index', n: Number(m[2]) }] : [key(part)];
  });
}

export function deriveChecks(refDocs: Obj[]): Check[] {
  const out: Check[] = [];
  const multi = refDocs.length > 1;
  for (const doc of refDocs) {
    const name = (doc.metadata as Obj | undefined)?.name;
    const sel: DocSelector = { kind: String(doc.kind) };
    if (typeof name === 'string') sel.name = name;
    const prefix = multi ? `${sel.kind}/${sel.name ?? ''}:` : '';
    const add = (segs: Segment[], operator: Check['operator'], suffix = '') => {
      const path = pathText(segs);
      out.push({ id: `${prefix}${path}${suffix}`, doc: sel, path, operator });
    };
    const walk = (v: unknown, segs: Segment[]) => {
      if (Array.isArray(v)) {
        const objs = v.filter(isObj);
        if (v.length > 0 && objs.length === v.length) {
          add(segs, { op: 'count', n: v.length }, ' (count)');
          const last = segs[segs.length - 1];
          // One element: its index is its identity, and [0] gives sharper messages than a failed selector.
          const ident = objs.length > 1 ? chooseIdentity(objs, last?.t === 'key' ? last.key : '') : null;
          objs.forEach((el, i) => {
            const sel: Segment = ident
              ? { t: 'select', key: ident, value: scalarText(evaluate(el, ident)[0]!.value)! }
              : { t: 'index', n: i };
            walk(el, [...segs, sel]);
          });
        } else {
          add(segs, { op: 'equals', value: v });
        }
      } else if (isObj(v)) {
        const keys = Object.keys(v).filter((k) => v[k] !== null && v[k] !== undefined);
        if (keys.length === 0) {
          add(segs, { op: 'exists' });
          return;
        }
        for (const k of keys) {
          if (segs.length === 0 && k === 'status') continue;
          if (
            segs.length === 1 &&
            segs[0]!.t === 'key' &&
            segs[0]!.key === 'metadata' &&
            SKIP_METADATA.has(k)
          )
            continue;
          walk(v[k], [...segs, key(k)]);
        }
      } else if (v !== null && v !== undefined) {
        add(segs, { op: 'equals', value: v });
      }
    };
    walk(doc, []);
  }
  return out;
}
