/**
 * Rules the API server enforces that the OpenAPI schemas do not carry: Service validation in Go code and the
 * Gateway API CEL rules (x-kubernetes-validations). They run on the defaulted document, as the API server does.
 */
import type { ConcretePath, Text } from './types.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export type RuleViolation = { path: ConcretePath; text: Text };

export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
/** IANA_SVC_NAME: a named port is 1-15 lowercase letters, digits and '-', with at least one letter. */
const PORT_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;

export function apiRules(doc: Obj): RuleViolation[] {
  const out: RuleViolation[] = [];
  const spec = doc.spec;
  if (!isObj(spec)) return out;
  if (doc.kind === 'Service') serviceRules(spec, out);
  if (doc.kind === 'HTTPRoute' || doc.kind === 'GRPCRoute') routeRules(spec, doc.kind, out);
  return out;
}

function serviceRules(spec: Obj, out: RuleViolation[]): void {
  const ports = list(spec.ports);
  const type = spec.type;
  ports.forEach((p, i) => {
    if (!isObj(p)) return;
    const at = (f: string): ConcretePath => ['spec', 'ports', i, f];
    if (typeof p.nodePort === 'number') {
      if (type === 'ClusterIP') {
        out.push({
          path: at('nodePort'),
          text: {
            en: `nodePort: may not be set when the Service type is ClusterIP (use type: NodePort or LoadBalancer)`,
            ko: `nodePort: Service type이 ClusterIP이면 지정할 수 없습니다 (type: NodePort 또는 LoadBalancer 사용)`,
          },
        });
      } else if (p.nodePort !== 0 && (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX)) {
        out.push({
          path: at('nodePort'),
          text: {
            en: `nodePort: ${p.nodePort} is outside the node port range ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
            ko: `nodePort: ${p.nodePort}은(는) 노드 포트 범위 ${NODE_PORT_MIN}-${NODE_PORT_MAX}를 벗어납니다`,
          },
        });
      }
    }
    for (const f of ['port', 'targetPort'] as const) {
      const v = p[f];
      if (typeof v === 'number' && (v < 1 || v > 65535)) {
        out.push({
          path: at(f),
          text: {
            en: `${f}: ${v} must be between 1 and 65535`,
            ko: `${f}: ${v}은(는) 1에서 65535 사이여야 합니다`,
          },
        });
      }
    }
    if (typeof p.targetPort === 'string' && !PORT_NAME.test(p.targetPort)) {
      const digits = /^\d+$/.test(p.targetPort);
      out.push({
        path: at('targetPort'),
        text: digits
          ? {
              en: `targetPort: "${p.targetPort}" is a string, so it would name a container port; write the number without quotes`,
              ko: `targetPort: "${p.targetPort}"은(는) 문자열이라 포트 이름으로 해석됩니다. 따옴표 없이 숫자로 쓰세요`,
            }
          : {
              en: `targetPort: "${p.targetPort}" is not a valid port name (1-15 lowercase letters, digits, '-')`,
              ko: `targetPort: "${p.targetPort}"은(는) 올바른 포트 이름이 아닙니다 (소문자, 숫자, '-' 1-15자)`,
            },
      });
    }
    if (ports.length > 1 && (typeof p.name !== 'string' || p.name === '')) {
      out.push({
        path: ['spec', 'ports', i],
        text: {
          en: `name: every port needs a name when a Service has more than one port`,
          ko: `name: Service에 포트가 둘 이상이면 모든 포트에 name이 필요합니다`,
        },
      });
    }
  });
}

function routeRules(spec: Obj, kind: string, out: RuleViolation[]): void {
  list(spec.rules).forEach((rule, r) => {
    if (!isObj(rule)) return;
    const filters = list(rule.filters).filter(isObj);
    const types = filters.map((f) => f.type);
    const base: ConcretePath = ['spec', 'rules', r];
    if (types.includes('RequestRedirect') && types.includes('URLRewrite')) {
      out.push({
        path: [...base, 'filters'],
        text: {
          en: 'filters: RequestRedirect and URLRewrite may not be used together in one rule',
          ko: 'filters: 한 규칙에서 RequestRedirect와 URLRewrite를 함께 쓸 수 없습니다',
        },
      });
    }
    if (types.includes('RequestRedirect') && list(rule.backendRefs).length > 0) {
      out.push({
        path: [...base, 'backendRefs'],
        text: {
          en: 'backendRefs: a rule with a RequestRedirect filter may not have backendRefs (the redirect is the response)',
          ko: 'backendRefs: RequestRedirect 필터가 있는 규칙에는 backendRefs를 둘 수 없습니다 (리다이렉트가 곧 응답)',
        },
      });
    }
    for (const [i, f] of filters.entries()) filterShape(f, [...base, 'filters', i], out);
    list(rule.backendRefs).forEach((b, i) => {
      if (!isObj(b)) return;
      if ((b.kind ?? 'Service') === 'Service' && (b.group ?? '') === '' && b.port === undefined) {
        out.push({
          path: [...base, 'backendRefs', i],
          text: {
            en: `port: a backendRef to a Service needs a port (backendRefs[${i}] "${String(b.name ?? '')}")`,
            ko: `port: Service를 가리키는 backendRef에는 port가 필요합니다 (backendRefs[${i}] "${String(b.name ?? '')}")`,
          },
        });
      }
    });
    if (kind !== 'HTTPRoute') return;
    const replacesPrefix = filters.some((f) => {
      const cfg =
        f.type === 'RequestRedirect' ? f.requestRedirect : f.type === 'URLRewrite' ? f.urlRewrite : undefined;
      return isObj(cfg) && isObj(cfg.path) && cfg.path.type === 'ReplacePrefixMatch';
    });
    if (replacesPrefix) {
      const matches = list(rule.matches).filter(isObj);
      const ok = matches.length === 1 && isObj(matches[0]!.path) && matches[0]!.path.type === 'PathPrefix';
      if (!ok) {
        out.push({
          path: [...base, 'matches'],
          text: {
            en: 'ReplacePrefixMatch: needs exactly one match with path type PathPrefix in the same rule',
            ko: 'ReplacePrefixMatch: 같은 규칙에 path type이 PathPrefix인 match가 정확히 하나 있어야 합니다',
          },
        });
      }
    }
  });
}

const FILTER_FIELDS: Record<string, string> = {
  RequestHeaderModifier: 'requestHeaderModifier',
  ResponseHeaderModifier: 'responseHeaderModifier',
  RequestMirror: 'requestMirror',
  RequestRedirect: 'requestRedirect',
  URLRewrite: 'urlRewrite',
  ExtensionRef: 'extensionRef',
};

/** CEL: a filter's config field must match its type, and must be present for that type. */
function filterShape(f: Obj, path: ConcretePath, out: RuleViolation[]): void {
  for (const [type, field] of Object.entries(FILTER_FIELDS)) {
    if (f[field] !== undefined && f.type !== type) {
      out.push({
        path: [...path, field],
        text: {
          en: `${field}: must not be set unless the filter type is ${type} (type is ${String(f.type)})`,
          ko: `${field}: 필터 type이 ${type}일 때만 지정할 수 있습니다 (현재 type: ${String(f.type)})`,
        },
      });
    }
    if (f.type === type && f[field] === undefined) {
      out.push({
        path: [...path, 'type'],
        text: {
          en: `${field}: required when the filter type is ${type}`,
          ko: `${field}: 필터 type이 ${type}이면 필수입니다`,
        },
      });
    }
  }
}
