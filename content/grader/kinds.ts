import { createRequire } from 'node:module';
import { DaemonSet, Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { Ingress, IngressClass, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { ConfigMap, Pod, Service } from 'kubernetes-models/v1';

/** A kubernetes-models class: constructed from data, `validate()` throws an ajv ValidationError. */
type ModelClass = new (data: Record<string, unknown>) => { validate(): void };

export type KindInfo = {
  apiVersion: string;
  kind: string;
  model: ModelClass;
  namespaced: boolean;
  /**
   * @kubernetes-models/gateway-api 0.5.1 ships GRPCRoute only as v1alpha2. Its spec schema matches v1 for the
   * fields we grade, so a v1 GRPCRoute is validated with it under this apiVersion (documented gap).
   */
  schemaApiVersion?: string;
};

const k = (
  apiVersion: string,
  kind: string,
  model: unknown,
  namespaced = true,
  schemaApiVersion?: string,
): KindInfo => ({
  apiVersion,
  kind,
  model: model as ModelClass,
  namespaced,
  ...(schemaApiVersion ? { schemaApiVersion } : {}),
});

// @kubernetes-models/gateway-api 0.5.1 is CommonJS and brings its own runtime ajv (a third of the grader's start-up);
// its classes load on first use, so grading a Service never pays for the Gateway API.
const requireCjs = createRequire(import.meta.url);
const gatewayApi = (version: 'v1' | 'v1alpha2', name: string) => {
  let model: ModelClass | undefined;
  return () => {
    model ??= (
      requireCjs(`@kubernetes-models/gateway-api/gateway.networking.k8s.io/${version}`) as Record<
        string,
        ModelClass
      >
    )[name]!;
    return model;
  };
};
const lazy = (info: Omit<KindInfo, 'model'>, load: () => ModelClass): KindInfo =>
  Object.defineProperty(info, 'model', { get: load, enumerable: true }) as KindInfo;

export const KINDS: KindInfo[] = [
  k('v1', 'Service', Service),
  k('v1', 'Pod', Pod),
  k('v1', 'ConfigMap', ConfigMap),
  k('apps/v1', 'Deployment', Deployment),
  k('apps/v1', 'DaemonSet', DaemonSet),
  k('apps/v1', 'StatefulSet', StatefulSet),
  k('networking.k8s.io/v1', 'Ingress', Ingress),
  k('networking.k8s.io/v1', 'IngressClass', IngressClass, false),
  k('networking.k8s.io/v1', 'NetworkPolicy', NetworkPolicy),
  lazy(k('gateway.networking.k8s.io/v1', 'GatewayClass', null, false), gatewayApi('v1', 'GatewayClass')),
  lazy(k('gateway.networking.k8s.io/v1', 'Gateway', null), gatewayApi('v1', 'Gateway')),
  lazy(k('gateway.networking.k8s.io/v1', 'HTTPRoute', null), gatewayApi('v1', 'HTTPRoute')),
  lazy(
    k('gateway.networking.k8s.io/v1', 'GRPCRoute', null, true, 'gateway.networking.k8s.io/v1alpha2'),
    gatewayApi('v1alpha2', 'GRPCRoute'),
  ),
];

export function findKind(apiVersion: unknown, kind: unknown): KindInfo | undefined {
  return KINDS.find((x) => x.apiVersion === apiVersion && x.kind === kind);
}

export const KIND_NAMES = [...new Set(KINDS.map((x) => x.kind))];
