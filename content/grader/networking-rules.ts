/**
 * Ingress and NetworkPolicy rules from the API server's Go validation (pkg/apis/networking/validation) that the
 * OpenAPI schemas do not carry.
 */
import type { RuleViolation } from './cel-rules.ts';
import { ipFamily, isCidr, isDns1123Subdomain, isWildcardDns1123Subdomain } from './k8s-names.ts';
import type { ConcretePath } from './types.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];

function hostRule(host: unknown, path: ConcretePath, out: RuleViolation[]): void {
  if (typeof host !== 'string' || host === '') return;
  if (ipFamily(host))
    out.push({
      path,
      text: {
        en: `host: "${host}" must be a DNS name, not an IP address`,
        ko: `host: "${host}"은(는) IP 주소가 아니라 DNS 이름이어야 합니다`,
      },
    });
  else if (!isWildcardDns1123Subdomain(host))
    out.push({
      path,
      text: {
        en: `host: "${host}" is not a valid host name (lowercase RFC 1123, a wildcard only as the first label "*.", no port or scheme)`,
        ko: `host: "${host}"은(는) 올바른 호스트 이름이 아닙니다 (소문자 RFC 1123, 와일드카드는 첫 레이블 "*."만, 포트·스킴 없이)`,
      },
    });
}

function backendRule(b: unknown, path: ConcretePath, out: RuleViolation[]): void {
  if (!isObj(b)) return;
  const hasService = b.service !== undefined;
  const hasResource = b.resource !== undefined;
  if (hasService === hasResource)
    out.push({
      path,
      text: {
        en: 'backend: set exactly one of service or resource',
        ko: 'backend: service와 resource 중 정확히 하나를 지정해야 합니다',
      },
    });
  if (isObj(b.service)) {
    const port = b.service.port;
    if (isObj(port)) {
      const named = port.name !== undefined && port.name !== '';
      const numbered = port.number !== undefined && port.number !== 0;
      if (named === numbered)
        out.push({
          path: [...path, 'service', 'port'],
          text: {
            en: 'service.port: set exactly one of name or number',
            ko: 'service.port: name과 number 중 정확히 하나를 지정해야 합니다',
          },
        });
    }
    if (typeof b.service.name === 'string' && !isDns1123Subdomain(b.service.name))
      out.push({
        path: [...path, 'service', 'name'],
        text: {
          en: `service.name: "${b.service.name}" is not a valid Service name`,
          ko: `service.name: "${b.service.name}"은(는) 올바른 Service 이름이 아닙니다`,
        },
      });
  }
}

export function ingressRules(spec: Obj, out: RuleViolation[]): void {
  const rules = list(spec.rules);
  if (spec.defaultBackend === undefined && rules.length === 0)
    out.push({
      path: ['spec'],
      text: {
        en: 'spec: either defaultBackend or rules must be specified',
        ko: 'spec: defaultBackend와 rules 중 하나는 지정해야 합니다',
      },
    });
  backendRule(spec.defaultBackend, ['spec', 'defaultBackend'], out);
  rules.forEach((rule, r) => {
    if (!isObj(rule)) return;
    hostRule(rule.host, ['spec', 'rules', r, 'host'], out);
    if (!isObj(rule.http)) return;
    list(rule.http.paths).forEach((p, i) => {
      if (!isObj(p)) return;
      const at: ConcretePath = ['spec', 'rules', r, 'http', 'paths', i];
      backendRule(p.backend, [...at, 'backend'], out);
      const type = p.pathType;
      const path = p.path;
      if (type === undefined)
        out.push({
          path: at,
          text: {
            en: 'pathType: required in networking.k8s.io/v1 (Prefix, Exact or ImplementationSpecific)',
            ko: 'pathType: networking.k8s.io/v1에서는 필수입니다 (Prefix, Exact, ImplementationSpecific)',
          },
        });
      if (typeof path !== 'string') {
        if (type === 'Exact' || type === 'Prefix')
          out.push({
            path: at,
            text: {
              en: `path: required for pathType ${type} (an absolute path such as /api)`,
              ko: `path: pathType ${type}에는 필수입니다 (/api 같은 절대 경로)`,
            },
          });
        return;
      }
      if (!path.startsWith('/')) {
        out.push({
          path: [...at, 'path'],
          text: {
            en: `path: "${path}" must be an absolute path (start with /)`,
            ko: `path: "${path}"은(는) /로 시작하는 절대 경로여야 합니다`,
          },
        });
        return;
      }
      if (type !== 'Exact' && type !== 'Prefix') return;
      const bad =
        INVALID_PATH_SEQUENCES.find((s) => path.includes(s)) ??
        INVALID_PATH_SUFFIXES.find((s) => path.endsWith(s));
      if (bad)
        out.push({
          path: [...at, 'path'],
          text: {
            en: `path: "${path}" must not contain or end with '${bad}' when pathType is ${type}`,
            ko: `path: pathType이 ${type}이면 "${path}"에 '${bad}'가 들어가거나 그것으로 끝날 수 없습니다`,
          },
        });
    });
  });
  list(spec.tls).forEach((t, i) => {
    if (!isObj(t)) return;
    list(t.hosts).forEach((h, j) => {
      hostRule(h, ['spec', 'tls', i, 'hosts', j], out);
    });
  });
  if (typeof spec.ingressClassName === 'string' && !isDns1123Subdomain(spec.ingressClassName))
    out.push({
      path: ['spec', 'ingressClassName'],
      text: {
        en: `ingressClassName: "${spec.ingressClassName}" must be a DNS-1123 subdomain`,
        ko: `ingressClassName: "${spec.ingressClassName}"은(는) DNS-1123 서브도메인이어야 합니다`,
      },
    });
}

