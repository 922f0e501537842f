import type { LineCounter } from 'yaml';
import type { KindInfo } from './kinds.ts';
import { locate, type ParsedDoc } from './parse.ts';
import { fieldName, formatPath, fromPointer, getAt } from './paths-format.ts';
import { suggest } from './suggest.ts';
import type { ConcretePath, GradeIssue } from './types.ts';

type AjvError = {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
};

/** What the validator read of one object: the schema's known property names, or "any key" for maps. */
type Touch = { keys: Set<string>; iterated: boolean };

/**
 * Wraps the data in Proxies that record which property names the compiled validator reads. ajv reads every
 * property its schema declares (`data.port`, `data.targetPort`, ...) and iterates maps (labels, annotations), so any
 * key it never read is a field the schema does not know — strict unknown-field rejection without a schema walker,
 * even though Kubernetes' OpenAPI allows additional properties.
 */
function track(root: object): { proxy: object; touched: WeakMap<object, Touch> } {
  const touched = new WeakMap<object, Touch>();
  const proxies = new WeakMap<object, object>();
  const wrap = (o: unknown): unknown => {
    if (o === null || typeof o !== 'object') return o;
    const existing = proxies.get(o);
    if (existing) return existing;
    const rec: Touch = { keys: new Set(), iterated: false };
    touched.set(o, rec);
    const p = new Proxy(o, {
      get(t, key, receiver) {
        if (typeof key === 'string') rec.keys.add(key);
        return wrap(Reflect.get(t, key, receiver));
      },
      has(t, key) {
        if (typeof key === 'string') rec.keys.add(key);
        return Reflect.has(t, key);
      },
      ownKeys(t) {
        rec.iterated = true;
        return Reflect.ownKeys(t);
      },
      getOwnPropertyDescriptor(t, key) {
        if (typeof key === 'string') rec.keys.add(key);
        return Reflect.getOwnPropertyDescriptor(t, key);
      },
    });
    proxies.set(o, p);
    return p;
  };
  return { proxy: wrap(root) as object, touched };
}

function unknownFields(
  data: unknown,
  touched: WeakMap<object, Touch>,
  path: ConcretePath,
  out: ConcretePath[],
): void {
  if (data === null || typeof data !== 'object') return;
  const rec = touched.get(data);
  if (!rec) return;
  if (Array.isArray(data)) {
    for (const [i, v] of data.entries()) unknownFields(v, touched, [...path, i], out);
    return;
  }
  // Nothing read and nothing iterated: the schema accepts anything here (e.g. a free-form object).
  if (!rec.iterated && rec.keys.size === 0) return;
  for (const key of Object.keys(data)) {
    const child = (data as Record<string, unknown>)[key];
    if (!rec.iterated && !rec.keys.has(key)) out.push([...path, key]);
    else unknownFields(child, touched, [...path, key], out);
  }
}

export function knownKeysAt(data: unknown, touched: WeakMap<object, Touch>): string[] {
  if (data === null || typeof data !== 'object') return [];
  return [...(touched.get(data)?.keys ?? [])].filter((k) => !/^(toJSON|constructor|then|length)$/.test(k));
}

const q = (v: unknown): string =>
  typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));

