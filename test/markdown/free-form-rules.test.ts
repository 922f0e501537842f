import { describe, expect, it } from 'vitest';
import { candidateCards } from '../../content/markdown/parse-note.ts';
import { cardKey, contentKey } from '../../core/import/identity.ts';

const cards = (text: string) => candidateCards('note.md', text);
const has = (text: string, rule: string, prompt: string, answer: string) =>
  expect(
    cards(text)
      .filter((c) => c.rule === rule)
      .map((c) => [c.prompt, c.answer]),
  ).toContainEqual([prompt, answer]);

describe('tables', () => {
  it('gives a card per row and column, the header naming what is asked, and numbers both ways (en)', () => {
    const t = '| Component | Port |\n|---|---|\n| kube-scheduler | 10259 |\n| etcd | 2379 |\n';
    has(t, 'table', 'kube-scheduler', '10259');
    const three =
      '| Component | Port | Runs on |\n|---|---|---|\n| kube-scheduler | 10259 | control plane |\n| kubelet | 10250 | every node |\n';
    has(three, 'table', 'kube-scheduler: Port', '10259');
    has(three, 'table', 'Port: 10250', 'kubelet');
    has(three, 'table', 'kubelet: Runs on', 'every node');
  });

  it('asks a table of side-by-side lists column by column, never a row across them (en)', () => {
    const t = [
      '| Built-in plugins | Network providers | IPAM plugins |',
      '|---|---|---|',
      '| bridge | Calico | host-local |',
      '| macvlan | Cilium | dhcp |',
      '| ipvlan | Flannel | |',
      '| ptp | Weave Net | |',
      '',
    ].join('\n');
    has(t, 'table', 'Network providers', '- Calico\n- Cilium\n- Flannel\n- Weave Net');
    has(t, 'table', 'IPAM plugins', '- host-local\n- dhcp');
    const cards = candidateCards('note.md', t);
    expect(cards.some((c) => c.prompt === 'bridge: Network providers')).toBe(false);
  });

  it('asks a two-column command table both ways: what it does → the command (ko, en)', () => {
    const ko =
      '| 명령어 | 설명 |\n|---|---|\n| `ip link` | 인터페이스 목록 |\n| `ip route` | 라우팅 테이블 |\n';
    has(ko, 'table', '`ip link`', '인터페이스 목록');
    has(ko, 'table', '라우팅 테이블', '`ip route`');
    const en = '| Command | Purpose |\n|---|---|\n| `kubectl get ep web` | Endpoints behind a Service |\n';
    has(en, 'table', 'Endpoints behind a Service', '`kubectl get ep web`');
    // A term table stays one way.
    const terms = '| Term | Meaning |\n|---|---|\n| CNI | Container Network Interface |\n';
    expect(cards(terms).map((c) => c.prompt)).toEqual(['CNI']);
  });

  it('reads an HTML table inside Markdown for its text (ko)', () => {
    const t =
      '<table>\n<tr><th>타입</th><th>범위</th></tr>\n<tr><td>NodePort</td><td>30000-32767</td></tr>\n</table>\n';
    has(t, 'table', 'NodePort', '30000-32767');
  });
});

describe('commands in code blocks', () => {
  it('asks a `# comment` over a command both ways, also in a block mislabelled python (ko)', () => {
    const t = '```python\n# 라우팅 테이블 확인\nip route\n```\n';
    has(t, 'code-comment', '# 라우팅 테이블 확인', 'ip route');
    has(t, 'code-comment', 'ip route', '라우팅 테이블 확인');
  });

  it('reads `cmd   # comment`, `$ cmd` output, flag values and assignments (en)', () => {
    const t = [
      '```bash',
      'k config use-context prod        # Switch context',
      "export do='--dry-run=client -o yaml'",
      'etcdctl snapshot save /tmp/b.db --cacert=/etc/kubernetes/pki/etcd/ca.crt',
      '$ kubectl apply -f np.yaml',
      'networkpolicy "np" created',
      '```',
    ].join('\n');
    has(t, 'code-comment', 'Switch context', 'k config use-context prod');
    has(t, 'code-assignment', 'export do', '--dry-run=client -o yaml');
    has(
      t,
      'command-flag',
      'etcdctl snapshot save /tmp/b.db --cacert=[...]',
      '/etc/kubernetes/pki/etcd/ca.crt',
    );
    has(t, 'shell-output', '$ kubectl apply -f np.yaml', 'networkpolicy "np" created');
  });

  it('asks the line that introduces a block for the whole block, and reads `term : definition` lines inside (en)', () => {
    const t =
      '- Expose a pod\n```sh\nkubectl expose pod redis --port=6379\n```\n\n```sh\n1) NodePort : makes a port reachable on every node\n```\n';
    has(t, 'code-intro', 'Expose a pod', 'kubectl expose pod redis --port=6379');
    has(t, 'term-definition', 'NodePort', 'makes a port reachable on every node');
  });
});

