/**
 * API-server defaulting, applied to both the reference and the answer before any comparison, so that an answer
 * relying on a default (no `protocol: TCP`, no `targetPort`) is equivalent to one that spells it out.
 * Defaults never reorder or remove list elements: a path into the defaulted object still points into the answer.
 */

import { cloneData } from './clone.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const objs = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const setDefault = (o: Obj, key: string, value: unknown) => {
  if (o[key] === undefined || o[key] === null) o[key] = value;
};

const CLUSTER_SCOPED = new Set([
  'GatewayClass',
  'IngressClass',
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
]);
const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export function applyDefaults(input: Obj): Obj {
  const doc = cloneData(input);
  const kind = doc.kind;
  if (typeof kind === 'string' && !CLUSTER_SCOPED.has(kind)) {
    if (!isObj(doc.metadata)) doc.metadata = doc.metadata ?? {};
    if (isObj(doc.metadata)) setDefault(doc.metadata, 'namespace', 'default');
  }
  const spec = doc.spec;
  if (!isObj(spec)) return doc;
  switch (kind) {
    case 'Service':
      serviceDefaults(spec);
      break;
    case 'Pod':
      podSpecDefaults(spec);
      break;
    case 'Deployment':
    case 'DaemonSet': {
      if (kind === 'Deployment') setDefault(spec, 'replicas', 1);
      const tpl = spec.template;
      if (isObj(tpl) && isObj(tpl.spec)) podSpecDefaults(tpl.spec);
      break;
    }
    case 'NetworkPolicy':
      networkPolicyDefaults(spec);
      break;
    case 'Gateway':
      for (const l of objs(spec.listeners)) {
        setDefault(l, 'allowedRoutes', {});
        if (isObj(l.allowedRoutes)) {
          setDefault(l.allowedRoutes, 'namespaces', {});
          if (isObj(l.allowedRoutes.namespaces)) setDefault(l.allowedRoutes.namespaces, 'from', 'Same');
        }
      }
      break;
    case 'HTTPRoute':
    case 'GRPCRoute':
      routeDefaults(spec, kind);
      break;
  }
  return doc;
}

function serviceDefaults(spec: Obj): void {
  setDefault(spec, 'type', 'ClusterIP');
  for (const p of objs(spec.ports)) {
    setDefault(p, 'protocol', 'TCP');
    if (p.port !== undefined) setDefault(p, 'targetPort', p.port);
  }
}

function podSpecDefaults(spec: Obj): void {
  for (const c of [...objs(spec.containers), ...objs(spec.initContainers)]) {
    for (const p of objs(c.ports)) setDefault(p, 'protocol', 'TCP');
  }
}

function networkPolicyDefaults(spec: Obj): void {
  setDefault(spec, 'policyTypes', spec.egress !== undefined ? ['Ingress', 'Egress'] : ['Ingress']);
  for (const rule of [...objs(spec.ingress), ...objs(spec.egress)]) {
    for (const p of objs(rule.ports)) setDefault(p, 'protocol', 'TCP');
  }
}

function backendRefDefaults(b: Obj): void {
  setDefault(b, 'group', '');
  setDefault(b, 'kind', 'Service');
  setDefault(b, 'weight', 1);
}

function routeDefaults(spec: Obj, kind: string): void {
  for (const p of objs(spec.parentRefs)) {
    setDefault(p, 'group', GATEWAY_GROUP);
    setDefault(p, 'kind', 'Gateway');
  }
  if (kind === 'HTTPRoute') {
    // CRD default: one rule whose match is PathPrefix "/".
    setDefault(spec, 'rules', [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }] }]);
  }
  for (const rule of objs(spec.rules)) {
    if (kind === 'HTTPRoute') {
      setDefault(rule, 'matches', [{ path: { type: 'PathPrefix', value: '/' } }]);
      for (const m of objs(rule.matches)) {
        setDefault(m, 'path', { type: 'PathPrefix', value: '/' });
        if (isObj(m.path)) {
          setDefault(m.path, 'type', 'PathPrefix');
          setDefault(m.path, 'value', '/');
        }
        for (const h of [...objs(m.headers), ...objs(m.queryParams)]) setDefault(h, 'type', 'Exact');
      }
    } else {
      for (const m of objs(rule.matches)) {
        if (isObj(m.method)) setDefault(m.method, 'type', 'Exact');
        for (const h of objs(m.headers)) setDefault(h, 'type', 'Exact');
      }
    }
    for (const f of objs(rule.filters)) filterDefaults(f);
    for (const b of objs(rule.backendRefs)) {
      backendRefDefaults(b);
      for (const f of objs(b.filters)) filterDefaults(f);
    }
  }
}

function filterDefaults(f: Obj): void {
  if (isObj(f.requestRedirect)) setDefault(f.requestRedirect, 'statusCode', 302);
  if (isObj(f.requestMirror) && isObj(f.requestMirror.backendRef)) {
    setDefault(f.requestMirror.backendRef, 'group', '');
    setDefault(f.requestMirror.backendRef, 'kind', 'Service');
  }
}
