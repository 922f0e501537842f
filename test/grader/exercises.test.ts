import { describe, expect, it } from 'vitest';
import { grade, loadExercise, loadExercises, loadWrongAnswers } from '../../content/grader/index.ts';

const MINE = [
  'service-nodeport',
  'ingress-rewrite',
  'gatewayclass-nginx',
  'gateway-http-all',
  'httproute-prefix',
  'httproute-https-redirect',
];

describe('bundled exercises', () => {
  const all = loadExercises();

  it('has at least 15 exercises, including the six required ids', () => {
    expect(all.length).toBeGreaterThanOrEqual(15);
    for (const id of MINE) expect(all.map((e) => e.id)).toContain(id);
  });

  for (const ex of all) {
    describe(ex.id, () => {
      it('the reference solution passes with every check', () => {
        for (const lang of ['en', 'ko'] as const) {
          const v = grade(ex, ex.solution, { lang });
          expect(v.errors).toEqual([]);
          expect(v.checks.every((c) => c.passed)).toBe(true);
          expect(v).toMatchObject({ exercise: ex.id, passed: true, score: 100 });
        }
      });

      const wrong = loadWrongAnswers(ex.dir);
      if (MINE.includes(ex.id)) {
        it('has at least 3 realistic wrong answers', () => expect(wrong.length).toBeGreaterThanOrEqual(3));
      }
      for (const w of wrong) {
        it(`fails ${w.file.split('/').pop()} with ${w.expectCheck ?? w.expectError}`, () => {
          const v = grade(ex, w.text, { lang: 'en' });
          expect(v.passed).toBe(false);
          expect(v.score).toBeLessThan(100);
          if (w.expectCheck) {
            const c = v.checks.find((x) => x.id === w.expectCheck);
            expect(c, `check ${w.expectCheck}`).toBeDefined();
            expect(c!.passed).toBe(false);
          }
          if (w.expectError) expect(v.errors.map((e) => e.message).join('\n')).toContain(w.expectError);
          // Korean verdicts carry the same structure.
          const ko = grade(ex, w.text, { lang: 'ko' });
          expect(ko.checks.map((c) => [c.id, c.passed, c.line])).toEqual(
            v.checks.map((c) => [c.id, c.passed, c.line]),
          );
        });
      }
    });
  }
});

const ex = (id: string) => loadExercise(`content/exercises/${id}`);
const failed = (v: ReturnType<typeof grade>) => v.checks.filter((c) => !c.passed);

describe('messages name the field and point at the line', () => {
  it('service-nodeport: nodePort out of range', () => {
    const text =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 8080\n      nodePort: 8080\n';
    const v = grade(ex('service-nodeport'), text);
    expect(v.errors).toEqual([
      {
        code: 'api-rule',
        message: 'nodePort: 8080 is outside the node port range 30000-32767',
        line: 12,
        column: 17,
      },
    ]);
    expect(failed(v)).toEqual([
      {
        id: 'node-port',
        passed: false,
        message: 'nodePort must be 30080 (found 8080)',
        line: 12,
        column: 17,
      },
    ]);
  });

  it('service-nodeport: tragetPort → did you mean targetPort?, on the key', () => {
    const text =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n  - port: 80\n    tragetPort: 8080\n    nodePort: 30080\n';
    const v = grade(ex('service-nodeport'), text, { lang: 'ko' });
    expect(v.errors[0]).toMatchObject({ code: 'unknown-field', line: 11, column: 5 });
    expect(v.errors[0]!.message).toContain('targetPort을(를) 의도했나요?');
    expect(failed(v).map((c) => c.id)).toEqual(['target-port']);
  });

  it('ingress-rewrite: Exact pathType on /watch points at pathType', () => {
    const text = ex('ingress-rewrite').solution.replace(
      /pathType: Prefix(?![\s\S]*pathType)/,
      'pathType: Exact',
    );
    const v = grade(ex('ingress-rewrite'), text);
    expect(failed(v)).toHaveLength(1);
    expect(failed(v)[0]).toMatchObject({ id: 'watch-path-type', line: 21, column: 23 });
    expect(failed(v)[0]!.message).toContain('pathType');
  });

  it('ingress-rewrite: an annotation key with a typo is a missing annotation, and the typo is named', () => {
    const text = ex('ingress-rewrite').solution.replace('rewrite-target', 'rewrite-targt');
    const v = grade(ex('ingress-rewrite'), text);
    expect(v.errors).toEqual([]);
    expect(failed(v)[0]).toMatchObject({ id: 'rewrite-target', line: 7, column: 5 });
    expect(failed(v)[0]!.message).toContain('"nginx.ingress.kubernetes.io/rewrite-targt"');
  });

  it('gatewayclass-nginx: wrong controllerName', () => {
    const text = ex('gatewayclass-nginx').solution.replace(
      'nginx.org/gateway-controller',
      'nginx.org/nginx-gateway',
    );
    const v = grade(ex('gatewayclass-nginx'), text);
    expect(failed(v)).toEqual([
      expect.objectContaining({
        id: 'controller-name',
        line: 6,
        column: 19,
        message: expect.stringContaining('controllerName'),
      }),
    ]);
  });

  it('gateway-http-all: listener port "80" is a schema error, not a silent pass', () => {
    const text = ex('gateway-http-all').solution.replace('port: 80', 'port: "80"');
    const v = grade(ex('gateway-http-all'), text);
    expect(v.passed).toBe(false);
    expect(v.errors[0]).toMatchObject({ code: 'schema', line: 11, column: 13 });
    expect(v.errors[0]!.message).toContain('port must be an integer');
  });

  it('httproute-prefix: backendRef without port breaks the API rule', () => {
    const text = ex('httproute-prefix').solution.replace(/\n\s+port: 80/, '');
    const v = grade(ex('httproute-prefix'), text);
    expect(v.errors).toEqual([
      expect.objectContaining({
        code: 'api-rule',
        line: 15,
        column: 11,
        message: expect.stringContaining('port'),
      }),
    ]);
  });

  it('httproute-https-redirect: missing statusCode defaults to 302', () => {
    const text = ex('httproute-https-redirect').solution.replace(/\n\s+statusCode: 301/, '');
    const v = grade(ex('httproute-https-redirect'), text, { lang: 'ko' });
    // A defaulted field has no line of its own: the verdict points where it belongs (inside requestRedirect).
    expect(failed(v)).toEqual([expect.objectContaining({ id: 'status-code', line: 13, column: 13 })]);
    expect(failed(v)[0]!.message).toContain('statusCode');
    expect(failed(v)[0]!.message).toContain('302');
  });
});