describe('a line that introduces a one-line command', () => {
  it('asks "… with:" for the code span on the next line (en)', () => {
    has(
      'Intro text.\n\nSearch for the rule of a Service in the NAT table with:  \n`iptables -L -t nat | grep web`  \nEvery rule carries the Service name.\n',
      'code-intro',
      'Search for the rule of a Service in the NAT table with',
      'iptables -L -t nat | grep web',
    );
  });

  it('does the same for "…으로 확인:" (ko)', () => {
    has(
      'kube-proxy 로그는 다음으로 확인:\n`cat /var/log/kube-proxy.log`\n',
      'code-intro',
      'kube-proxy 로그는 다음으로 확인',
      'cat /var/log/kube-proxy.log',
    );
  });
});

describe('definitions written many ways', () => {
  it('reads `cmd - what it does`, `term — definition`, `A -> B`, `cmd → meaning`, `x` = y (en, ko)', () => {
    has('`ip link` - lists interfaces\n', 'term-definition', '`ip link`', 'lists interfaces');
    has('Service — a stable virtual IP\n', 'term-definition', 'Service', 'a stable virtual IP');
    has('nodePort -> Service port\n', 'term-definition', 'nodePort', 'Service port');
    has('`ip route` → 라우팅 테이블 확인\n', 'term-definition', '`ip route`', '라우팅 테이블 확인');
    const many = cards('`port` = service port. `targetPort` = container port.\n');
    expect(many.map((c) => [c.prompt, c.answer])).toEqual([
      ['`port`', 'service port'],
      ['`targetPort`', 'container port'],
    ]);
  });

  it('reads options with their gloss and acronyms both ways', () => {
    has('Reclaim: `Retain` (keep data) | `Delete` (remove PV)\n', 'option-list', 'Retain', 'keep data');
    has('Access: `ReadWriteMany (RWX)` | `ReadOnlyMany (ROX)`\n', 'option-list', 'RWX', 'ReadWriteMany');
  });
});

describe('section labels of exercise notes', () => {
  it('reads `**Problem:**`, `**Key:**` and `**Solution Steps:**` as labels, never as terms or questions (en)', () => {
    const t = [
      '**Problem:** Expose the deployment `web` on port 8080.',
      '',
      '> **Key:** Writing to `/etc/sysctl.d/` makes a setting persistent across reboots.',
      '',
      '**Solution Steps:**',
      '',
      '1. Expose it:',
      '',
    ].join('\n');
    const got = cards(t);
    expect(got.map((c) => c.prompt)).not.toContain('Problem');
    expect(got.map((c) => c.prompt)).not.toContain('Key');
    expect(got.map((c) => c.prompt)).not.toContain('Solution Steps');
    // The text after the label is still read, without the label.
    const path = got.find((c) => c.answer === '/etc/sysctl.d/');
    expect(path?.prompt).toBe('Writing to [...] makes a setting persistent across reboots.');
  });

  it('reads `**Term**: definition` without the emphasis, and drops a `**Definition**:` label from an answer (en, ko)', () => {
    const t =
      '#### What are Network Policies?\n\n**Definition**:\nRules for which pods may talk to which endpoints.\n\n- **Pod Selector**: Determines which pods the policy applies to.\n- **Policy Types**: `Ingress`, `Egress` or both.\n';
    has(t, 'term-definition', 'Pod Selector', 'Determines which pods the policy applies to.');
    has(
      t,
      'question-heading',
      'What are Network Policies?',
      'Rules for which pods may talk to which endpoints.',
    );
    expect(cards(t).map((c) => c.prompt)).not.toContain('Definition');
    const ko =
      '#### 네트워크 정책이란?\n\n**정의**:\n파드가 어느 엔드포인트와 통신할지 정하는 규칙.\n\n- **파드 셀렉터**: 정책이 적용될 파드를 고른다.\n- **정책 타입**: Ingress, Egress 또는 둘 다.\n';
    has(ko, 'term-definition', '파드 셀렉터', '정책이 적용될 파드를 고른다.');
    has(ko, 'question-heading', '네트워크 정책이란?', '파드가 어느 엔드포인트와 통신할지 정하는 규칙.');
    expect(cards(ko).map((c) => c.prompt)).not.toContain('정의');
    has(
      '* **ClusterIP** (default) - internal virtual IP\n',
      'term-definition',
      'ClusterIP (default)',
      'internal virtual IP',
    );
    has('- **kube-proxy** → 서비스 규칙 관리\n', 'term-definition', 'kube-proxy', '서비스 규칙 관리');
  });

  it('drops a plain callout label (IMPORTANT:, TIP:, 참고:) from its line, but keeps "Example:" (en, ko)', () => {
    has(
      'TIP: use `k explain ingress.spec.rules` to look up fields.\n',
      'auto-cloze',
      'use [...] to look up fields.',
      'k explain ingress.spec.rules',
    );
    has(
      '참고: kube-proxy는 각 노드에서 DaemonSet으로 실행된다.\n',
      'sentence-cloze',
      '[...]는 각 노드에서 DaemonSet으로 실행된다',
      'kube-proxy',
    );
    expect(
      cards('TIP: use `k explain ingress.spec.rules` to look up fields.\n').map((c) => c.answer),
    ).not.toContain('TIP');
    has(
      '### containerPort\n\nExample: `ports: [{ containerPort: 3000 }]`\n',
      'auto-cloze',
      'Example: [...]',
      'ports: [{ containerPort: 3000 }]',
    );
  });

  it('reads `**문제:**` and `**풀이**` the same way (ko)', () => {
    const got = cards('**문제:** 서비스 `web`을 8080 포트로 노출한다.\n\n**풀이**\n\n1. 노출:\n');
    expect(got.map((c) => c.prompt)).not.toContain('문제');
    expect(got.map((c) => c.prompt)).not.toContain('풀이');
    expect(got.some((c) => c.answer === 'web' || c.answer === '8080')).toBe(true);
  });

  it('never asks for a pronoun or hides everything but a dangling preposition', () => {
    const got = cards('Patch the deployment to use it. Both are needed for full marks.\n');
    expect(got.map((c) => c.answer)).not.toContain('it');
    expect(got.map((c) => c.answer)).not.toContain('Both');
    expect(got.map((c) => c.answer)).not.toContain('Patch the deployment to');
  });
});

