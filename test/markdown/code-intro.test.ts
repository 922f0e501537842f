import { describe, expect, it } from 'vitest';
import { candidateCards, parseNote } from '../../content/markdown/parse-note.ts';

// A line that introduces a code block asks for what the block holds: the command, not what it printed once.
const intro = (text: string) =>
  candidateCards('note.md', text)
    .filter((c) => c.rule === 'code-intro')
    .map((c) => [c.prompt, c.answer]);

describe('a code block under the line that introduces it', () => {
  it('asks for the command alone when the block is one command over its output (ko, en)', () => {
    const ko = [
      '# iptables',
      '',
      'nat 테이블의 PREROUTING 체인 확인',
      '',
      '```',
      '$ iptables -t nat -L PREROUTING -n',
      'Chain PREROUTING (policy ACCEPT)',
      'target     prot opt source      destination',
      'KUBE-SERVICES  all  --  0.0.0.0/0   0.0.0.0/0',
      '```',
      '',
    ].join('\n');
    expect(intro(ko)).toContainEqual([
      'nat 테이블의 PREROUTING 체인 확인',
      'iptables -t nat -L PREROUTING -n',
    ]);
    const en = [
      '# Endpoints',
      '',
      'List the endpoints of a Service:',
      '',
      '```',
      '[root@node-1 ~]# kubectl get endpoints web',
      'NAME   ENDPOINTS                       AGE',
      'web    10.244.1.5:80,10.244.2.7:80    3m',
      '```',
      '',
    ].join('\n');
    expect(intro(en)).toContainEqual(['List the endpoints of a Service', 'kubectl get endpoints web']);
  });

  it('keeps a block of several commands whole', () => {
    const text =
      '# Setup\n\nCreate the namespace and the pod:\n\n```\nkubectl create ns web\nkubectl run nginx --image=nginx -n web\n```\n';
    expect(intro(text)).toContainEqual([
      'Create the namespace and the pod',
      'kubectl create ns web\nkubectl run nginx --image=nginx -n web',
    ]);
  });

  it('asks the commands as typed: without the indent of a list item or the prompts of a pasted session (ko, en)', () => {
    const ko = [
      '## 인그레스 컨트롤러',
      '',
      '- 노드포트 서비스로 생성된 NGINX 인그레스 컨트롤러 확인',
      '',
      '  ```bash',
      '    k get svc -n ingress-nginx',
      '  ```',
      '',
      'Helm 저장소 추가',
      '',
      '```bash',
      '❯ helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx',
      '❯ helm repo update',
      '```',
      '',
    ].join('\n');
    expect(intro(ko)).toContainEqual([
      '노드포트 서비스로 생성된 NGINX 인그레스 컨트롤러 확인',
      'k get svc -n ingress-nginx',
    ]);
    expect(intro(ko)).toContainEqual([
      'Helm 저장소 추가',
      'helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx\nhelm repo update',
    ]);
    const en = [
      '## CoreDNS',
      '',
      'Turn on CoreDNS logging by editing its config map',
      '',
      '```',
      '$ kubectl -n kube-system edit configmap coredns',
      '```',
      '',
      'Count to three in PowerShell',
      '',
      '```',
      '$i=0; while($i -lt 3)',
      '{ $i++ }',
      '```',
      '',
    ].join('\n');
    expect(intro(en)).toContainEqual([
      'Turn on CoreDNS logging by editing its config map',
      'kubectl -n kube-system edit configmap coredns',
    ]);
    // No prompt opens the block: `$i` is the script's own.
    expect(intro(en)).toContainEqual(['Count to three in PowerShell', '$i=0; while($i -lt 3)\n{ $i++ }']);
  });

  it('does not ask a command from a statement about what happened (en)', () => {
    const text = "# Debug\n\nThe cluster isn't ready yet.\n\n```\nkubectl get nodes\n```\n";
    expect(intro(text).length).toBe(1);
    expect(parseNote('note.md', text).cards.some((c) => c.rule === 'code-intro')).toBe(false);
  });
});
