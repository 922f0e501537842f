/**
 * Rules the API server enforces in Go code that the OpenAPI schemas do not carry (Service, Ingress, ...). They run
 * on the defaulted document, as the API server does. Gateway API rules live in the CRDs (CEL) and are evaluated
 * from there (openapi-validate.ts).
 */
import { ingressRules, networkPolicyRules } from './networking-rules.ts';
import { serviceSpecRules } from './service-rules.ts';
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
  if (doc.kind === 'Service') {
    serviceRules(spec, out);
    serviceSpecRules(spec, out);
  }
  if (doc.kind === 'Ingress') ingressRules(spec, out);
  if (doc.kind === 'NetworkPolicy') networkPolicyRules(spec, out);
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
      // targetPort defaults to port: a bad port is reported once, on the line the learner wrote.
      if (f === 'targetPort' && v === p.port) continue;
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
