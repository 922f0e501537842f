/**
 * Validates a document against a structural schema the way the API server validates a custom resource under
 * strict field validation: types, enums, patterns, formats and bounds; unknown fields from the schema's own
 * `properties`; list maps (one item per key) and sets (no repeated value); oneOf/anyOf/not; and every
 * x-kubernetes-validations CEL rule, evaluated with `self` bound to the (defaulted) value. Transition rules
 * (`oldSelf`) are skipped: there is no stored object to compare with.
 */
import { isIP } from 'node:net';
import { celPropertyName, compileRule, usesOldSelf } from './cel-env.ts';
import { koreanRuleMessage } from './cel-messages.ts';
import { isObj, mapValueSchema, type SchemaNode } from './openapi-schema.ts';
import { fieldName, formatPath } from './paths-format.ts';
import { enumText, q, typeText } from './schema-messages.ts';
import type { ConcretePath, ErrorCode, Text } from './types.ts';

export type Finding = {
  path: ConcretePath;
  code: ErrorCode;
  text: Text;
  /** Point at the key rather than the value (unknown and missing fields). */
  atKey?: boolean;
  /** For unknown fields: the names the schema knows there, for a "did you mean". */
  known?: string[];
};

const regexCache = new Map<string, RegExp | null>();
function regex(p: string): RegExp | null {
  let r = regexCache.get(p);
  if (r === undefined) {
    try {
      r = new RegExp(p, 'u');
    } catch {
      try {
        r = new RegExp(p);
      } catch {
        r = null; // a pattern JS cannot read is not held against the answer
      }
    }
    regexCache.set(p, r);
  }
  return r;
}

function typeMatches(s: SchemaNode, v: unknown): boolean {
  if (s['x-kubernetes-int-or-string'])
    return typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v));
  switch (s.type) {
    case undefined:
      return true;
    case 'object':
      return isObj(v);
    case 'array':
      return Array.isArray(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    default:
      return typeof v === s.type;
  }
}

function formatOk(format: string, v: unknown): boolean {
  if (typeof v === 'number') {
    if (format === 'int32') return v >= -2147483648 && v <= 2147483647;
    return true;
  }
  if (typeof v !== 'string') return true;
  switch (format) {
    case 'ipv4':
      return isIP(v) === 4;
    case 'ipv6':
      return isIP(v) === 6;
    case 'date-time':
      return /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v);
    default:
      return true;
  }
}

/** Value-only conformance (no unknown-field or CEL judgement), for oneOf / anyOf / not branches. */
function conforms(s: SchemaNode, v: unknown): boolean {
  if (!typeMatches(s, v)) return false;
  if (s.enum && !s.enum.some((e) => e === v)) return false;
  if (s.format && !formatOk(s.format, v)) return false;
  if (typeof v === 'string' && s.pattern) {
    const r = regex(s.pattern);
    if (r && !r.test(v)) return false;
  }
  if (isObj(v)) {
    for (const r of s.required ?? []) if (v[r] === undefined) return false;
    if (s.properties)
      for (const [k, p] of Object.entries(s.properties))
        if (v[k] !== undefined && !conforms(p, v[k])) return false;
  }
  if (s.anyOf && !s.anyOf.some((b) => conforms(b, v))) return false;
  if (s.oneOf && s.oneOf.filter((b) => conforms(b, v)).length !== 1) return false;
  if (s.allOf && !s.allOf.every((b) => conforms(b, v))) return false;
  if (s.not && conforms(s.not, v)) return false;
  return true;
}

/** The value as CEL sees it: objects become maps (escaped field names), integers become int (bigint). */
function toCel(s: SchemaNode | undefined, v: unknown, memo: WeakMap<object, unknown>): unknown {
  if (typeof v === 'number') {
    const integral =
      s?.type === 'integer' || s?.['x-kubernetes-int-or-string'] || (!s?.type && Number.isInteger(v));
    return integral && Number.isInteger(v) ? BigInt(v) : v;
  }
  if (v === null || typeof v !== 'object') return v;
  const hit = memo.get(v);
  if (hit !== undefined) return hit;
  let out: unknown;
  if (Array.isArray(v)) out = v.map((x) => toCel(s?.items, x, memo));
  else {
    const m = new Map<string, unknown>();
    const av = s ? mapValueSchema(s) : null;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const p = s?.properties?.[k];
      if (p) m.set(celPropertyName(k), toCel(p, x, memo));
      // Unknown fields are pruned before the rules run; only maps and open objects keep other keys.
      else if (av || !s?.properties || s['x-kubernetes-preserve-unknown-fields'])
        m.set(k, toCel(av ?? undefined, x, memo));
    }
    out = m;
  }
  memo.set(v, out);
  return out;
}

