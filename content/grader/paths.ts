/**
 * Check paths: `spec.ports[port=80].nodePort`, `spec.rules[0]`, `spec.listeners[*].port`,
 * `metadata.annotations["nginx.ingress.kubernetes.io/rewrite-target"]`, `data["app.yaml"]|yaml.mode`,
 * `spec.rules[matches[0].path.value=/app].backendRefs[name=my-app].port`.
 */
import { parse as parseYaml } from 'yaml';
import type { ConcretePath } from './types.ts';

export type Segment =
  | { t: 'key'; key: string }
  | { t: 'index'; n: number }
  | { t: 'select'; key: Segment[]; value: string }
  | { t: 'all' }
  | { t: 'yaml' };

export class PathSyntaxError extends Error {}

export function parsePath(src: string): Segment[] {
  const segs: Segment[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new PathSyntaxError(`bad path "${src}" at ${i + 1}: ${why}`);
  };
  const readKey = () => {
    const start = i;
    while (i < src.length && !'.[]|'.includes(src[i]!)) i++;
    if (i === start) fail('expected a field name');
    segs.push({ t: 'key', key: src.slice(start, i) });
  };
  const readQuoted = (): string => {
    const start = i;
    i++;
    while (i < src.length && src[i] !== '"') i += src[i] === '\\' ? 2 : 1;
    if (i >= src.length) fail('unterminated string');
    i++;
    return JSON.parse(src.slice(start, i)) as string;
  };
  if (src === '') fail('empty path');
  if (src[0] !== '[') readKey();
  while (i < src.length) {
    const c = src[i]!;
    if (c === '.') {
      i++;
      readKey();
    } else if (src.startsWith('|yaml', i)) {
      i += 5;
      segs.push({ t: 'yaml' });
    } else if (c === '[') {
      i++;
      if (src[i] === '*' && src[i + 1] === ']') {
        i += 2;
        segs.push({ t: 'all' });
        continue;
      }
      const digits = /^\d+\]/.exec(src.slice(i));
      if (digits) {
        segs.push({ t: 'index', n: Number(digits[0].slice(0, -1)) });
        i += digits[0].length;
        continue;
      }
      if (src[i] === '"') {
        const key = readQuoted();
        if (src[i] !== ']') fail('expected ]');
        i++;
        segs.push({ t: 'key', key });
        continue;
      }
      // Selector: <relative path>=<value>]; the key may itself hold brackets.
      let depth = 0;
      const start = i;
      while (i < src.length && !(depth === 0 && src[i] === '=')) {
        if (src[i] === '"') {
          readQuoted();
          continue;
        }
        if (src[i] === '[') depth++;
        if (src[i] === ']') {
          if (depth === 0) fail('expected [n], [*], ["key"] or [field=value]');
          depth--;
        }
        i++;
      }
      if (i >= src.length) fail('unterminated [');
      const key = parsePath(src.slice(start, i));
      i++;
      let value: string;
      if (src[i] === '"') value = readQuoted();
      else {
        const vs = i;
        while (i < src.length && src[i] !== ']') i++;
        value = src.slice(vs, i);
      }
      if (src[i] !== ']') fail('expected ]');
      i++;
      segs.push({ t: 'select', key, value });
    } else {
      fail(`unexpected "${c}"`);
    }
  }
  return segs;
}

export type Match = {
  /** Where to point in the answer (the nearest existing node). */
  loc: ConcretePath;
  value: unknown;
  exists: boolean;
  /** For a missing map key: the map and the key, so a near-miss key can be suggested. */
  missing?: { parent: Record<string, unknown>; key: string };
  /** Describes what was not found, e.g. `ports[port=80]`. */
  notFound?: string;
};

const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function describe(seg: Segment): string {
  switch (seg.t) {
    case 'key':
      return seg.key;
    case 'index':
      return `[${seg.n}]`;
    case 'all':
      return '[*]';
    case 'yaml':
      return '|yaml';
    case 'select':
      return `[${pathText(seg.key)}=${seg.value}]`;
  }
}

/** Evaluates a path; one match per selected element (several with [*] or a selector matching many). */
export function evaluate(root: unknown, segs: Segment[]): Match[] {
  let cur: Match[] = [{ loc: [], value: root, exists: true }];
  let inEmbedded = false;
  for (const seg of segs) {
    const next: Match[] = [];
    for (const m of cur) {
      if (!m.exists) {
        next.push(m);
        continue;
      }
      const extend = (p: string | number): ConcretePath => (inEmbedded ? m.loc : [...m.loc, p]);
      const v = m.value;
      if (seg.t === 'key') {
        if (isObj(v) && v[seg.key] !== undefined && v[seg.key] !== null) {
          next.push({ loc: extend(seg.key), value: v[seg.key], exists: true });
        } else {
          next.push({
            loc: m.loc,
            value: undefined,
            exists: false,
            notFound: seg.key,
            ...(isObj(v) ? { missing: { parent: v, key: seg.key } } : {}),
          });
        }
      } else if (seg.t === 'index') {
        if (Array.isArray(v) && seg.n < v.length)
          next.push({ loc: extend(seg.n), value: v[seg.n], exists: true });
        else next.push({ loc: m.loc, value: undefined, exists: false, notFound: describe(seg) });
      } else if (seg.t === 'all') {
        if (Array.isArray(v))
          for (const [i, el] of v.entries()) next.push({ loc: extend(i), value: el, exists: true });
        else next.push({ loc: m.loc, value: undefined, exists: false, notFound: describe(seg) });
      } else if (seg.t === 'select') {
        const hits: Match[] = [];
        if (Array.isArray(v)) {
          v.forEach((el, i) => {
            const inner = evaluate(el, seg.key);
            if (inner.some((x) => x.exists && scalarText(x.value) === seg.value)) {
              hits.push({ loc: extend(i), value: el, exists: true });
            }
          });
        }
        const list = m.loc[m.loc.length - 1];
        const label = `${typeof list === 'string' ? list : ''}${describe(seg)}`;
        if (hits.length === 0) next.push({ loc: m.loc, value: undefined, exists: false, notFound: label });
        else next.push(...hits);
      } else {
        let parsed: unknown;
        try {
          parsed = typeof v === 'string' ? parseYaml(v, { maxAliasCount: 10 }) : undefined;
        } catch {
          parsed = undefined;
        }
        inEmbedded = true;
        if (parsed === undefined)
          next.push({ loc: m.loc, value: undefined, exists: false, notFound: '|yaml' });
        else next.push({ loc: m.loc, value: parsed, exists: true });
      }
    }
    cur = next;
  }
  return cur;
}

export function scalarText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** Renders a parsed path back to text (for derived check ids). */
export function pathText(segs: Segment[]): string {
  let out = '';
  for (const s of segs) {
    if (s.t === 'key') {
      const plain = /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(s.key);
      out += plain ? (out === '' ? s.key : `.${s.key}`) : `[${JSON.stringify(s.key)}]`;
    } else if (s.t === 'select') {
      const val = /^[^\]"]*$/.test(s.value) && s.value !== '' ? s.value : JSON.stringify(s.value);
      out += `[${pathText(s.key)}=${val}]`;
    } else out += describe(s);
  }
  return out;
}
