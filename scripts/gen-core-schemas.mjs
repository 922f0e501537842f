/**
 * Generates content/grader/schemas/core/fields.json: the field tree of each core kind the grader knows, read from
 * the TypeScript declarations kubernetes-models generates from the Kubernetes OpenAPI definitions.
 *
 *   node scripts/gen-core-schemas.mjs
 *
 * kubernetes-models ships compiled validators but no schema data, and a validator only reads the fields it has a
 * rule for. The declarations list every field, so "unknown field" is judged from the API's own definitions.
 * Output: { kinds: { "<apiVersion>/<kind>": ref }, defs: { name: { p: { field: ref } } } }, where a ref is a def
 * name, 0 (a scalar), { i: ref } (a list of ref) or { a: ref } (a map of string to ref).
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const CORE_KINDS = [
  ['v1', 'Service'],
  ['v1', 'Endpoints'],
  ['v1', 'Pod'],
  ['v1', 'ConfigMap'],
  ['v1', 'Namespace'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'StatefulSet'],
  ['apps/v1', 'DaemonSet'],
  ['discovery.k8s.io/v1', 'EndpointSlice'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['networking.k8s.io/v1', 'IngressClass'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
];

/**
 * Kinds a networking manifest often carries alongside (a Secret for TLS, RBAC for a controller, a Job that
 * probes): judged on their fields only, so copying an upstream example is never refused as "not graded".
 */
export const STRUCTURE_KINDS = [
  ['v1', 'Secret'],
  ['v1', 'ServiceAccount'],
  ['v1', 'PersistentVolumeClaim'],
  ['v1', 'PersistentVolume'],
  ['v1', 'ReplicationController'],
  ['v1', 'LimitRange'],
  ['v1', 'ResourceQuota'],
  ['apps/v1', 'ReplicaSet'],
  ['batch/v1', 'Job'],
  ['batch/v1', 'CronJob'],
  ['networking.k8s.io/v1', 'ServiceCIDR'],
  ['networking.k8s.io/v1', 'IPAddress'],
  ['rbac.authorization.k8s.io/v1', 'Role'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler'],
  ['policy/v1', 'PodDisruptionBudget'],
  ['admissionregistration.k8s.io/v1', 'ValidatingAdmissionPolicy'],
  ['admissionregistration.k8s.io/v1', 'ValidatingAdmissionPolicyBinding'],
  ['storage.k8s.io/v1', 'StorageClass'],
  ['scheduling.k8s.io/v1', 'PriorityClass'],
  ['coordination.k8s.io/v1', 'Lease'],
];
const ALL_KINDS = [...CORE_KINDS, ...STRUCTURE_KINDS];

const modulePath = (apiVersion) =>
  apiVersion === 'v1' ? 'kubernetes-models/v1' : `kubernetes-models/${apiVersion}`;
const source = ALL_KINDS.map(
  ([v, k], i) => `import type { I${k} as K${i} } from '${modulePath(v)}';\nexport type T${i} = K${i};`,
).join('\n');
const entry = join(root, '.gen-core-entry.ts');
const host = ts.createCompilerHost({});
const readFile = host.readFile.bind(host);
host.readFile = (f) => (f === entry ? source : readFile(f));
const fileExists = host.fileExists.bind(host);
host.fileExists = (f) => f === entry || fileExists(f);
const program = ts.createProgram({
  rootNames: [entry],
  options: {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  host,
});
const checker = program.getTypeChecker();
const sf = program.getSourceFile(entry);
const defs = {};

function nameOf(type) {
  // The declaring file names a type uniquely: discovery.k8s.io/v1/EndpointPort is not v1/EndpointPort.
  const file = (type.aliasSymbol ?? type.getSymbol())?.declarations?.[0]?.getSourceFile().fileName;
  const m = file && /.*node_modules\/(?:@?kubernetes-models\/)?(.*)\.d\.ts$/.exec(file);
  return m ? m[1] : null;
}

function ref(type) {
  type = checker.getNonNullableType(type);
  if (type.isUnion()) {
    // IntOrString, Quantity and enums of string literals are scalars; a union with an object is not expected.
    const parts = type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined));
    const objects = parts.filter((t) => t.flags & ts.TypeFlags.Object);
    if (objects.length === 0) return 0;
    return ref(objects[0]);
  }
  if (!(type.flags & ts.TypeFlags.Object)) return 0;
  if (checker.isArrayType(type)) return { i: ref(checker.getTypeArguments(type)[0]) };
  const index = checker.getIndexInfosOfType(type)[0];
  if (index) return { a: ref(index.type) };
  const props = checker.getPropertiesOfType(type);
  if (props.length === 0) return 1; // a free-form object (RawExtension, FieldsV1): anything goes
  const name = nameOf(type) ?? `anon${Object.keys(defs).length}`;
  if (defs[name]) return name;
  const def = { p: {} };
  defs[name] = def;
  for (const p of props) {
    const t = checker.getTypeOfSymbolAtLocation(p, sf);
    def.p[p.getName()] = ref(t);
  }
  return name;
}

const kinds = {};
for (const [i, [apiVersion, kind]] of ALL_KINDS.entries()) {
  const alias = sf.statements.find((s) => ts.isTypeAliasDeclaration(s) && s.name.text === `T${i}`);
  const type = checker.getTypeAtLocation(alias.name);
  if (checker.getPropertiesOfType(type).length === 0) throw new Error(`no type for ${apiVersion} ${kind}`);
  kinds[`${apiVersion}/${kind}`] = ref(type);
}
const out = join(root, 'content/grader/schemas/core');
mkdirSync(out, { recursive: true });
const structureOnly = STRUCTURE_KINDS.map(([v, k]) => `${v}/${k}`);
writeFileSync(join(out, 'fields.json'), `${JSON.stringify({ structureOnly, kinds, defs })}\n`);
// Written in the repository's formatting, so `biome check` stays clean after regenerating.
spawnSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', out], { stdio: 'ignore' });
console.log(
  `${Object.keys(kinds).length} kinds, ${Object.keys(defs).length} object types → ${out}/fields.json`,
);
