import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { grade, gradeAgainstReference, loadExercises, type Verdict } from '../../content/grader/index.ts';

const exercises = loadExercises();
const TIME_BOUND_MS = 250;

function wellFormed(v: Verdict): void {
  expect(typeof v.passed).toBe('boolean');
  expect(v.score).toBeGreaterThanOrEqual(0);
  expect(v.score).toBeLessThanOrEqual(100);
  for (const c of [...v.checks, ...v.errors]) {
    expect(typeof c.message).toBe('string');
    expect(c.message.length).toBeGreaterThan(0);
    expect(c.line === null || (Number.isInteger(c.line) && c.line >= 1)).toBe(true);
  }
  if (v.passed) expect(v.errors).toEqual([]);
}

function gradeTimed(exIndex: number, text: string): Verdict {
  const ex = exercises[exIndex % exercises.length]!;
  const t0 = performance.now();
  const v = grade(ex, text, { lang: exIndex % 2 ? 'ko' : 'en' });
  expect(performance.now() - t0).toBeLessThan(TIME_BOUND_MS);
  return v;
}

/** Mutations a learner (or a fuzzer) makes: delete/duplicate/swap lines, change characters, re-indent. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('dup' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('char' as const),
    at: fc.nat(),
    ch: fc.constantFrom('"', "'", ':', '-', ' ', '\t', '{', '[', '&a', '*a', '#', '0', 'x', ''),
  }),
  fc.record({ op: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

function mutate(text: string, muts: { op: string; at: number; ch?: string; by?: number }[]): string {
  let lines = text.split('\n');
  for (const m of muts) {
    const i = lines.length ? m.at % lines.length : 0;
    if (m.op === 'delete') lines.splice(i, 1);
    else if (m.op === 'dup') lines.splice(i, 0, lines[i] ?? '');
    else if (m.op === 'swap' && i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
    else if (m.op === 'indent') {
      const l = lines[i] ?? '';
      lines[i] =
        (m.by ?? 0) > 0
          ? ' '.repeat(m.by!) + l
          : l.slice(Math.min(-(m.by ?? 0), l.length - l.trimStart().length));
    } else if (m.op === 'char') {
      const flat = lines.join('\n');
      const at = flat.length ? m.at % flat.length : 0;
      lines = (flat.slice(0, at) + (m.ch ?? '') + flat.slice(at + 1)).split('\n');
    }
  }
  return lines.join('\n');
}

describe('property: grading never throws and always returns a verdict in bounded time', () => {
  // The first validation of a kind compiles its schema; the bound is for grading, not for that one-off.
  beforeAll(() => {
    for (const ex of exercises) grade(ex, ex.solution);
  });

  it('mutated reference solutions', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 6 }), (n, muts) => {
        const ex = exercises[n % exercises.length]!;
        wellFormed(gradeTimed(n, mutate(ex.solution, muts)));
      }),
      { numRuns: 400 },
    );
  });

  it('random strings', () => {
    fc.assert(
      fc.property(fc.nat(), fc.string({ maxLength: 300, unit: 'binary' }), (n, s) =>
        wellFormed(gradeTimed(n, s)),
      ),
      { numRuns: 300 },
    );
  });

  it('random JSON values serialised as YAML and as JSON', () => {
    fc.assert(
      fc.property(fc.nat(), fc.jsonValue({ maxDepth: 5 }), fc.boolean(), (n, value, asJson) => {
        wellFormed(gradeTimed(n, asJson ? JSON.stringify(value) : stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  it('manifests with random field values in known kinds', () => {
    const scalar = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant([]),
      fc.constant({}),
    );
    fc.assert(
      fc.property(
        fc.nat(),
        fc.constantFrom(
          'Service',
          'Ingress',
          'Gateway',
          'HTTPRoute',
          'GRPCRoute',
          'NetworkPolicy',
          'Pod',
          'Deployment',
        ),
        fc.dictionary(
          fc.constantFrom(
            'type',
            'ports',
            'rules',
            'listeners',
            'selector',
            'podSelector',
            'containers',
            'parentRefs',
            'tragetPort',
          ),
          scalar,
        ),
        (n, kind, spec) => {
          const apiVersion =
            {
              Service: 'v1',
              Pod: 'v1',
              Deployment: 'apps/v1',
              Ingress: 'networking.k8s.io/v1',
              NetworkPolicy: 'networking.k8s.io/v1',
            }[kind as 'Service'] ?? 'gateway.networking.k8s.io/v1';
          const v = gradeTimed(n, stringify({ apiVersion, kind, metadata: { name: 'x' }, spec }));
          wellFormed(v);
          expect(v.passed).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('derived grading of a mutated reference against itself', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (n, muts) => {
        const ref = exercises[n % exercises.length]!.solution;
        const v = gradeAgainstReference(ref, mutate(ref, muts));
        wellFormed(v);
      }),
      { numRuns: 200 },
    );
  });

  it('every reference passes against itself with derived checks', () => {
    for (const ex of exercises)
      expect(gradeAgainstReference(ex.solution, ex.solution).passed, ex.id).toBe(true);
  });
});