describe('sub-item and remark marks', () => {
  it('reads `ㄴ` lines as the items of the line above, `※` as no text, `포인트:` as a label (ko)', () => {
    const t =
      'Service\nㄴ 파드 집합에 고정 IP 제공\nㄴ kube-proxy가 규칙을 만든다\n\n※ NodePort 범위는 30000-32767 이다.\n';
    has(t, 'list', 'Service', '- 파드 집합에 고정 IP 제공\n- kube-proxy가 규칙을 만든다');
    has(t, 'auto-cloze', 'NodePort 범위는 [...] 이다.', '30000-32767');
    expect(cards('* 포인트: Ingress는 L7 로드밸런서이다.\n').map((c) => c.prompt)).not.toContain('포인트');
  });

  it('nests `↳` lines under the list item above them (en)', () => {
    const t = '- Ingress\n  ↳ routes HTTP by host and path\n  ↳ needs an ingress controller\n';
    has(t, 'list', 'Ingress', '- routes HTTP by host and path\n- needs an ingress controller');
  });
});

describe('definition lists', () => {
  it('reads a term over `: definition` lines as one term-definition card (ko, en)', () => {
    has(
      'ClusterIP\n: 클러스터 내부에서만 접근 가능한 가상 IP\n',
      'term-definition',
      'ClusterIP',
      '클러스터 내부에서만 접근 가능한 가상 IP',
    );
    has(
      'Headless Service\n: A Service with clusterIP: None\n: DNS returns the Pod IPs\n',
      'term-definition',
      'Headless Service',
      'A Service with clusterIP: None\nDNS returns the Pod IPs',
    );
    expect(cards('ClusterIP\n: 클러스터 내부 가상 IP\n').some((c) => c.prompt.startsWith(':'))).toBe(false);
  });
});

describe('numbered question labels', () => {
  it('reads `문제 1)` / `정답)` pairs and a `### 문제 2)` heading without the label (ko)', () => {
    has(
      '문제 1) NodePort 범위는?\n정답) 30000-32767\n',
      'question-answer',
      'NodePort 범위는?',
      '30000-32767',
    );
    has(
      '### 문제 2) 기본 프록시 모드는?\n\niptables 모드이다.\n',
      'question-answer',
      '기본 프록시 모드는?',
      'iptables 모드이다.',
    );
  });

  it('reads `Question 2:` / `Answer 2:` and a `#### Q:` heading (en)', () => {
    has(
      'Question 2: Which port does the kubelet serve on?\nAnswer 2: 10250\n',
      'question-answer',
      'Which port does the kubelet serve on?',
      '10250',
    );
    has(
      '#### Q: Which component assigns ClusterIPs?\n\nThe kube-apiserver.\n',
      'question-answer',
      'Which component assigns ClusterIPs?',
      'The kube-apiserver.',
    );
  });
});

describe('a bar of facts', () => {
  it('asks each fact of a `a | b | key: value` line in place, never the bar as one term (en)', () => {
    const t = '> **Medium** | ~20 min | Domain: Services & Networking (20%)\n';
    has(t, 'auto-cloze', '**Medium** | ~20 min | Domain: Services & Networking ([...])', '20%');
    expect(cards(t).filter((c) => c.rule === 'term-definition')).toEqual([]);
  });

  it('keeps the percent sign with its number (ko)', () => {
    has(
      '난이도 중 | 약 20분 | 도메인: 서비스와 네트워킹 (20%)\n',
      'auto-cloze',
      '난이도 중 | 약 20분 | 도메인: 서비스와 네트워킹 ([...])',
      '20%',
    );
  });
});