/** `.spec.foo['bar'].baz` → ['spec', 'foo', 'bar', 'baz'] (a rule's fieldPath, relative to its node). */
function parseFieldPath(fp: string): ConcretePath {
  const out: ConcretePath = [];
  const re = /\.([A-Za-z_][\w-]*)|\[['"]([^'"]+)['"]\]|\[(\d+)\]/g;
  for (let m = re.exec(fp); m; m = re.exec(fp)) out.push(m[1] ?? m[2] ?? Number(m[3]));
  return out;
}

type Ctx = { out: Finding[]; memo: WeakMap<object, unknown>; unknown: number };

export function validateValue(s: SchemaNode, v: unknown, path: ConcretePath): Finding[] {
  const ctx: Ctx = { out: [], memo: new WeakMap(), unknown: 0 };
  walk(s, v, path, ctx);
  return ctx.out;
}

function push(ctx: Ctx, path: ConcretePath, en: string, ko: string, code: ErrorCode = 'schema'): void {
  const where = formatPath(path);
  ctx.out.push({ path, code, text: { en: `${where}: ${en}`, ko: `${where}: ${ko}` } });
}

/**
 * Findings that stop a node's CEL rules: a wrong value below it. Unknown fields do not: the API server prunes them
 * before its rules run (and strict field validation reports them separately).
 */
const blocking = (ctx: Ctx): number => ctx.out.length - ctx.unknown;

function walk(s: SchemaNode, v: unknown, path: ConcretePath, ctx: Ctx): void {
  if (v === null && s.nullable) return;
  if (!typeMatches(s, v)) {
    const want = s['x-kubernetes-int-or-string'] ? ['integer', 'string'] : [s.type ?? 'object'];
    ctx.out.push({ path, code: 'schema', text: typeText(formatPath(path), fieldName(path), want, v) });
    return;
  }
  const before = blocking(ctx);
  if (s.enum && !s.enum.some((e) => e === v))
    ctx.out.push({ path, code: 'schema', text: enumText(formatPath(path), v, s.enum) });
  if (typeof v === 'string') stringRules(s, v, path, ctx);
  if (typeof v === 'number') numberRules(s, v, path, ctx);
  if (Array.isArray(v)) arrayRules(s, v, path, ctx);
  if (isObj(v)) objectRules(s, v, path, ctx);
  if (s.oneOf) {
    const matching = s.oneOf.filter((b) => conforms(b, v)).length;
    if (matching === 0) explainNoBranch(s.oneOf, v, path, ctx);
    else if (matching > 1)
      push(
        ctx,
        path,
        'matches more than one of the allowed forms (oneOf)',
        '허용된 형태(oneOf) 중 둘 이상에 맞습니다',
      );
  }
  if (s.anyOf && !s.anyOf.some((b) => conforms(b, v))) {
    const formats = s.anyOf.map((b) => b.format).filter(Boolean);
    if (formats.length === s.anyOf.length)
      push(
        ctx,
        path,
        `${q(v)} must be a valid ${formats.join(' or ')} address`,
        `${q(v)}은(는) 올바른 ${formats.join(' 또는 ')} 주소여야 합니다`,
      );
    else
      push(
        ctx,
        path,
        'matches none of the allowed forms (anyOf)',
        '허용된 형태(anyOf) 중 어느 것에도 맞지 않습니다',
      );
  }
  if (s.allOf)
    for (const b of s.allOf)
      if (!conforms(b, v)) push(ctx, path, 'is invalid (allOf)', '잘못된 값입니다 (allOf)');
  if (s.not && conforms(s.not, v))
    push(ctx, path, `${q(v)} is not allowed here`, `${q(v)}은(는) 여기에 쓸 수 없습니다`);
  // The API server evaluates a node's rules only on a value of the declared shape; a broken child is reported
  // once, by its own check, rather than again by every rule that reads it.
  if (s['x-kubernetes-validations'] && blocking(ctx) === before) celRules(s, v, path, ctx);
}

/** What one property must be, in words, from the schema that refused it. */
function describe(p: SchemaNode): Text {
  const formats = (p.anyOf ?? []).map((b) => b.format).filter(Boolean);
  if (formats.length > 0)
    return {
      en: `must be a valid ${formats.join(' or ')} address`,
      ko: `올바른 ${formats.join(' 또는 ')} 주소여야 합니다`,
    };
  if (p.enum)
    return {
      en: `must be ${p.enum.map(String).join(' or ')}`,
      ko: `${p.enum.map(String).join(' 또는 ')}여야 합니다`,
    };
  if (p.not?.enum)
    return {
      en: `must not be ${p.not.enum.map(String).join(' or ')}`,
      ko: `${p.not.enum.map(String).join(', ')}이면 안 됩니다`,
    };
  if (p.format) return { en: `must be a valid ${p.format}`, ko: `올바른 ${p.format}여야 합니다` };
  return { en: 'is not valid here', ko: '여기에 맞지 않습니다' };
}

