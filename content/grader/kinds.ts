import { readFileSync } from 'node:fs';
import { DaemonSet, Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { EndpointSlice } from 'kubernetes-models/discovery.k8s.io/v1';
import { Ingress, IngressClass, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { ConfigMap, Endpoints, Namespace, Pod, Service } from 'kubernetes-models/v1';
import type { SchemaNode } from './openapi-schema.ts';

/** A kubernetes-models class: constructed from data, `validate()` throws an ajv ValidationError. */
type ModelClass = new (data: Record<string, unknown>) => { validate(): void };

export type KindInfo = {
  apiVersion: string;
  kind: string;
  namespaced: boolean;
} & (
  | { source: 'core'; model: ModelClass }
  /** Judged on field names only (no generated validator bundled for it): companions of networking manifests. */
  | { source: 'structure' }
  | {
      source: 'gateway' /** The CRD's schema for this version, loaded on first use. */;
      schema: () => SchemaNode;
    }
);

const core = (apiVersion: string, kind: string, model: unknown, namespaced = true): KindInfo => ({
  apiVersion,
  kind,
  namespaced,
  source: 'core',
  model: model as ModelClass,
});

const GATEWAY_DIR = new URL('./schemas/gateway/', import.meta.url);
type GatewayIndex = {
  bundleVersion: string;
  kinds: { apiVersion: string; kind: string; namespaced: boolean; file: string }[];
};
const gatewayIndex = JSON.parse(readFileSync(new URL('index.json', GATEWAY_DIR), 'utf8')) as GatewayIndex;

/** The Gateway API release the schemas come from (the CRDs' bundle-version). */
export const GATEWAY_API_VERSION = gatewayIndex.bundleVersion;

function gateway(e: GatewayIndex['kinds'][number]): KindInfo {
  let schema: SchemaNode | null = null;
  return {
    apiVersion: e.apiVersion,
    kind: e.kind,
    namespaced: e.namespaced,
    source: 'gateway',
    schema: () => {
      schema ??= JSON.parse(readFileSync(new URL(e.file, GATEWAY_DIR), 'utf8')) as SchemaNode;
      return schema;
    },
  };
}

const CLUSTER_SCOPED = new Set([
  'PersistentVolume',
  'ClusterRole',
  'ClusterRoleBinding',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'StorageClass',
  'PriorityClass',
  'ServiceCIDR',
  'IPAddress',
]);
const structureKinds = (
  JSON.parse(readFileSync(new URL('./schemas/core/fields.json', import.meta.url), 'utf8')) as {
    structureOnly: string[];
  }
).structureOnly.map((id): KindInfo => {
  const slash = id.lastIndexOf('/');
  const kind = id.slice(slash + 1);
  return { apiVersion: id.slice(0, slash), kind, namespaced: !CLUSTER_SCOPED.has(kind), source: 'structure' };
});

export const KINDS: KindInfo[] = [
  core('v1', 'Service', Service),
  core('v1', 'Endpoints', Endpoints),
  core('v1', 'Pod', Pod),
  core('v1', 'ConfigMap', ConfigMap),
  core('v1', 'Namespace', Namespace, false),
  core('apps/v1', 'Deployment', Deployment),
  core('apps/v1', 'DaemonSet', DaemonSet),
  core('apps/v1', 'StatefulSet', StatefulSet),
  core('discovery.k8s.io/v1', 'EndpointSlice', EndpointSlice),
  core('networking.k8s.io/v1', 'Ingress', Ingress),
  core('networking.k8s.io/v1', 'IngressClass', IngressClass, false),
  core('networking.k8s.io/v1', 'NetworkPolicy', NetworkPolicy),
  ...gatewayIndex.kinds.map(gateway),
  ...structureKinds,
];

export function findKind(apiVersion: unknown, kind: unknown): KindInfo | undefined {
  return KINDS.find((x) => x.apiVersion === apiVersion && x.kind === kind);
}

/** The version to suggest for a kind: its first listed (the storage version for Gateway API kinds). */
export function preferredVersion(kind: string): KindInfo | undefined {
  return (
    KINDS.find((k) => k.kind === kind && k.apiVersion.endsWith('/v1')) ?? KINDS.find((k) => k.kind === kind)
  );
}

export const KIND_NAMES = [...new Set(KINDS.map((x) => x.kind))];