describe('sentences that hold a fact', () => {
  it('hides what a Korean sentence says about its topic, and asks a short topic back', () => {
    const t = '쿠버네티스의 파드는 언제든 사라지는 비영구적 리소스이다.\n';
    has(t, 'sentence-cloze', '쿠버네티스의 파드는 [...]', '언제든 사라지는 비영구적 리소스이다');
    has(t, 'sentence-cloze', '[...]는 언제든 사라지는 비영구적 리소스이다', '쿠버네티스의 파드');
  });

  it('hides the clause after a condition and the predicate after a copula or modal (en)', () => {
    has(
      'If you do not specify a port, the rule applies to all ports.\n',
      'sentence-cloze',
      'If you do not specify a port, [...]',
      'the rule applies to all ports',
    );
    has(
      'A port may be either a numerical or named port.\n',
      'sentence-cloze',
      'A port may be either [...]',
      'a numerical or named port',
    );
    has(
      'HTTPRoute parentRefs must match the Gateway name.\n',
      'sentence-cloze',
      'HTTPRoute parentRefs [...]',
      'must match the Gateway name',
    );
  });

  it('hides the means, the purpose and the manner of an English sentence up to the end of its clause', () => {
    has(
      'Frontend pods reach the backend using a ClusterIP Service.\n',
      'sentence-cloze',
      'Frontend pods reach the backend [...].',
      'using a ClusterIP Service',
    );
    has(
      'You can configure a load balancer to spread the node IPs and give it a DNS name.\n',
      'sentence-cloze',
      'You can configure a load balancer [...] and give it a DNS name.',
      'to spread the node IPs',
    );
    has(
      'On cloud platforms Kubernetes automatically provisions a load balancer and creates one per Service.\n',
      'sentence-cloze',
      'On cloud platforms Kubernetes [...] and creates one per Service.',
      'automatically provisions a load balancer',
    );
    // A destination is not a purpose, and a path is not a means.
    const rules = cards(
      'Kube-proxy forwards requests to backend pods. Traffic flows through the Service network.\n',
    );
    expect(rules.map((c) => c.answer)).not.toContain('to backend pods');
    expect(rules.map((c) => c.answer)).not.toContain('through the Service network');
  });

  it('gives each copula clause of a run-on sentence its own card (en)', () => {
    const t =
      'only port is mandatory, targetPort and nodePort are optional, if you omit them targetPort will be the same as port and nodePort will be picked from the range.\n';
    const got = cards(t).filter((c) => c.rule === 'sentence-cloze');
    expect(got.map((c) => c.answer)).toEqual(
      expect.arrayContaining([
        'mandatory',
        'only port',
        'optional',
        'the same as port',
        'picked from the range',
      ]),
    );
  });

  it('hides what a Korean sentence says about a field or flag name in its middle', () => {
    has(
      '파드에서 포트 정의에는 이름이 있고 `targetPort` 속성에 이 이름을 참조하여 설정할 수 있다.\n',
      'sentence-cloze',
      '파드에서 포트 정의에는 이름이 있고 `targetPort` 속성에 [...]',
      '이 이름을 참조하여 설정할 수 있다',
    );
    has(
      '노드에서는 kube-proxy가 --cluster-cidr 값으로 파드 트래픽을 구분한다.\n',
      'sentence-cloze',
      '노드에서는 kube-proxy가 --cluster-cidr 값으로 [...]',
      '파드 트래픽을 구분한다',
    );
    // A plain word is not a name: nothing is said "about" DNS here.
    const plain = cards('일부 앱은 DNS 검색을 한 번만 수행하고 결과를 무기한으로 캐시한다.\n');
    expect(plain.map((c) => c.prompt)).not.toContain('일부 앱은 DNS 검색을 [...]');
  });

  it('never cuts through a parenthesis, a pronoun topic or an adnominal verb (ko)', () => {
    const got = cards(
      '여러 레플리카에 트래픽을 분산시키는 로드밸런서 (TCP, UDP 모두 가능)\n\n나는 이게 어디로 가야할 지 모르겠다.\n',
    );
    const answers = got.map((c) => c.answer);
    expect(answers).not.toContain('UDP 모두 가능)');
    expect(answers).not.toContain('여러 레플리카에 트래픽을 분산시키');
    expect(answers).not.toContain('나');
  });

  it('hides a pair of things a sentence states something of (ko), as the subject rule does in English', () => {
    has(
      '쿠버네티스는 서비스와 파드에 대해서 DNS 레코드를 만든다.\n',
      'sentence-cloze',
      '쿠버네티스는 [...]에 대해서 DNS 레코드를 만든다',
      '서비스와 파드',
    );
    // "다음과 같은" compares; it names no pair.
    expect(cards('이는 다음과 같은 문제를 발생시킨다.\n').map((c) => c.answer)).not.toContain('다음과 같');
    has(
      'Services and Pods are given DNS records.\n',
      'sentence-cloze',
      '[...] are given DNS records',
      'Services and Pods',
    );
  });

  it("takes a name of several capitalised words as one term (ko), and drops a heading's leading emoji (en)", () => {
    has(
      '- Ingress Controller와 Gateway API 실습\n',
      'sentence-cloze',
      'Ingress Controller와 [...] 실습',
      'Gateway API',
    );
    // A heading that asks what a term is asks the term (heading-definition.test.ts).
    has(
      '## 📌 What is a NetworkPolicy?\n\nA firewall for pod-to-pod traffic.\n',
      'heading-definition',
      'NetworkPolicy',
      'A firewall for pod-to-pod traffic.',
    );
    has(
      '## 📌 Why do Services need selectors?\n\nA Service finds its Pods by their labels.\n',
      'question-heading',
      'Why do Services need selectors?',
      'A Service finds its Pods by their labels.',
    );
  });

  it('reads a topic particle written apart from its noun, and never a term cut inside an aside (ko, en)', () => {
    const ko = '파드 DNS 는 IP의 점을 대시로 바꾼다 (예: `10-244-1-5.default.pod.cluster.local`).\n';
    has(
      ko,
      'sentence-cloze',
      '파드 DNS 는 [...]',
      'IP의 점을 대시로 바꾼다 (예: `10-244-1-5.default.pod.cluster.local`)',
    );
    expect(cards(ko).filter((c) => c.rule === 'term-definition')).toEqual([]);
    const en = 'Pod DNS names swap the dots for dashes (e.g.: `10-244-1-5.default.pod`).\n';
    expect(cards(en).filter((c) => c.rule === 'term-definition')).toEqual([]);
  });

  it('asks a code span that ends the sentence, the most specific facts first in a paragraph (en, ko)', () => {
    const en =
      'A Service `web` in namespace `shop` resolves as `web.shop.svc.cluster.local`.\nHeadless Services return the Pod IPs.\n';
    has(
      en,
      'auto-cloze',
      'A Service `web` in namespace `shop` resolves as [...].',
      'web.shop.svc.cluster.local',
    );
    // Two sentences on one line: each is asked alone too, its most specific facts first.
    has(
      'A Service `web` in `shop` resolves as `web.shop.svc.cluster.local`. Its Pods answer as `10-1-2-3.shop.pod`.\n',
      'sentence-cloze',
      'A Service `web` in `shop` resolves as [...].',
      'web.shop.svc.cluster.local',
    );
    has(
      '서비스 FQDN 형식은 `web.shop.svc.cluster.local`.\n',
      'auto-cloze',
      '서비스 FQDN 형식은 [...].',
      'web.shop.svc.cluster.local',
    );
    // A span glued to a word is still part of that word.
    expect(cards('web-service`.apps` 처럼 쓴다.\n').map((c) => c.answer)).not.toContain('.apps');
  });

  it('reads "defaults to" as a copula and "has" as a verb (en)', () => {
    has(
      'targetPort defaults to the value of port.\n',
      'sentence-cloze',
      'targetPort defaults to [...]',
      'the value of port',
    );
    has(
      'A Service without a selector has no Endpoints.\n',
      'sentence-cloze',
      'A Service without a selector has [...]',
      'no Endpoints',
    );
  });

  it('hides the manner a Korean sentence states', () => {
    has(
      '클라우드에서는 쿠버네티스가 자동으로 로드밸런서를 만든다.\n',
      'sentence-cloze',
      '클라우드에서는 쿠버네티스가 [...]',
      '자동으로 로드밸런서를 만든다',
    );
  });

  it('makes a list card from an enumeration inside a sentence (ko)', () => {
    const c = cards('이 문제에는 Deployment, Service, ConfigMap, rolebinding이 필요함\n').find(
      (x) => x.rule === 'enumeration',
    );
    expect(c?.answer).toBe('- Deployment\n- Service\n- ConfigMap\n- rolebinding');
  });

  it('never hides a list number, part of a token, or anything inside an image or link', () => {
    const t = [
      '1. kubectl apply 로 적용한다',
      '![diagram 2022-05-01 v2](img/a-2.png) 그림',
      'See https://kubernetes.io/docs/concepts for 10 more.',
      '[Setup](#setup-60) | [Context](#ctx-2)',
    ].join('\n\n');
    for (const c of cards(t).filter((x) => x.kind === 'cloze')) {
      expect(c.prompt).not.toMatch(/!\[[^\]]*\[\.\.\.\]|\[\.\.\.\][^\]]*\]\(|https:\/\/\[|\[\.\.\.\]-/);
      expect(c.answer).not.toMatch(/^\d$/);
    }
  });
});