/**
 * No branch of a oneOf fits: name the fields of the nearest branch (fewest fields off) and what they must be,
 * e.g. an address of type IPAddress whose value is not an IP.
 */
function explainNoBranch(branches: SchemaNode[], v: unknown, path: ConcretePath, ctx: Ctx): void {
  let best: [string, SchemaNode][] | null = null;
  if (isObj(v)) {
    for (const b of branches) {
      const off = Object.entries(b.properties ?? {}).filter(
        ([k, p]) => v[k] !== undefined && !conforms(p, v[k]),
      );
      if (best === null || off.length < best.length) best = off;
    }
  }
  if (!best || best.length === 0 || !isObj(v)) {
    push(
      ctx,
      path,
      'matches none of the allowed forms (oneOf)',
      '허용된 형태(oneOf) 중 어느 것에도 맞지 않습니다',
    );
    return;
  }
  for (const [k, p] of best) {
    const d = describe(p);
    const where =
      typeof v.type === 'string' && k !== 'type'
        ? { en: ` for type ${v.type}`, ko: ` (type ${v.type})` }
        : { en: '', ko: '' };
    push(ctx, [...path, k], `${q(v[k])} ${d.en}${where.en}`, `${q(v[k])}: ${d.ko}${where.ko}`);
  }
}

function stringRules(s: SchemaNode, v: string, path: ConcretePath, ctx: Ctx): void {
  const len = [...v].length;
  if (s.minLength !== undefined && len < s.minLength)
    push(
      ctx,
      path,
      s.minLength === 1 ? 'must not be empty' : `must be at least ${s.minLength} characters`,
      s.minLength === 1 ? '비어 있으면 안 됩니다' : `${s.minLength}자 이상이어야 합니다`,
    );
  if (s.maxLength !== undefined && len > s.maxLength)
    push(
      ctx,
      path,
      `must be at most ${s.maxLength} characters (has ${len})`,
      `${s.maxLength}자 이하여야 합니다 (현재 ${len}자)`,
    );
  if (s.pattern) {
    const r = regex(s.pattern);
    if (r && !r.test(v))
      push(
        ctx,
        path,
        `${q(v)} does not match the pattern ${s.pattern}`,
        `${q(v)}이(가) 패턴 ${s.pattern}에 맞지 않습니다`,
      );
  }
  if (s.format && !formatOk(s.format, v))
    push(ctx, path, `${q(v)} is not a valid ${s.format}`, `${q(v)}은(는) 올바른 ${s.format} 형식이 아닙니다`);
}

function numberRules(s: SchemaNode, v: number, path: ConcretePath, ctx: Ctx): void {
  const lo = s.minimum;
  const hi = s.maximum;
  const below = lo !== undefined && (s.exclusiveMinimum ? v <= lo : v < lo);
  const above = hi !== undefined && (s.exclusiveMaximum ? v >= hi : v > hi);
  if (below || above) {
    if (lo !== undefined && hi !== undefined)
      push(ctx, path, `${v} must be between ${lo} and ${hi}`, `${v}은(는) ${lo}에서 ${hi} 사이여야 합니다`);
    else if (below) push(ctx, path, `${v} must be at least ${lo}`, `${v}은(는) ${lo} 이상이어야 합니다`);
    else push(ctx, path, `${v} must be at most ${hi}`, `${v}은(는) ${hi} 이하여야 합니다`);
  }
  if (s.format && !formatOk(s.format, v))
    push(ctx, path, `${v} does not fit in ${s.format}`, `${v}은(는) ${s.format} 범위를 벗어납니다`);
}