/** Validates one document against its kind's schema; returns schema errors and unknown fields, with lines. */
export function validateDoc(pd: ParsedDoc, info: KindInfo, lines: LineCounter): GradeIssue[] {
  const data = info.schemaApiVersion ? { ...pd.value, apiVersion: info.schemaApiVersion } : pd.value;
  const inst = new info.model(data);
  const { proxy, touched } = track(inst);
  let errors: AjvError[] = [];
  try {
    inst.validate.call(proxy);
  } catch (e) {
    const list = (e as { errors?: AjvError[] }).errors;
    if (!Array.isArray(list)) throw e;
    errors = list;
  }
  const issues: GradeIssue[] = [];
  const seen = new Set<string>();
  const push = (issue: GradeIssue) => {
    const key = `${issue.loc?.line}:${issue.loc?.column}:${issue.text.en}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push(issue);
  };
  const unions = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const inUnion = (e: AjvError) =>
    unions.some(
      (u) => u !== e && u.instancePath === e.instancePath && e.schemaPath.startsWith(`${u.schemaPath}/`),
    );
  for (const e of errors) {
    const path = fromPointer(e.instancePath, pd.value);
    const shown = formatPath(path);
    const at = locate(pd.doc, path, lines);
    if (inUnion(e)) continue;
    switch (e.keyword) {
      case 'additionalProperties': {
        const f = String(e.params.additionalProperty);
        push(unknownIssue([...path, f], [], pd, lines));
        break;
      }
      case 'required': {
        const f = String(e.params.missingProperty);
        const where = path.length === 0 ? '' : ` in ${shown}`;
        const whereKo = path.length === 0 ? '' : `${shown}에 `;
        push({
          code: 'schema',
          text: { en: `${f}: required field is missing${where}`, ko: `${f}: ${whereKo}필수 필드가 없습니다` },
          loc: locate(pd.doc, path, lines, true),
        });
        break;
      }
      case 'type': {
        const want = String(e.params.type);
        const actual = getAt(pd.value, path);
        push({ code: 'schema', text: typeText(shown, fieldName(path), [want], actual), loc: at });
        break;
      }
      case 'oneOf':
      case 'anyOf': {
        const types = errors
          .filter(
            (x) =>
              x.keyword === 'type' &&
              x.instancePath === e.instancePath &&
              x.schemaPath.startsWith(e.schemaPath),
          )
          .map((x) => String(x.params.type));
        const actual = getAt(pd.value, path);
        if (types.length > 0)
          push({ code: 'schema', text: typeText(shown, fieldName(path), types, actual), loc: at });
        else
          push({
            code: 'schema',
            text: { en: `${shown}: invalid value ${q(actual)}`, ko: `${shown}: 잘못된 값 ${q(actual)}` },
            loc: at,
          });
        break;
      }
      case 'enum': {
        const allowed = (e.params.allowedValues as unknown[]) ?? [];
        const actual = getAt(pd.value, path);
        const guess = typeof actual === 'string' ? suggest(actual, allowed.map(String)) : null;
        const dym = guess
          ? { en: ` — did you mean ${guess}?`, ko: ` — ${guess}을(를) 의도했나요?` }
          : { en: '', ko: '' };
        const list = allowed.map(String).join(', ');
        push({
          code: 'schema',
          text: {
            en: `${shown}: ${q(actual)} is not allowed; use one of ${list}${dym.en}`,
            ko: `${shown}: ${q(actual)}은(는) 허용되지 않습니다. 가능한 값: ${list}${dym.ko}`,
          },
          loc: at,
        });
        break;
      }
      default: {
        const actual = getAt(pd.value, path);
        const m = e.message ?? 'is invalid';
        push({
          code: 'schema',
          text: {
            en: `${shown}: ${q(actual)} ${m}`,
            ko: `${shown}: ${q(actual)} 값이 스키마 규칙에 맞지 않습니다 (${m})`,
          },
          loc: at,
        });
      }
    }
  }
  const unknown: ConcretePath[] = [];
  unknownFields(inst, touched, [], unknown);
  for (const p of unknown) {
    const parent = getAt(inst, p.slice(0, -1));
    push(unknownIssue(p, knownKeysAt(parent, touched), pd, lines));
  }
  return issues;
}

/** Fields renamed between API versions that learners still write from memory. */
const RENAMED: Record<string, string> = {
  serviceName: 'service.name (networking.k8s.io/v1)',
  servicePort: 'service.port.number or service.port.name (networking.k8s.io/v1)',
};

function unknownIssue(path: ConcretePath, known: string[], pd: ParsedDoc, lines: LineCounter): GradeIssue {
  const f = String(path[path.length - 1]);
  const guess = (known.includes('service') ? RENAMED[f] : undefined) ?? suggest(f, known);
  const where = formatPath(path);
  return {
    code: 'unknown-field',
    text: guess
      ? {
          en: `${where}: unknown field "${f}" — did you mean ${guess}?`,
          ko: `${where}: 알 수 없는 필드 "${f}" — ${guess}을(를) 의도했나요?`,
        }
      : { en: `${where}: unknown field "${f}"`, ko: `${where}: 알 수 없는 필드 "${f}"` },
    loc: locate(pd.doc, path, lines, true),
  };
}

function typeText(shown: string, field: string, want: string[], actual: unknown): { en: string; ko: string } {
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