describe('titles, questions and HTML', () => {
  it('answers a bold line or `Term:` line with the paragraph under it (en, ko)', () => {
    has(
      '**Use Cases**\n\nCollect metrics from one port only.\n',
      'heading-answer',
      'Use Cases',
      'Collect metrics from one port only.',
    );
    // A title line that names a term over one statement is that term's definition (select/focus-answer.ts).
    has(
      'ClusterIP:\n클러스터 내부에서만 접근 가능\n',
      'term-definition',
      'ClusterIP',
      '클러스터 내부에서만 접근 가능',
    );
  });

  it('never answers a question heading with a lead-in line that only introduces a list (en)', () => {
    const t =
      '## Reaching a pod from outside?\n\nTwo options: (the second is better)\n\n- a NodePort Service\n- an Ingress\n';
    const cards = candidateCards('note.md', t);
    expect(
      cards.some((c) => c.prompt.startsWith('Reaching a pod') && c.answer.startsWith('Two options')),
    ).toBe(false);
  });

  it('answers a question heading with its paragraph', () => {
    has(
      '## NodePort 범위는?\n\n30000-32767 사이에서 고른다.\n',
      'question-heading',
      'NodePort 범위는?',
      '30000-32767 사이에서 고른다.',
    );
  });

  it('turns <details><summary> into a question and answer, asking the heading when the summary says only "show"', () => {
    const t =
      '### Get the endpoints\n\n<details><summary>show</summary>\n<p>\n\n```bash\nkubectl get ep\n```\n\n</p>\n</details>\n';
    has(t, 'details', 'Get the endpoints', '```bash\nkubectl get ep\n```');
    has(
      '<details><summary>CNI 설정 위치는?</summary>\n/etc/cni/net.d\n</details>\n',
      'details',
      'CNI 설정 위치는?',
      '/etc/cni/net.d',
    );
  });

  it('reads HTML tags for text and Obsidian links as their text; embeds are ignored', () => {
    const t =
      'NodePort: <b>모든 노드</b>의 포트<br/>\n\n[[Service|서비스]] 타입: ClusterIP ![[diagram.png]]\n';
    has(t, 'term-definition', 'NodePort', '**모든 노드**의 포트');
    has(t, 'term-definition', '서비스 타입', 'ClusterIP');
  });

  it('reads an Obsidian callout title as a title, not a card of its own', () => {
    const cs = cards('> [!tip] CKA 시험\n> NodePort 범위: 30000-32767\n');
    expect(cs.map((c) => [c.prompt, c.answer])).toContainEqual(['NodePort 범위', '30000-32767']);
    expect(cs.some((c) => c.prompt.includes('[!tip]'))).toBe(false);
  });
});

