/**
 * A structural OpenAPI v3 schema as a CustomResourceDefinition carries it (see scripts/gen-gateway-schemas.mjs),
 * and the two things the API server does with it before validation: drop nulls and apply defaults.
 */

import { cloneData } from './clone.ts';
export type CelRule = {
  rule: string;
  message?: string;
  messageExpression?: string;
  reason?: string;
  fieldPath?: string;
  optionalOldSelf?: boolean;
};

export type SchemaNode = {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  enum?: unknown[];
  pattern?: string;
  default?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  required?: string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
  not?: SchemaNode;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: string;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-validations'?: CelRule[];
};

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The schema of a map's values, when the node is a map rather than an object with named fields. */
export function mapValueSchema(s: SchemaNode): SchemaNode | null {
  return typeof s.additionalProperties === 'object' ? s.additionalProperties : null;
}

/**
 * Structural defaulting as the API server does it on create: nulls in non-nullable fields are dropped, then each
 * absent field with a default gets it (a copy), and defaulting continues inside what was set. Works in place on a
 * copy of the answer; never reorders or removes list items, so paths into the result still point into the answer.
 */
export function applySchemaDefaults(s: SchemaNode, value: unknown): void {
  if (Array.isArray(value)) {
    if (s.items) for (const item of value) applySchemaDefaults(s.items, item);
    return;
  }
  if (!isObj(value)) return;
  const props = s.properties;
  if (props) {
    for (const [k, p] of Object.entries(props)) {
      if (value[k] === null && !p.nullable) delete value[k];
      if (value[k] === undefined && p.default !== undefined) value[k] = cloneData(p.default);
      if (value[k] !== undefined) applySchemaDefaults(p, value[k]);
    }
    return;
  }
  const av = mapValueSchema(s);
  if (av) for (const v of Object.values(value)) applySchemaDefaults(av, v);
}
