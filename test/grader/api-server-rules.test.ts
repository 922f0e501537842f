/**
 * The API server's judgement, rule by rule: the Gateway API CRD schemas (structure, list semantics, CEL with
 * defaults applied first) and the Go validation of core kinds the schemas do not carry.
 */
import { describe, expect, it } from 'vitest';
import { validateManifests } from '../../content/grader/index.ts';

const messages = (yaml: string, lang: 'en' | 'ko' = 'en') =>
  validateManifests(yaml, lang).issues.map((i) => i.message);

const route = (rules: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: r
spec:
  parentRefs:
    - name: gw
  rules:
${rules}`;

const service = (spec: string, name = 'web') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
${spec}`;

describe('Gateway API from the v1.6.1 CRDs', () => {
  it('knows the fields the old models lacked: GatewayClass description, Gateway tls, CORS, 303/307/308', () => {
    expect(
      messages(`apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: nginx
spec:
  controllerName: example.com/gateway
  description: the shared class
`),
    ).toEqual([]);
    for (const code of [301, 302, 303, 307, 308])
      expect(
        messages(
          route(`    - filters:
        - type: RequestRedirect
          requestRedirect:
            scheme: https
            statusCode: ${code}
`),
        ),
      ).toEqual([]);
    expect(
      messages(
        route(`    - filters:
        - type: RequestRedirect
          requestRedirect:
            statusCode: 304
`),
      )[0],
    ).toContain('304 is not allowed; use one of 301, 302, 303, 307, 308');
  });

  it('unknown fields come from the schema, with a suggestion, in metadata too', () => {
    expect(
      messages(
        route(`    - backendRefs:
        - name: web
          prot: 80
`).replace('  name: r', '  name: r\n  lables: {}'),
      ),
    ).toEqual([
      'metadata.lables: unknown field "lables" — did you mean labels?',
      // The unknown field is pruned before the CRD's rules run, as the API server does: port is still missing.
      'spec.rules[0].backendRefs[0]: Must have port for Service reference',
      'spec.rules[0].backendRefs[0].prot: unknown field "prot" — did you mean port?',
    ]);
  });

  it('applies the CRD defaults before the CEL rules, as the API server does', () => {
    // No match given: the default PathPrefix "/" match satisfies "exactly one PathPrefix match".
    const rewrite = `    - filters:
        - type: URLRewrite
          urlRewrite:
            path:
              type: ReplacePrefixMatch
              replacePrefixMatch: /v2
      backendRefs:
        - name: web
          port: 80
`;
    expect(messages(route(rewrite))).toEqual([]);
    const exact = rewrite.replace(
      '    - filters:',
      '    - matches:\n        - path:\n            type: Exact\n            value: /v1\n      filters:',
    );
    expect(messages(route(exact))).toEqual([
      'spec.rules[0]: When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
    ]);
  });

  it('evaluates CEL standard functions: duration(), isIP(), filter().size()', () => {
    const timeouts = (req: string, backend: string) =>
      route(`    - backendRefs:
        - name: web
          port: 80
      timeouts:
        request: ${req}
        backendRequest: ${backend}
`);
    expect(messages(timeouts('10s', '2s'))).toEqual([]);
    expect(messages(timeouts('10s', '1m'))).toEqual([
      'spec.rules[0].timeouts: backendRequest timeout cannot be longer than request timeout',
    ]);
    const tls = (host: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata:
  name: t
spec:
  hostnames: ["${host}"]
  rules:
    - backendRefs:
        - name: db
          port: 5432
`;
    expect(messages(tls('db.example.com'))).toEqual([]);
    expect(messages(tls('10.0.0.1'))).toEqual(['spec.hostnames: Hostnames cannot contain an IP']);
  });

  it('list maps and sets: a key twice is refused, naming both places and the key', () => {
    const m = messages(`apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
spec:
  gatewayClassName: nginx
  listeners:
    - { name: web, protocol: HTTP, port: 80 }
    - { name: web, protocol: HTTP, port: 8080 }
`);
    expect(m).toEqual([
      'spec.listeners[1]: duplicate entry: name "web" is already used by spec.listeners[0] (listeners is a list map keyed by name; each key at most once)',
    ]);
  });

  it('transition rules (oldSelf) are not held against a new object', () => {
    expect(
      messages(`apiVersion: gateway.networking.k8s.io/v1beta1
kind: GatewayClass
metadata:
  name: c
spec:
  controllerName: example.com/c
`),
    ).toEqual([]);
  });

  it('says the CRD rule in Korean, keeping the upstream message to search for', () => {
    const ko = messages(
      route(`    - backendRefs:
        - name: web
`),
      'ko',
    );
    expect(ko).toEqual([
      'spec.rules[0].backendRefs[0]: Service를 가리키는 backendRef에는 port가 필요합니다 (Must have port for Service reference)',
    ]);
  });

  it('judges ReferenceGrant, BackendTLSPolicy and ListenerSet; TCPRoute and UDPRoute too', () => {
    expect(
      messages(`apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata:
  name: p
spec:
  targetRefs:
    - { group: "", kind: Service, name: auth }
  validation:
    hostname: auth.example.com
`),
    ).toEqual(['spec.validation: must specify either CACertificateRefs or WellKnownCACertificates']);
  });
});

describe('core kinds: the API server rules the schemas do not carry', () => {
  it('ports are required unless headless or ExternalName', () => {
    expect(messages(service('  selector: { app: web }'))).toEqual([
      'ports: required — a Service needs at least one port unless it is headless (clusterIP: None) or ExternalName',
    ]);
    expect(messages(service('  clusterIP: None\n  selector: { app: web }'))).toEqual([]);
    expect(messages(service('  type: ExternalName\n  externalName: db.example.com'))).toEqual([]);
  });

  it('externalName is a DNS name, not a URL', () => {
    expect(messages(service('  type: ExternalName\n  externalName: https://db.example.com'))).toEqual([
      'externalName: "https://db.example.com" must be a DNS name (lowercase RFC 1123 subdomain such as db.example.com), not a URL or an IP address',
    ]);
  });

  it('cluster IPs and IP families agree', () => {
    expect(messages(service('  clusterIP: 10.0.0.300\n  ports: [{ port: 80 }]'))[0]).toContain(
      'clusterIP: "10.0.0.300" must be a valid IP address',
    );
    expect(
      messages(service('  ipFamilyPolicy: SingleStack\n  ipFamilies: [IPv4, IPv6]\n  ports: [{ port: 80 }]')),
    ).toEqual([
      'ipFamilyPolicy: SingleStack allows one IP family; use PreferDualStack or RequireDualStack for two',
    ]);
    expect(
      messages(
        service(
          '  ipFamilyPolicy: RequireDualStack\n  ipFamilies: [IPv6, IPv4]\n  clusterIPs: [10.96.0.10, "fd00::10"]\n  clusterIP: 10.96.0.10\n  ports: [{ port: 80 }]',
        ),
      ),
    ).toEqual([
      'clusterIPs[0]: "10.96.0.10" is IPv4 but ipFamilies[0] is IPv6; the order must match',
      'clusterIPs[1]: "fd00::10" is IPv6 but ipFamilies[1] is IPv4; the order must match',
    ]);
    expect(
      messages(
        service('  ipFamilyPolicy: PreferDualStack\n  ipFamilies: [IPv6, IPv4]\n  ports: [{ port: 80 }]'),
      ),
    ).toEqual([]);
  });

  it('a removed field is named as removed, with its replacement (ko and en)', () => {
    const yaml = service('  ipFamily: IPv6\n  ports: [{ port: 80 }]');
    expect(messages(yaml)).toEqual([
      'spec.ipFamily: "ipFamily" was removed in Kubernetes 1.20; use spec.ipFamilies (a list, e.g. [IPv6]) with spec.ipFamilyPolicy',
    ]);
    expect(messages(yaml, 'ko')[0]).toContain('제거되었습니다');
  });

  it('node ports, port names and duplicate ports', () => {
    expect(messages(service('  type: NodePort\n  ports: [{ port: 80, nodePort: 8080 }]'))).toEqual([
      'nodePort: 8080 is outside the node port range 30000-32767',
    ]);
    expect(
      messages(service('  ports:\n    - { name: web, port: 80 }\n    - { name: web, port: 80 }')),
    ).toEqual([
      'ports[1]: port 80/TCP is already used by ports[0] (each port and protocol at most once)',
      'ports[1].name: "web" is already used by ports[0]',
    ]);
    expect(messages(service('  externalTrafficPolicy: Local\n  ports: [{ port: 80 }]'))).toEqual([
      'externalTrafficPolicy: may only be set for externally-accessible Services (NodePort, LoadBalancer)',
    ]);
  });

  it('object names follow their kind: a Service name is a DNS-1035 label', () => {
    expect(messages(service('  ports: [{ port: 80 }]', '1web'))[0]).toContain(
      'metadata.name: "1web" is not valid; a Service name must be a DNS-1035 label',
    );
    expect(messages(service('  ports: [{ port: 80 }]', 'Web'))[0]).toContain(
      'metadata.name: "Web" is not valid',
    );
  });

  it('Ingress hosts and paths', () => {
    const ingress = (host: string, path: string, type = 'Prefix') => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: i
spec:
  rules:
    - host: "${host}"
      http:
        paths:
          - path: ${path}
            pathType: ${type}
            backend:
              service: { name: web, port: { number: 80 } }
`;
    expect(messages(ingress('*.example.com', '/api'))).toEqual([]);
    expect(messages(ingress('10.0.0.1', '/api'))).toEqual([
      'host: "10.0.0.1" must be a DNS name, not an IP address',
    ]);
    expect(messages(ingress('example.com:443', '/api'))[0]).toContain('is not a valid host name');
    expect(messages(ingress('example.com', 'api'))).toEqual([
      'path: "api" must be an absolute path (start with /)',
    ]);
    expect(messages(ingress('example.com', '/a//b'))).toEqual([
      'path: "/a//b" must not contain or end with \'//\' when pathType is Prefix',
    ]);
  });

  it('a workload selector must select its own template; what the API server forgives is accepted', () => {
    const deploy = (label: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: ${label} }
    spec:
      containers: [{ name: web, image: nginx }]
`;
    expect(messages(deploy('web'))).toEqual([]);
    expect(messages(deploy('api'))).toEqual([
      'spec.selector: does not match the template labels (missing app=web in spec.template.metadata.labels)',
    ]);
    // A namespace on a cluster-scoped object is dropped, and two families without a policy mean RequireDualStack.
    expect(
      messages(`apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: c
  namespace: default
spec:
  controllerName: example.com/c
`),
    ).toEqual([]);
    expect(messages(service('  ipFamilies: [IPv4, IPv6]\n  ports: [{ port: 80 }]'))).toEqual([]);
  });

  it('EndpointSlice and Endpoints are judged from their own schema', () => {
    const slice = `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: web-abc
  labels:
    kubernetes.io/service-name: web
addressType: IPv4
ports:
  - name: http
    port: 80
endpoints:
  - addresses: ["10.1.2.3"]
    conditions: { ready: true }
    zone: a
`;
    expect(messages(slice)).toEqual([]);
    expect(messages(slice.replace('zone: a', 'topology: { zone: a }'))).toEqual([
      'endpoints[0].topology: "topology" was removed in discovery.k8s.io/v1; use endpoints[].nodeName and endpoints[].zone',
    ]);
  });
});
