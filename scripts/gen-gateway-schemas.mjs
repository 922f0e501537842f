/**
 * Generates content/grader/schemas/gateway/ from the Gateway API standard-channel CRDs.
 *
 *   node scripts/gen-gateway-schemas.mjs [crd-folder]
 *
 * One compact JSON file per kind and served version: the CRD's openAPIV3Schema with descriptions dropped and
 * `status` left out (the API server ignores status on create), everything that validates kept as written:
 * types, enums, patterns, formats, bounds, defaults, list types and map keys, oneOf/anyOf/not, and every
 * x-kubernetes-validations rule with its message, messageExpression, reason and fieldPath.
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = process.argv[2] ?? join(root, '../shared/upstream/gateway-api-v1.6.1/crd-standard');
const out = join(root, 'content/grader/schemas/gateway');

/** Schema keywords worth keeping; anything else (description, example, x-kubernetes-...-docs) is dropped. */
const KEEP = new Set([
  'type',
  'format',
  'enum',
  'pattern',
  'default',
  'nullable',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'required',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-map-type',
  'x-kubernetes-int-or-string',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource',
]);
const SUB = new Set(['items', 'additionalProperties', 'not']);
const SUBS = new Set(['oneOf', 'anyOf', 'allOf']);

function compact(s) {
  if (typeof s !== 'object' || s === null) return s;
  const o = {};
  for (const [k, v] of Object.entries(s)) {
    if (KEEP.has(k)) o[k] = v;
    else if (k === 'properties')
      o[k] = Object.fromEntries(Object.entries(v).map(([n, p]) => [n, compact(p)]));
    else if (SUB.has(k)) o[k] = typeof v === 'boolean' ? v : compact(v);
    else if (SUBS.has(k)) o[k] = v.map(compact);
    else if (k === 'x-kubernetes-validations')
      o[k] = v.map((r) => {
        const keep = {};
        for (const f of ['rule', 'message', 'messageExpression', 'reason', 'fieldPath', 'optionalOldSelf'])
          if (r[f] !== undefined) keep[f] = r[f];
        return keep;
      });
  }
  return o;
}

mkdirSync(out, { recursive: true });
const index = [];
for (const file of readdirSync(src).sort()) {
  if (!file.endsWith('.yaml')) continue;
  const docs = parseAllDocuments(readFileSync(join(src, file), 'utf8')).map((d) => d.toJS());
  const crd = docs.find((d) => d?.kind === 'CustomResourceDefinition');
  if (!crd) continue;
  const { group, names, scope } = crd.spec;
  for (const v of crd.spec.versions) {
    if (!v.served) continue;
    const schema = compact(v.schema.openAPIV3Schema);
    delete schema.properties.status;
    const name = `${names.kind.toLowerCase()}.${v.name}.json`;
    writeFileSync(join(out, name), `${JSON.stringify(schema)}\n`);
    index.push({
      apiVersion: `${group}/${v.name}`,
      kind: names.kind,
      namespaced: scope === 'Namespaced',
      file: name,
    });
  }
}
const bundle = crdBundleVersion(src);
writeFileSync(
  join(out, 'index.json'),
  `${JSON.stringify({ bundleVersion: bundle, kinds: index }, null, 1)}\n`,
);
// Written in the repository's formatting, so `biome check` stays clean after regenerating.
spawnSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', out], { stdio: 'ignore' });
console.log(`${index.length} schemas (${bundle}) written to ${out}`);

function crdBundleVersion(dir) {
  for (const f of readdirSync(dir)) {
    const m = /gateway\.networking\.k8s\.io\/bundle-version: (\S+)/.exec(readFileSync(join(dir, f), 'utf8'));
    if (m) return m[1];
  }
  return 'unknown';
}