describe('manifests anywhere', () => {
  it('reads a manifest in a block mislabelled bash as one manifest card, with its apiVersion asked', () => {
    const t =
      'Create it:\n```bash\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n  - host: a.example.com\n```\n';
    const cs = cards(t);
    expect(cs.filter((c) => c.kind === 'manifest')).toHaveLength(1);
    has(t, 'manifest-apiversion', 'apiVersion of kind: Ingress', 'networking.k8s.io/v1');
    expect(cs.some((c) => c.rule === 'term-definition')).toBe(false);
  });
});

describe("a kind's apiVersion", () => {
  const note = (lang: 'ko' | 'en') =>
    `${lang === 'ko' ? '# 서비스\n\n첫 번째:' : '# Services\n\nFirst:'}\n\n\`\`\`yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n\`\`\`\n\n\`\`\`yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  ports:\n  - port: 8080\n\`\`\`\n`;

  it("is asked once per kind, without one example's object name, keeping the key a stored card has (ko, en)", () => {
    for (const [lang, prompt, stored] of [
      ['ko', 'kind: Service 의 apiVersion', 'kind: Service (web) 의 apiVersion'],
      ['en', 'apiVersion of kind: Service', 'apiVersion of kind: Service (web)'],
    ] as const) {
      const asked = candidateCards('note.md', note(lang)).filter((c) => c.rule === 'manifest-apiversion');
      expect(asked.map((c) => [c.prompt, c.answer])).toEqual([[prompt, 'v1']]);
      // The card a learner studied under the old prompt is the same card: its key is made from that prompt.
      expect(cardKey(asked[0]!)).toBe(contentKey('basic', stored, 'v1'));
    }
  });
});