function arrayRules(s: SchemaNode, v: unknown[], path: ConcretePath, ctx: Ctx): void {
  if (s.minItems !== undefined && v.length < s.minItems)
    push(
      ctx,
      path,
      s.minItems === 1 ? 'must have at least one item' : `must have at least ${s.minItems} items`,
      s.minItems === 1 ? '항목이 하나 이상 있어야 합니다' : `항목이 ${s.minItems}개 이상 있어야 합니다`,
    );
  if (s.maxItems !== undefined && v.length > s.maxItems)
    push(
      ctx,
      path,
      `must have at most ${s.maxItems} items (has ${v.length})`,
      `항목은 ${s.maxItems}개까지입니다 (현재 ${v.length}개)`,
    );
  const items = s.items;
  if (items) for (const [i, item] of v.entries()) walk(items, item, [...path, i], ctx);
  const listType = s['x-kubernetes-list-type'];
  const field = path[path.length - 1];
  if (listType === 'map') {
    const keys = s['x-kubernetes-list-map-keys'] ?? [];
    const seen = new Map<string, number>();
    v.forEach((item, i) => {
      if (!isObj(item)) return;
      const tuple = keys.map((k) => item[k]);
      if (tuple.some((t) => t === undefined)) return; // missing keys are reported as required fields
      const id = JSON.stringify(tuple);
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, i);
        return;
      }
      const shown = keys.map((k, j) => `${k} ${q(tuple[j])}`).join(', ');
      const by = keys.join(' + ');
      push(
        ctx,
        [...path, i],
        `duplicate entry: ${shown} is already used by ${formatPath([...path, first])} (${String(field)} is a list map keyed by ${by}; each key at most once)`,
        `중복 항목: ${shown}은(는) 이미 ${formatPath([...path, first])}에서 쓰였습니다 (${String(field)}은(는) ${by}를 키로 하는 리스트 맵이라 키마다 하나만 둘 수 있습니다)`,
      );
    });
  } else if (listType === 'set') {
    const seen = new Map<string, number>();
    v.forEach((item, i) => {
      const id = JSON.stringify(item);
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else
        push(
          ctx,
          [...path, i],
          `duplicate value ${q(item)} (also at ${formatPath([...path, first])}; ${String(field)} is a set: each value at most once)`,
          `중복 값 ${q(item)} (${formatPath([...path, first])}에도 있음; ${String(field)}은(는) 집합이라 값마다 하나만 둘 수 있습니다)`,
        );
    });
  }
}

function objectRules(s: SchemaNode, v: Record<string, unknown>, path: ConcretePath, ctx: Ctx): void {
  for (const r of s.required ?? []) {
    if (v[r] !== undefined) continue;
    ctx.out.push({
      path: [...path, r],
      code: 'schema',
      atKey: true,
      text:
        path.length === 0
          ? { en: `${r}: required field is missing`, ko: `${r}: 필수 필드가 없습니다` }
          : {
              en: `${r}: required field is missing in ${formatPath(path)}`,
              ko: `${r}: ${formatPath(path)}에 필수 필드가 없습니다`,
            },
    });
  }
  const n = Object.keys(v).length;
  if (s.minProperties !== undefined && n < s.minProperties)
    push(
      ctx,
      path,
      `must set at least ${s.minProperties} field(s)`,
      `필드를 ${s.minProperties}개 이상 지정해야 합니다`,
    );
  if (s.maxProperties !== undefined && n > s.maxProperties)
    push(ctx, path, `must set at most ${s.maxProperties} field(s)`, `필드는 ${s.maxProperties}개까지입니다`);
  const props = s.properties;
  const av = mapValueSchema(s);
  const open = s['x-kubernetes-preserve-unknown-fields'] === true || s.additionalProperties === true;
  for (const [k, x] of Object.entries(v)) {
    const p = props?.[k];
    if (p) walk(p, x, [...path, k], ctx);
    else if (av) walk(av, x, [...path, k], ctx);
    else if (!open && (props || s.type === 'object')) {
      ctx.unknown++;
      ctx.out.push({
        path: [...path, k],
        code: 'unknown-field',
        atKey: true,
        known: Object.keys(props ?? {}),
        text: { en: '', ko: '' }, // worded by the caller, which knows the renamed fields and suggestions
      });
    }
  }
}

function celRules(s: SchemaNode, v: unknown, path: ConcretePath, ctx: Ctx): void {
  let self: unknown;
  for (const rule of s['x-kubernetes-validations'] ?? []) {
    if (usesOldSelf(rule.rule)) continue;
    self ??= toCel(s, v, ctx.memo);
    const r = compileRule(rule.rule)(self);
    // An evaluation error (a rule reading a field the schema check already refused) is not the learner's to fix
    // twice; only a rule that evaluates to false is a violation.
    if (!r.ok || r.value !== false) continue;
    let message = rule.message;
    if (rule.messageExpression) {
      const m = compileRule(rule.messageExpression)(self);
      if (m.ok && typeof m.value === 'string' && m.value !== '') message = m.value;
    }
    message ??= `failed rule: ${rule.rule}`;
    const at = rule.fieldPath ? [...path, ...parseFieldPath(rule.fieldPath)] : path;
    const ko = koreanRuleMessage(message);
    push(ctx, at, message, ko ? `${ko} (${message})` : `API 서버 검증 규칙 위반: ${message}`, 'api-rule');
  }
}
