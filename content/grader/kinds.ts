import {
  Gateway,
  GatewayClass,
  HTTPRoute,
} from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1';
import { GRPCRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1alpha2';
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
  k('gateway.networking.k8s.io/v1', 'GatewayClass', GatewayClass, false),
  k('gateway.networking.k8s.io/v1', 'Gateway', Gateway),
  k('gateway.networking.k8s.io/v1', 'HTTPRoute', HTTPRoute),
  k('gateway.networking.k8s.io/v1', 'GRPCRoute', GRPCRoute, true, 'gateway.networking.k8s.io/v1alpha2'),
];

export function findKind(apiVersion: unknown, kind: unknown): KindInfo | undefined {
  return KINDS.find((x) => x.apiVersion === apiVersion && x.kind === kind);
}

export const KIND_NAMES = [...new Set(KINDS.map((x) => x.kind))];
