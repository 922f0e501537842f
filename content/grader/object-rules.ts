/**
 * What the API server checks on every object's metadata (apimachinery ValidateObjectMeta): a name in the format
 * its kind requires, a namespace that is a DNS label, and label / annotation keys and values it can store.
 */

import type { RuleViolation } from './cel-rules.ts';
import {
  isDns1035Label,
  isDns1123Label,
  isDns1123Subdomain,
  isLabelValue,
  isQualifiedName,
} from './k8s-names.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Kinds whose names are DNS labels (the rest are DNS subdomains). */
const LABEL_NAMED: Record<string, 'rfc1035' | 'rfc1123'> = { Service: 'rfc1035', Namespace: 'rfc1123' };

export function metadataRules(
  doc: Obj,
  namespaced: boolean,
  checkTypes: boolean,
  out: RuleViolation[],
): void {
  const meta = doc.metadata;
  if (!isObj(meta)) {
    out.push({
      path: ['metadata'],
      text: {
        en: 'metadata.name: required — every object needs a name (or generateName)',
        ko: 'metadata.name: 필수입니다 — 모든 오브젝트에는 name(또는 generateName)이 필요합니다',
      },
    });
    return;
  }
  const name = meta.name;
  if ((name === undefined || name === null || name === '') && typeof meta.generateName !== 'string') {
    out.push({
      path: ['metadata'],
      text: {
        en: 'metadata.name: required — every object needs a name (or generateName)',
        ko: 'metadata.name: 필수입니다 — 모든 오브젝트에는 name(또는 generateName)이 필요합니다',
      },
    });
  } else if (typeof name === 'string') {
    const rule = LABEL_NAMED[String(doc.kind)];
    const ok =
      rule === 'rfc1035'
        ? isDns1035Label(name)
        : rule === 'rfc1123'
          ? isDns1123Label(name)
          : isDns1123Subdomain(name);
    if (!ok) {
      const what =
        rule === 'rfc1035'
          ? {
              en: 'a DNS-1035 label (lowercase letters, digits and "-", starting with a letter, at most 63)',
              ko: 'DNS-1035 레이블(소문자·숫자·"-", 문자로 시작, 63자 이하)',
            }
          : rule === 'rfc1123'
            ? {
                en: 'a DNS-1123 label (lowercase letters, digits and "-", at most 63)',
                ko: 'DNS-1123 레이블(소문자·숫자·"-", 63자 이하)',
              }
            : {
                en: 'a DNS-1123 subdomain (lowercase letters, digits, "-" and ".", at most 253)',
                ko: 'DNS-1123 서브도메인(소문자·숫자·"-"·".", 253자 이하)',
              };
      out.push({
        path: ['metadata', 'name'],
        text: {
          en: `metadata.name: "${name}" is not valid; a ${String(doc.kind)} name must be ${what.en}`,
          ko: `metadata.name: "${name}"은(는) 쓸 수 없습니다. ${String(doc.kind)} 이름은 ${what.ko}여야 합니다`,
        },
      });
    }
  }
  // A namespace on a cluster-scoped object is dropped by the API server, not refused.
  if (
    namespaced &&
    typeof meta.namespace === 'string' &&
    meta.namespace !== '' &&
    !isDns1123Label(meta.namespace)
  )
    out.push({
      path: ['metadata', 'namespace'],
      text: {
        en: `metadata.namespace: "${meta.namespace}" must be a DNS-1123 label (lowercase letters, digits and "-")`,
        ko: `metadata.namespace: "${meta.namespace}"은(는) DNS-1123 레이블(소문자·숫자·"-")이어야 합니다`,
      },
    });
  for (const field of ['labels', 'annotations'] as const) {
    const map = meta[field];
    if (!isObj(map)) continue;
    for (const [k, v] of Object.entries(map)) {
      if (!isQualifiedName(k))
        out.push({
          path: ['metadata', field, k],
          text: {
            en: `metadata.${field}: key "${k}" is not valid (an optional DNS prefix and "/", then a name of letters, digits, "-", "_", "." up to 63)`,
            ko: `metadata.${field}: 키 "${k}"는 쓸 수 없습니다 (DNS 접두사와 "/"는 선택, 이름은 문자·숫자·"-"·"_"·"." 63자 이하)`,
          },
        });
      if (v === null || v === undefined) continue;
      if (typeof v !== 'string') {
        if (!checkTypes) continue;
        out.push({
          path: ['metadata', field, k],
          text: {
            en: `metadata.${field}["${k}"]: must be a string, found ${JSON.stringify(v)} — quote it: "${String(v)}"`,
            ko: `metadata.${field}["${k}"]: 문자열이어야 하는데 ${JSON.stringify(v)}입니다 — 따옴표로 감싸세요: "${String(v)}"`,
          },
        });
      } else if (field === 'labels' && !isLabelValue(v))
        out.push({
          path: ['metadata', field, k],
          text: {
            en: `metadata.labels["${k}"]: value "${v}" is not valid (at most 63 letters, digits, "-", "_", ".", alphanumeric at both ends)`,
            ko: `metadata.labels["${k}"]: 값 "${v}"는 쓸 수 없습니다 (문자·숫자·"-"·"_"·"." 63자 이하, 양끝은 영숫자)`,
          },
        });
    }
  }
}

/** Workload controllers: the selector must select the pods the template makes (apps validation). */
export function selectorRules(doc: Obj, out: RuleViolation[]): void {
  if (!['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet'].includes(String(doc.kind))) return;
  const spec = doc.spec;
  if (!isObj(spec) || !isObj(spec.selector) || !isObj(spec.template)) return;
  const want = spec.selector.matchLabels;
  const meta = spec.template.metadata;
  const labels = isObj(meta) && isObj(meta.labels) ? meta.labels : {};
  if (!isObj(want) || spec.selector.matchExpressions !== undefined) return;
  const missing = Object.entries(want).filter(([k, v]) => labels[k] !== v);
  if (missing.length === 0 && Object.keys(want).length > 0) return;
  const shown = missing.map(([k, v]) => `${k}=${String(v)}`).join(', ');
  out.push({
    path: ['spec', 'selector'],
    text:
      Object.keys(want).length === 0
        ? {
            en: 'spec.selector: empty selector is not allowed; match the template labels',
            ko: 'spec.selector: 빈 selector는 쓸 수 없습니다. 템플릿 레이블과 맞추세요',
          }
        : {
            en: `spec.selector: does not match the template labels (missing ${shown} in spec.template.metadata.labels)`,
            ko: `spec.selector: 템플릿 레이블과 맞지 않습니다 (spec.template.metadata.labels에 ${shown} 없음)`,
          },
  });
}