describe('questions in lists, acronyms, annotated output', () => {
  it('answers a question item with its sub-list or its ⇒ line (ko)', () => {
    has(
      '- A와 B가 통신이 가능할까?\n    - 불가능하다.\n',
      'question-heading',
      'A와 B가 통신이 가능할까?',
      '불가능하다.',
    );
    has(
      '- 경로를 모르는 IP와 통신하려면 어떻게 설정?\n\n    ⇒ **디폴트 게이트웨이**\n',
      'question-heading',
      '경로를 모르는 IP와 통신하려면 어떻게 설정?',
      '**디폴트 게이트웨이**',
    );
  });

  it('asks an acronym and its words both ways, in prose and in comments (en, ko)', () => {
    has(
      '중개자 역할을 하는 CNI(Container Network Interface)가 스크립트를 준다\n',
      'abbreviation',
      'CNI',
      'Container Network Interface',
    );
    has(
      '```bash\n# ARP (Address Resolution Protocol)\narp -n\n```\n',
      'abbreviation',
      'Address Resolution Protocol',
      'ARP',
    );
  });

  it('reads hand-annotated lines of printed output as definitions', () => {
    const t = '```bash\n$ cat /etc/cni/net.d/10-bridge.conf\nipMasq: NAT 규칙을 추가할지 여부\n```\n';
    has(t, 'term-definition', 'ipMasq', 'NAT 규칙을 추가할지 여부');
  });

  it('keeps the sentence rules and reversed definitions quiet in a note written as flashcards', () => {
    const explicit = Array.from({ length: 10 }, (_, i) => `포트 ${i} :: ${30000 + i}`).join('\n');
    const t = `${explicit}\n\n쿠버네티스의 파드는 언제든 사라지는 비영구적 리소스이다.\n\nClusterIP: 클러스터 내부 가상 IP\n`;
    const rules = new Set(cards(t).map((c) => c.rule));
    expect(rules.has('sentence-cloze')).toBe(false);
    expect(rules.has('definition-reverse')).toBe(false);
    expect(rules.has('term-definition')).toBe(true);
  });
});

describe('technical terms and facts in definitions', () => {
  it('hides the English term of a Korean sentence, a flag or CamelCase name first', () => {
    has(
      '이 문제는 RequestRedirect 필터로 HTTPS로 보내야 한다.\n',
      'sentence-cloze',
      '이 문제는 [...] 필터로 HTTPS로 보내야 한다',
      'RequestRedirect',
    );
    has(
      '서비스 대역은 --service-cluster-ip-range 옵션으로 정한다.\n',
      'sentence-cloze',
      '서비스 대역은 [...] 옵션으로 정한다',
      '--service-cluster-ip-range',
    );
  });

  it('asks a definition whose term holds the fact both ways', () => {
    const t = '30000-32767 포트 범위: 외부 서비스에 사용\n';
    has(t, 'term-definition', '30000-32767 포트 범위', '외부 서비스에 사용');
    has(t, 'definition-reverse', '외부 서비스에 사용', '30000-32767 포트 범위');
  });

  it('reads `**Term:** definition`, the colon inside the bold (ko, en)', () => {
    has(
      '* **로드 밸런싱:** 트래픽을 골고루 분산한다\n',
      'term-definition',
      '로드 밸런싱',
      '트래픽을 골고루 분산한다',
    );
    has(
      '- **`iptables` mode:** the default proxy mode\n',
      'term-definition',
      '`iptables` mode',
      'the default proxy mode',
    );
  });

  it('asks a bare command line both ways: what it does → the command (en, ko)', () => {
    has(
      '- kubectl describe ep web   -> see endpoints\n',
      'definition-reverse',
      'see endpoints',
      'kubectl describe ep web',
    );
    has(
      '- ip route show → 라우팅 테이블 확인\n',
      'definition-reverse',
      '라우팅 테이블 확인',
      'ip route show',
    );
  });

  it('reads `> cmd : meaning` quoted lines as definitions', () => {
    has('> ip addr : 모든 인터페이스의 IP 확인\n', 'term-definition', 'ip addr', '모든 인터페이스의 IP 확인');
  });
});

