/** Every CEL rule in the bundled Gateway API schemas compiles in our CEL environment (no rule silently skipped). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRule, usesOldSelf } from '../../content/grader/cel-env.ts';
import type { SchemaNode } from '../../content/grader/openapi-schema.ts';

const DIR = join(import.meta.dirname, '..', '..', 'content', 'grader', 'schemas', 'gateway');

function rules(s: SchemaNode, out: string[]): string[] {
  for (const r of s['x-kubernetes-validations'] ?? []) {
    out.push(r.rule);
    if (r.messageExpression) out.push(r.messageExpression);
  }
  for (const p of Object.values(s.properties ?? {})) rules(p, out);
  if (s.items) rules(s.items, out);
  if (typeof s.additionalProperties === 'object') rules(s.additionalProperties, out);
  return out;
}

describe('the Gateway API CEL rules', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'index.json');
  const all = files.flatMap((f) => rules(JSON.parse(readFileSync(join(DIR, f), 'utf8')) as SchemaNode, []));

  it('are all there: every kind and served version, with their rules', () => {
    expect(files.length).toBe(14);
    expect(new Set(all).size).toBeGreaterThanOrEqual(75);
  });

  it('all compile (transition rules included, though they are skipped on create)', () => {
    const failed = [...new Set(all)]
      .map((r) => ({ r, res: compileRule(r)(new Map()) }))
      .filter(({ res }) => !res.ok && res.error.startsWith('cannot compile'));
    expect(failed).toEqual([]);
    expect(all.some(usesOldSelf)).toBe(true);
  });
});