export function networkPolicyRules(spec: Obj, out: RuleViolation[]): void {
  for (const dir of ['ingress', 'egress'] as const) {
    list(spec[dir]).forEach((rule, r) => {
      if (!isObj(rule)) return;
      list(rule.ports).forEach((p, i) => {
        if (!isObj(p) || p.endPort === undefined) return;
        const at: ConcretePath = ['spec', dir, r, 'ports', i, 'endPort'];
        if (typeof p.port !== 'number')
          out.push({
            path: at,
            text: {
              en: 'endPort: may only be set together with a numeric port',
              ko: 'endPort: 숫자 port와 함께일 때만 지정할 수 있습니다',
            },
          });
        else if (typeof p.endPort === 'number' && p.endPort < p.port)
          out.push({
            path: at,
            text: {
              en: `endPort: ${p.endPort} must be greater than or equal to port ${p.port}`,
              ko: `endPort: ${p.endPort}은(는) port ${p.port} 이상이어야 합니다`,
            },
          });
      });
      const peers = list(dir === 'ingress' ? rule.from : rule.to);
      const peerField = dir === 'ingress' ? 'from' : 'to';
      peers.forEach((peer, i) => {
        if (!isObj(peer)) return;
        const at: ConcretePath = ['spec', dir, r, peerField, i];
        const set = ['podSelector', 'namespaceSelector', 'ipBlock'].filter((k) => peer[k] !== undefined);
        if (set.length === 0)
          out.push({
            path: at,
            text: {
              en: `${peerField}[${i}]: set podSelector, namespaceSelector or ipBlock`,
              ko: `${peerField}[${i}]: podSelector, namespaceSelector, ipBlock 중 하나는 지정해야 합니다`,
            },
          });
        if (peer.ipBlock !== undefined && set.length > 1)
          out.push({
            path: at,
            text: {
              en: `${peerField}[${i}]: ipBlock may not be combined with podSelector or namespaceSelector in one peer`,
              ko: `${peerField}[${i}]: 한 항목에서 ipBlock을 podSelector나 namespaceSelector와 함께 쓸 수 없습니다`,
            },
          });
        if (isObj(peer.ipBlock)) {
          const cidr = peer.ipBlock.cidr;
          if (typeof cidr === 'string' && !isCidr(cidr))
            out.push({
              path: [...at, 'ipBlock', 'cidr'],
              text: {
                en: `ipBlock.cidr: "${cidr}" is not a valid CIDR (e.g. 10.0.0.0/16)`,
                ko: `ipBlock.cidr: "${cidr}"은(는) 올바른 CIDR이 아닙니다 (예: 10.0.0.0/16)`,
              },
            });
          list(peer.ipBlock.except).forEach((e, j) => {
            if (typeof e === 'string' && !isCidr(e))
              out.push({
                path: [...at, 'ipBlock', 'except', j],
                text: {
                  en: `ipBlock.except[${j}]: "${e}" is not a valid CIDR`,
                  ko: `ipBlock.except[${j}]: "${e}"은(는) 올바른 CIDR이 아닙니다`,
                },
              });
          });
        }
      });
    });
  }
}