describe('manifest fields asked in place', () => {
  it('hides an enum, a number or a small block of a manifest, never names or metadata (en)', () => {
    const t = [
      'Ingress for the shop:',
      '',
      '```yaml',
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata:',
      '  name: shop',
      'spec:',
      '  ingressClassName: nginx',
      '  rules:',
      '  - http:',
      '      paths:',
      '      - path: /cart',
      '        pathType: Prefix',
      '        backend:',
      '          service:',
      '            name: cart',
      '            port:',
      '              number: 8080',
      '```',
      '',
    ].join('\n');
    const fields = cards(t).filter((c) => c.rule === 'manifest-field');
    const asked = fields.map((c) => c.answer);
    expect(asked).toContain('Prefix');
    expect(asked).toContain('/cart');
    expect(asked).toContain('name: cart\nport:\n  number: 8080');
    expect(fields.find((c) => c.answer === 'Prefix')!.prompt).toContain('pathType: [...]');
    // Names are the writer's choice: the Ingress, the class and the Service name are never asked alone.
    for (const free of ['shop', 'nginx', 'cart']) expect(asked).not.toContain(free);
    for (const c of fields) expect(c.kind).toBe('cloze');
  });

  it('asks a list of enum values as one block (policyTypes), and a small rule block whole (en)', () => {
    const t = [
      '```yaml',
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata:',
      '  name: db',
      'spec:',
      '  podSelector:',
      '    matchLabels:',
      '      role: db',
      '  policyTypes:',
      '  - Ingress',
      '  - Egress',
      '  ingress:',
      '  - ports:',
      '    - protocol: TCP',
      '      port: 6379',
      '```',
      '',
    ].join('\n');
    const asked = cards(t)
      .filter((c) => c.rule === 'manifest-field')
      .map((c) => c.answer);
    expect(asked).toContain('- Ingress\n- Egress');
    // The small `ingress:` block is asked whole, its ports with it.
    expect(asked).toContain('- ports:\n  - protocol: TCP\n    port: 6379');
    // Labels are the writer's choice.
    expect(asked.join('\n')).not.toContain('role: db');
  });

  it('asks the top-level fields of a config kind, and drops a comment that would give the value away (ko)', () => {
    const t =
      '성능이 좋은 ipvs 모드 설정 예시\n\n```yaml\napiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: "ipvs" # 기본값은 iptables, 대규모에선 ipvs\nipvs:\n  scheduler: "rr"\n```\n';
    const fields = cards(t).filter((c) => c.rule === 'manifest-field');
    expect(fields.map((c) => c.answer)).toEqual(['ipvs', 'rr']);
    expect(fields[0]!.prompt).toContain('\nmode: [...]\n');
    expect(fields[0]!.prompt).not.toContain('대규모에선 ipvs');
  });

  it('asks the lines under a key as one blank, also in a Korean note with tab indentation', () => {
    const t =
      '포트 설정 예시\n\n```yaml\napiVersion: v1\nkind: Service\nmetadata:\n\tname: web\nspec:\n\ttype: NodePort\n\tports:\n\t\t- port: 80\n\t\t  nodePort: 30080\n```\n';
    const fields = cards(t).filter((c) => c.rule === 'manifest-field');
    expect(fields.map((c) => c.answer)).toEqual(['NodePort', '- port: 80\n  nodePort: 30080']);
    expect(fields[0]!.prompt).toContain('\ttype: [...]\n\tports:');
    expect(fields[1]!.prompt.endsWith('\tports:\n\t\t[...]')).toBe(true);
  });
});

describe('manifests indented under text', () => {
  it('reads a manifest indented under a list item or `ex)` as one manifest card, never as definitions', () => {
    for (const t of [
      '- Service 예시\n  apiVersion: v1\n  kind: Service\n  metadata:\n    name: web\n  spec:\n    type: NodePort\n',
      'ex)\n    apiVersion: v1\n    kind: Pod\n    metadata:\n      name: web\n    spec:\n      containers:\n      - name: a\n        image: nginx\n',
    ]) {
      const cs = cards(t);
      expect(cs.map((c) => c.rule).filter((r) => r !== 'manifest-field')).toEqual([
        'manifest',
        'manifest-apiversion',
      ]);
      expect(cs[0]!.answer.startsWith('apiVersion: v1\nkind: ')).toBe(true);
      expect(cs[0]!.prompt).not.toMatch(/^ex\)/);
    }
  });

  it('reads a manifest between --- lines without taking --- for its intro', () => {
    const cs = cards('설명 줄\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n---\n다음 줄\n');
    expect(cs.find((c) => c.kind === 'manifest')?.prompt).toBe('매니페스트 작성: Pod p');
  });
});

describe('Q: and A: pairs', () => {
  it('reads Q:/A: on consecutive lines and across paragraphs (en, ko)', () => {
    has(
      'Q: Which port does etcd serve clients on?\nA: 2379\n',
      'question-answer',
      'Which port does etcd serve clients on?',
      '2379',
    );
    has('Q. 기본 서비스 타입은?\n\nA. ClusterIP\n', 'question-answer', '기본 서비스 타입은?', 'ClusterIP');
    expect(cards('Q: Which port?\nA: 6443\n').some((c) => c.prompt === 'Q' || c.prompt === 'A')).toBe(false);
  });
});

describe('facts in paragraphs of several sentences', () => {
  it('asks a fact within its own sentence, so the answer is not shown by the next sentence (ko)', () => {
    const t =
      '모든 서비스는 `svc` 서브도메인에 묶인다. 마지막으로 모두 `cluster.local` 루트 도메인에 묶인다. 예: `web.apps.svc.cluster.local`\n';
    has(t, 'sentence-cloze', '마지막으로 모두 [...] 루트 도메인에 묶인다.', 'cluster.local');
  });
});
