import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ExerciseFormatError,
  loadExercise,
  ratingForAttempt,
  sideBySideDiff,
} from '../../content/grader/index.ts';
import { evaluate, parsePath, pathText } from '../../content/grader/paths.ts';
import { suggest } from '../../content/grader/suggest.ts';
import { tmpDir } from '../support/tmp.ts';

describe('check paths', () => {
  const doc = {
    metadata: { annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } },
    data: { 'app.yaml': 'mode: ipvs\nlist: [1, 2]\n' },
    spec: {
      ports: [
        { port: 80, nodePort: 30080 },
        { port: 443, nodePort: 30443 },
      ],
      rules: [{ matches: [{ path: { value: '/app' } }], backendRefs: [{ name: 'my-app', port: 80 }] }],
    },
  };
  const get = (p: string) =>
    evaluate(doc, parsePath(p))
      .filter((m) => m.exists)
      .map((m) => m.value);

  it('selects by key, index, identity, wildcard, quoted key and embedded YAML', () => {
    expect(get('spec.ports[port=443].nodePort')).toEqual([30443]);
    expect(get('spec.ports[1].port')).toEqual([443]);
    expect(get('spec.ports[*].port')).toEqual([80, 443]);
    expect(get('metadata.annotations["nginx.ingress.kubernetes.io/rewrite-target"]')).toEqual(['/']);
    expect(get('data["app.yaml"]|yaml.mode')).toEqual(['ipvs']);
    expect(get('spec.rules[matches[0].path.value=/app].backendRefs[name=my-app].port')).toEqual([80]);
    expect(get('spec.rules[matches[0].path.value="/app"].backendRefs[name=my-app].port')).toEqual([80]);
  });

  it('reports what is missing and where', () => {
    const [m] = evaluate(doc, parsePath('spec.ports[port=8080].nodePort'));
    expect(m).toMatchObject({ exists: false, loc: ['spec', 'ports'], notFound: 'ports[port=8080]' });
  });

  it('rejects malformed paths and round-trips', () => {
    for (const bad of ['', 'a..b', 'a[', 'a[x', 'a]', 'a["x]']) expect(() => parsePath(bad), bad).toThrow();
    for (const p of [
      'spec.ports[port=80].nodePort',
      'metadata.annotations["a.b/c"]',
      'spec.rules[matches[0].path.value=/app].x',
      'a[*].b',
      'a[2]',
    ]) {
      expect(pathText(parsePath(p))).toBe(p);
    }
  });
});

describe('suggestions', () => {
  it('finds typos and shortened names', () => {
    expect(suggest('tragetPort', ['port', 'targetPort', 'nodePort'])).toBe('targetPort');
    expect(suggest('controller', ['controllerName', 'description'])).toBe('controllerName');
    expect(suggest('className', ['gatewayClassName', 'listeners'])).toBe('gatewayClassName');
    expect(suggest('zzz', ['port'])).toBeNull();
  });
});

describe('ratingForAttempt', () => {
  it('first-try pass → good, pass after a hint or retry → hard, fail → again', () => {
    expect(ratingForAttempt({ passed: true, hintsUsed: 0, priorFailedAttempts: 0 })).toBe('good');
    expect(ratingForAttempt({ passed: true, hintsUsed: 1, priorFailedAttempts: 0 })).toBe('hard');
    expect(ratingForAttempt({ passed: true, hintsUsed: 0, priorFailedAttempts: 2 })).toBe('hard');
    expect(ratingForAttempt({ passed: false, hintsUsed: 0, priorFailedAttempts: 0 })).toBe('again');
  });
});

describe('sideBySideDiff', () => {
  it('aligns equal lines and pairs changes', () => {
    const rows = sideBySideDiff('a: 1\nb: 2\nc: 3\n', 'a: 1\nb: 20\nc: 3\nd: 4\n');
    expect(rows.map((r) => r.op)).toEqual(['same', 'changed', 'same', 'added']);
    expect(rows[1]).toMatchObject({ left: 'b: 2', right: 'b: 20', leftLine: 2, rightLine: 2 });
  });
});

describe('loading a broken exercise gives file:line', () => {
  const make = (exercise: string, solution = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n') => {
    const root = tmpDir('kubedeck-ex-');
    const dir = join(root, 'my-ex');
    mkdirSync(dir);
    writeFileSync(join(dir, 'exercise.yaml'), exercise);
    writeFileSync(join(dir, 'solution.yaml'), solution);
    return dir;
  };
  const head =
    'id: my-ex\ntitle: {ko: 가, en: A}\ntopic: services\ndifficulty: easy\ntask: {ko: 가, en: A}\n';

  it('loads a valid exercise without checks (derived)', () => {
    const ex = loadExercise(make(head));
    expect(ex.derivedChecks).toBe(true);
  });

  it('points at the bad field', () => {
    const cases: [string, number, string][] = [
      [head.replace('easy', 'trivial'), 4, 'difficulty'],
      [`${head}checks:\n  - id: a\n    path: data.x\n    equals: 1\n    regex: x\n`, 7, 'exactly one of'],
      [`${head}checks:\n  - id: a\n    path: "data..x"\n    equals: 1\n`, 8, 'bad path'],
      [head.replace('id: my-ex', 'id: other'), 1, 'folder name'],
      [
        `${head}checks:\n  - id: a\n    path: data.x\n    exists: true\n  - id: a\n    path: data.y\n    exists: true\n`,
        10,
        'duplicate check id',
      ],
      [`${head}color: red\n`, 6, 'color'],
    ];
    for (const [text, line, msg] of cases) {
      const dir = make(text);
      let err: unknown;
      try {
        loadExercise(dir);
      } catch (e) {
        err = e;
      }
      expect(err, msg).toBeInstanceOf(ExerciseFormatError);
      expect((err as Error).message).toContain(`exercise.yaml:${line}:`);
      expect((err as Error).message).toContain(msg);
    }
  });
});
