import { describe, expect, it } from 'vitest';
import { grade, loadExercise } from '../../content/grader/index.ts';

const ex = loadExercise('content/exercises/service-nodeport');
const solution = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: {
    type: 'NodePort',
    selector: { app: 'web' },
    ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
  },
};

function timed(text: string, lang: 'en' | 'ko' = 'en') {
  const t0 = performance.now();
  const v = grade(ex, text, { lang });
  return { v, ms: performance.now() - t0 };
}

describe('bad input gets a clear verdict, never a crash or a hang', () => {
  it('text that is not YAML', () => {
    const { v } = timed('this is: not: yaml: [\n}}');
    expect(v.passed).toBe(false);
    expect(v.errors[0]).toMatchObject({ code: 'yaml', line: 1 });
    expect(v.checks).toEqual([]);
  });

  it("says a YAML problem in Korean words in a Korean verdict, never the YAML library's English sentence", () => {
    const { v } = timed('apiVersion: v1\nkind: Service\nmetadata:\n  name: "web\n', 'ko');
    expect(v.errors[0]).toMatchObject({ code: 'yaml' });
    expect(v.errors[0]!.message).toMatch(/^올바른 YAML이 아닙니다: [^A-Za-z]*[가-힣]/);
    expect(v.errors[0]!.message).not.toMatch(/Missing closing|quote|flow/i);
    const en = timed('apiVersion: v1\nkind: Service\nmetadata:\n  name: "web\n').v;
    expect(en.errors[0]!.message).toMatch(/^not valid YAML: /);
  });

  it('prose is not a manifest', () => {
    const { v } = timed('kubectl expose deployment web --type=NodePort --port=80');
    expect(v.errors[0]).toMatchObject({ code: 'not-mapping', line: 1, column: 1 });
  });

  it('a YAML bomb is refused quickly', () => {
    let bomb = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 10; i++) bomb += `a${i}: &a${i} [${new Array(9).fill(`*a${i - 1}`).join(',')}]\n`;
    const { v, ms } = timed(bomb);
    expect(v.passed).toBe(false);
    expect(v.errors[0]!.message).toContain('YAML bomb');
    expect(ms).toBeLessThan(500);
  });

  it('10 MB of text is refused before parsing', () => {
    const { v, ms } = timed(`apiVersion: v1\nkind: Service\n# ${'x'.repeat(10 * 1024 * 1024)}`);
    expect(v.errors).toEqual([expect.objectContaining({ code: 'too-large', line: null, column: null })]);
    expect(v.errors[0]!.message).toContain('256 KB');
    expect(ms).toBeLessThan(200);
  });

  it('JSON is YAML: it is graded', () => {
    expect(timed(JSON.stringify(solution)).v.passed).toBe(true);
    expect(timed(JSON.stringify(solution, null, 2)).v.passed).toBe(true);
    const wrong = structuredClone(solution);
    wrong.spec.ports[0]!.nodePort = 30081;
    const v = timed(JSON.stringify(wrong, null, 2)).v;
    expect(v.passed).toBe(false);
    // Line of "nodePort" in the pretty-printed JSON.
    const line =
      JSON.stringify(wrong, null, 2)
        .split('\n')
        .findIndex((l) => l.includes('"nodePort"')) + 1;
    expect(v.checks.find((c) => !c.passed)).toMatchObject({ id: 'node-port', line });
  });

  it('tabs used as indentation', () => {
    const { v } = timed('apiVersion: v1\nkind: Service\nmetadata:\n\tname: web\n', 'ko');
    expect(v.errors[0]).toMatchObject({ code: 'yaml', line: 4 });
    expect(v.errors[0]!.message).toContain('탭');
  });

  it('a Helm template', () => {
    const { v } = timed('apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n');
    expect(v.errors).toEqual([expect.objectContaining({ code: 'helm', line: 4, column: 9 })]);
  });

  it('an empty file, and one with only comments', () => {
    expect(timed('').v.errors).toEqual([expect.objectContaining({ code: 'empty' })]);
    expect(timed('   \n\n').v.errors).toEqual([expect.objectContaining({ code: 'empty' })]);
    expect(timed('# nothing here\n---\n').v.errors).toEqual([expect.objectContaining({ code: 'empty' })]);
  });

  it('the wrong kind', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n';
    const { v } = timed(text);
    expect(v.errors).toEqual([]);
    expect(v.passed).toBe(false);
    expect(v.score).toBe(0);
    expect(v.checks[0]!.message).toBe('no Service in the answer (found Pod)');
  });

  it('an unsupported or misspelt kind, and a wrong apiVersion', () => {
    expect(timed('apiVersion: v1\nkind: Servise\nmetadata: {name: web}\n').v.errors[0]!.message).toContain(
      'did you mean Service?',
    );
    expect(timed('apiVersion: example.com/v1\nkind: Widget\n').v.errors[0]).toMatchObject({
      code: 'kind',
      line: 2,
      column: 7,
    });
    const v = timed('apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\n').v;
    expect(v.errors[0]).toMatchObject({ code: 'api-version', line: 1, column: 13 });
    expect(v.errors[0]!.message).toContain('networking.k8s.io/v1');
  });

  it('duplicate keys are errors', () => {
    const { v } = timed('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  name: api\n');
    expect(v.errors[0]).toMatchObject({ code: 'yaml', line: 5 });
    expect(v.errors[0]!.message).toContain('duplicate key');
  });

  it('strange shapes: scalars, lists, wrong types at the top', () => {
    for (const t of [
      '42',
      '- a\n- b',
      'apiVersion: [1]\nkind: {a: 1}\n',
      'apiVersion: v1\nkind: Service\nmetadata: 5\nspec: []\n',
      '~',
      '"just a string"',
    ]) {
      const { v } = timed(t);
      expect(v.passed).toBe(false);
      expect(v.errors.length + v.checks.filter((c) => !c.passed).length).toBeGreaterThan(0);
    }
  });
});
