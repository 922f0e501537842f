import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateCards } from '../../content/markdown/parse-note.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'notes', 'exercises');
const taskCards = (file: string) =>
  candidateCards(file, readFileSync(join(DIR, file), 'utf8'))
    .filter((c) => c.rule === 'task-solution')
    .map((c) => [c.prompt, c.answer]);

describe('task steps asked with the part of the solution that does them', () => {
  it('pairs each step with its command or its manifest lines (en)', () => {
    const got = taskCards('netpol-exercise-en.md');
    expect(got).toContainEqual(['Create a namespace called `shop`', 'k create ns shop']);
    // A step under its object's step is answered inside that object's manifest, with the lines under the key.
    const parent = 'Create a NetworkPolicy named `api-allow` in namespace `shop` that';
    expect(got).toContainEqual([
      `${parent}\n› Selects pods labelled \`app=api\`\n(kind: NetworkPolicy)`,
      'podSelector:\n  matchLabels:\n    app: api',
    ]);
    expect(got).toContainEqual([
      `${parent}\n› Opens TCP port 8080 only\n(kind: NetworkPolicy)`,
      'ports:\n- protocol: TCP\n  port: 8080',
    ]);
    // The comment above a command says what it checks.
    expect(got).toContainEqual([
      'Check that a pod without the label times out',
      'k run probe -n shop --rm -it --image=busybox -- wget -T2 -qO- api:8080',
    ]);
    // Hints are not steps, and the step that frames sub-steps is not asked itself.
    expect(got.map(([p]) => p)).not.toContain('`k get netpol -n shop` lists the policies');
    expect(got.map(([p]) => p)).not.toContain(parent);
  });

  it('reads Korean steps under 문제 against the 풀이, by names, numbers and Korean words for the fields', () => {
    const got = taskCards('service-exercise-ko.md');
    expect(got).toContainEqual(['네임스페이스 `lab3`를 만든다', 'kubectl create namespace lab3']);
    expect(got).toContainEqual([
      '이미지 `nginx:1.27`로 디플로이먼트 `web`을 만들고 레플리카는 3개',
      'kubectl create deployment web -n lab3 --image=nginx:1.27 --replicas=3',
    ]);
    expect(got).toContainEqual([
      '`web`을 노드 포트 `30080`으로 노출하는 서비스 `web-np`를 만든다\n› 서비스 포트 80\n(kind: Service 의 필드)',
      'port: 80',
    ]);
    expect(got).toContainEqual([
      '서비스 `web-np`의 엔드포인트를 확인한다',
      'kubectl get endpoints web-np -n lab3',
    ]);
  });

  it('makes nothing without a solution, and nothing for a step no part of the solution matches', () => {
    const text = readFileSync(join(DIR, 'netpol-exercise-en.md'), 'utf8');
    const noSolution = text.replace('## Solution', '## Notes');
    expect(candidateCards('a.md', noSolution).filter((c) => c.rule === 'task-solution')).toEqual([]);
    const vague =
      '## Tasks\n\n1. Think about why this matters\n\n## Solution\n\n```bash\nk create ns shop\n```\n';
    expect(candidateCards('b.md', vague).filter((c) => c.rule === 'task-solution')).toEqual([]);
  });

  it('reads a command continued over lines with `\\` as one command, under a bold **Solution Steps:** label', () => {
    const text = [
      '**Tasks:**',
      '',
      '1. Patch deployment `logger` in namespace `prio` to use PriorityClass `high`',
      '',
      '**Solution Steps:**',
      '',
      '```bash',
      'kubectl patch deployment logger -n prio \\',
      `  -p '{"spec":{"template":{"spec":{"priorityClassName":"high"}}}}'`,
      '```',
      '',
    ].join('\n');
    expect(
      candidateCards('d.md', text)
        .filter((c) => c.rule === 'task-solution')
        .map((c) => c.answer),
    ).toEqual([
      `kubectl patch deployment logger -n prio -p '{"spec":{"template":{"spec":{"priorityClassName":"high"}}}}'`,
    ]);
  });

  it('answers a step that names its object in that object, and skips a step that hands over its own command', () => {
    const text = [
      '**Tasks:**',
      '',
      '1. Create an HTTPRoute named `shop-route` with hostname `shop.example.com`',
      '2. Check it with `curl http://shop.example.com/`',
      '',
      '**Solution:**',
      '',
      '```yaml',
      'apiVersion: gateway.networking.k8s.io/v1',
      'kind: Gateway',
      'metadata:',
      '  name: shop-gw',
      'spec:',
      '  gatewayClassName: eg',
      '  listeners:',
      '  - name: http',
      '    hostname: shop.example.com',
      '    port: 80',
      '    protocol: HTTP',
      '---',
      'apiVersion: gateway.networking.k8s.io/v1',
      'kind: HTTPRoute',
      'metadata:',
      '  name: shop-route',
      'spec:',
      '  parentRefs:',
      '  - name: shop-gw',
      '  hostnames:',
      '  - shop.example.com',
      '```',
      '',
    ].join('\n');
    expect(
      candidateCards('e.md', text)
        .filter((c) => c.rule === 'task-solution')
        .map((c) => c.answer),
    ).toEqual(['hostnames:\n- shop.example.com']);
  });

  it('reads a solution hidden in <details><summary>Solution</summary>', () => {
    const text = [
      '## Tasks',
      '',
      '1. Expose deployment `api` on port 8080 as a Service named `api-svc`',
      '',
      '<details>',
      '<summary>Solution</summary>',
      '',
      '```bash',
      'kubectl expose deployment api --port=8080 --name=api-svc',
      '```',
      '',
      '</details>',
      '',
    ].join('\n');
    expect(
      candidateCards('c.md', text)
        .filter((c) => c.rule === 'task-solution')
        .map((c) => c.answer),
    ).toEqual(['kubectl expose deployment api --port=8080 --name=api-svc']);
  });
});
