import type { LineCounter } from 'yaml';
import { cloneData } from './clone.ts';
import { unknownCoreFields, unknownMetadataFields } from './core-fields.ts';
import type { KindInfo } from './kinds.ts';
import { applySchemaDefaults, type SchemaNode } from './openapi-schema.ts';
import { validateValue } from './openapi-validate.ts';
import { locate, type ParsedDoc } from './parse.ts';
import { fieldName, formatPath, fromPointer, getAt } from './paths-format.ts';
import { enumText, q, typeText } from './schema-messages.ts';
import { suggest } from './suggest.ts';
import type { ConcretePath, GradeIssue, Text } from './types.ts';

type AjvError = {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
};

/** Validates one document against its kind's schema; returns schema errors and unknown fields, with lines. */
export function validateDoc(pd: ParsedDoc, info: KindInfo, lines: LineCounter): GradeIssue[] {
  if (info.source === 'gateway') return validateCustomResource(pd, info.schema(), lines);
  if (info.source === 'structure')
    return unknownCoreFields(info.apiVersion, info.kind, pd.value).map((u) =>
      unknownIssue(u.path, u.known, pd, lines),
    );
  const inst = new info.model(pd.value);
  let errors: AjvError[] = [];
  try {
    inst.validate();
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
          path: formatPath([...path, f]),
          text: { en: `${f}: required field is missing${where}`, ko: `${f}: ${whereKo}필수 필드가 없습니다` },
          loc: locate(pd.doc, path, lines, true),
        });
        break;
      }
      case 'type': {
        const want = String(e.params.type);
        const actual = getAt(pd.value, path);
        push({
          code: 'schema',
          path: shown,
          text: typeText(shown, fieldName(path), [want], actual),
          loc: at,
        });
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
          push({
            code: 'schema',
            path: shown,
            text: typeText(shown, fieldName(path), types, actual),
            loc: at,
          });
        else
          push({
            code: 'schema',
            path: shown,
            text: { en: `${shown}: invalid value ${q(actual)}`, ko: `${shown}: 잘못된 값 ${q(actual)}` },
            loc: at,
          });
        break;
      }
      case 'enum': {
        push({
          code: 'schema',
          path: shown,
          text: enumText(shown, getAt(pd.value, path), (e.params.allowedValues as unknown[]) ?? []),
          loc: at,
        });
        break;
      }
      default: {
        const actual = getAt(pd.value, path);
        const m = e.message ?? 'is invalid';
        push({
          code: 'schema',
          path: shown,
          text: {
            en: `${shown}: ${q(actual)} ${m}`,
            ko: `${shown}: ${q(actual)} 값이 스키마 규칙에 맞지 않습니다 (${m})`,
          },
          loc: at,
        });
      }
    }
  }
  for (const u of unknownCoreFields(info.apiVersion, info.kind, pd.value))
    push(unknownIssue(u.path, u.known, pd, lines));
  return issues;
}

/**
 * A custom resource (Gateway API): the CRD schema on the defaulted object, as the API server checks it; metadata,
 * which a CRD leaves open, against ObjectMeta.
 */
function validateCustomResource(pd: ParsedDoc, schema: SchemaNode, lines: LineCounter): GradeIssue[] {
  const value = cloneData(pd.value);
  applySchemaDefaults(schema, value);
  const issues: GradeIssue[] = [];
  const { metadata, ...rest } = value;
  for (const f of validateValue(schema, rest, [])) {
    if (f.code === 'unknown-field') issues.push(unknownIssue(f.path, f.known ?? [], pd, lines));
    else
      issues.push({
        code: f.code,
        path: formatPath(f.path),
        text: f.text,
        loc: locate(pd.doc, f.path, lines, f.atKey === true),
      });
  }
  for (const u of unknownMetadataFields(metadata, ['metadata']))
    issues.push(unknownIssue(u.path, u.known, pd, lines));
  return issues;
}

/** Fields renamed between API versions that learners still write from memory. */
const RENAMED: Record<string, string> = {
  serviceName: 'service.name (networking.k8s.io/v1)',
  servicePort: 'service.port.number or service.port.name (networking.k8s.io/v1)',
};

/**
 * Fields the API once had and removed: named as removed, with what replaced them, instead of "unknown".
 * Keyed by kind and the path with list indexes dropped.
 */
const REMOVED: Record<string, { since: string; use: Text }> = {
  'Service spec.ipFamily': {
    since: 'Kubernetes 1.20',
    use: {
      en: 'spec.ipFamilies (a list, e.g. [IPv6]) with spec.ipFamilyPolicy',
      ko: 'spec.ipFamilies(리스트, 예: [IPv6])와 spec.ipFamilyPolicy',
    },
  },
  'Service spec.topologyKeys': {
    since: 'Kubernetes 1.22',
    use: {
      en: 'spec.trafficDistribution or spec.internalTrafficPolicy',
      ko: 'spec.trafficDistribution 또는 spec.internalTrafficPolicy',
    },
  },
  'Ingress spec.backend': {
    since: 'networking.k8s.io/v1',
    use: { en: 'spec.defaultBackend', ko: 'spec.defaultBackend' },
  },
  'EndpointSlice endpoints.topology': {
    since: 'discovery.k8s.io/v1',
    use: { en: 'endpoints[].nodeName and endpoints[].zone', ko: 'endpoints[].nodeName과 endpoints[].zone' },
  },
};

function unknownIssue(
  path: ConcretePath,
  known: readonly string[],
  pd: ParsedDoc,
  lines: LineCounter,
): GradeIssue {
  const f = String(path[path.length - 1]);
  const removed = REMOVED[`${String(pd.value.kind)} ${path.filter((x) => typeof x === 'string').join('.')}`];
  if (removed) {
    const where = formatPath(path);
    return {
      code: 'unknown-field',
      path: where,
      text: {
        en: `${where}: "${f}" was removed in ${removed.since}; use ${removed.use.en}`,
        ko: `${where}: "${f}"는 ${removed.since}에서 제거되었습니다. ${removed.use.ko}를 쓰세요`,
      },
      loc: locate(pd.doc, path, lines, true),
    };
  }
  const guess = (known.includes('service') ? RENAMED[f] : undefined) ?? suggest(f, known);
  const where = formatPath(path);
  return {
    code: 'unknown-field',
    path: where,
    text: guess
      ? {
          en: `${where}: unknown field "${f}" — did you mean ${guess}?`,
          ko: `${where}: 알 수 없는 필드 "${f}" — ${guess}을(를) 의도했나요?`,
        }
      : { en: `${where}: unknown field "${f}"`, ko: `${where}: 알 수 없는 필드 "${f}"` },
    loc: locate(pd.doc, path, lines, true),
  };
}
