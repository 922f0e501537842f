import { describe, expect, it } from 'vitest';
import { grade, gradeAgainstReference, loadExercise } from '../../content/grader/index.ts';

describe('API defaults make equivalent answers pass', () => {
  it('Service without protocol/targetPort/type passes against an explicit reference', () => {
    const ref =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  namespace: default\nspec:\n  type: ClusterIP\n  selector: {app: api}\n  ports:\n  - port: 80\n    targetPort: 80\n    protocol: TCP\n';
    const answer =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector: {app: api}\n  ports:\n  - port: 80\n';
    const v = gradeAgainstReference(ref, answer);
    expect(v.errors).toEqual([]);
    expect(v.passed).toBe(true);
  });

  it('service-nodeport passes without protocol and namespace', () => {
    const ex = loadExercise('content/exercises/service-nodeport');
    const answer =
      'kind: Service\napiVersion: v1\nmetadata: {name: web}\nspec:\n  ports: [{nodePort: 30080, targetPort: 8080, port: 80}]\n  selector: {app: web}\n  type: NodePort\n';
    expect(grade(ex, answer).passed).toBe(true);
  });

  it('HTTPRoute: no matches = PathPrefix /, backendRef kind/group/weight, parentRef kind/group', () => {
    const ref = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: default}
spec:
  parentRefs:
  - {name: gw, kind: Gateway, group: gateway.networking.k8s.io}
  rules:
  - matches:
    - path: {type: PathPrefix, value: /}
    backendRefs:
    - {name: web, port: 80, weight: 1, kind: Service, group: ""}
`;
    const answer =
      'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n  parentRefs: [{name: gw}]\n  rules:\n  - backendRefs: [{name: web, port: 80}]\n';
    const v = gradeAgainstReference(ref, answer);
    expect(v.errors).toEqual([]);
    expect(v.checks.filter((c) => !c.passed)).toEqual([]);
    expect(v.passed).toBe(true);
    // A different weight is not equivalent.
    expect(gradeAgainstReference(ref, answer.replace('port: 80}', 'port: 80, weight: 2}')).passed).toBe(
      false,
    );
  });

  it('lists compare by identity, not order', () => {
    const ref =
      'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {a: b}\n  ports:\n  - {name: http, port: 80}\n  - {name: https, port: 443}\n';
    const swapped =
      'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {a: b}\n  ports:\n  - {name: https, port: 443}\n  - {name: http, port: 80}\n';
    expect(gradeAgainstReference(ref, swapped).passed).toBe(true);
    const v = gradeAgainstReference(ref, swapped.replace('port: 443', 'port: 8443'));
    expect(v.passed).toBe(false);
    expect(v.checks.filter((c) => !c.passed).map((c) => c.id)).toContain('spec.ports[port=443].name');
  });

  it('a string "80" where an integer belongs is a schema error', () => {
    const ref = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - port: 80\n';
    const v = gradeAgainstReference(ref, ref.replace('port: 80', 'port: "80"'));
    expect(v.passed).toBe(false);
    expect(v.errors[0]).toMatchObject({ code: 'schema', line: 6, column: 11 });
  });

  it('derived checks report the field and the line', () => {
    const ref =
      'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\nspec:\n  controller: k8s.io/ingress-nginx\n';
    const v = gradeAgainstReference(ref, ref.replace('k8s.io/ingress-nginx', 'nginx.org/ingress'), {
      lang: 'en',
    });
    expect(v.checks.filter((c) => !c.passed)).toEqual([
      {
        id: 'spec.controller',
        passed: false,
        message: 'spec.controller: expected k8s.io/ingress-nginx, found nginx.org/ingress',
        line: 6,
        column: 15,
      },
    ]);
  });

  it('multi-document references derive checks per document', () => {
    const ref =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: "1"}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80}]\n';
    const reordered = ref.split('---\n').reverse().join('---\n');
    expect(gradeAgainstReference(ref, reordered).passed).toBe(true);
    const v = gradeAgainstReference(
      ref,
      'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80}]\n',
    );
    expect(v.passed).toBe(false);
    expect(v.checks.find((c) => c.id.startsWith('ConfigMap/c:'))?.message).toContain('no ConfigMap');
  });
});
