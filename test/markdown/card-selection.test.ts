import { describe, expect, it } from 'vitest';
import { candidateCards, parseNote, scoreNote } from '../../content/markdown/parse-note.ts';
import { overTheLine } from '../support/over-the-line.ts';

// The selection step (content/markdown/select) decides which of the rules' candidates become cards. Each case
// shows the candidate exists (so the test can fail) and that it is not made a card; notes are our own words.
type Pair = [prompt: string, answer: string];
const pairs = (cs: { prompt: string; answer: string }[]): Pair[] => cs.map((c) => [c.prompt, c.answer]);
const proposed = (text: string) => pairs(candidateCards('note.md', text));
// Made: at or over the standard line, whether or not the junk cap then offers the card as a suggestion instead.
const made = overTheLine;

/** The candidate is proposed, but is neither a card nor (when `offered` is false) a suggestion. */
function expectRefused(text: string, match: (p: Pair) => boolean, offered?: boolean) {
  expect(proposed(text).some(match)).toBe(true);
  expect(made(text).some(match)).toBe(false);
  if (offered !== undefined) expect(pairs(parseNote('note.md', text).suggestions).some(match)).toBe(offered);
}

describe('cards that earn their place are kept', () => {
  it('keeps a term and its definition, a component port and a question answered (en)', () => {
    const text = [
      '# Services',
      '',
      '- `ClusterIP`: a virtual IP reachable only from inside the cluster',
      '- The kube-apiserver listens on port `6443`',
      '',
      'Q: Which field of a Service picks its pods?',
      '',
      'A: `selector`',
      '',
    ].join('\n');
    const cards = made(text);
    // One card of the term and its definition, asked one way or the other.
    const either = (term: string, def: string) =>
      cards.some(([p, a]) => (p.includes(term) && a === def) || (p === def && a.includes(term)));
    expect(either('ClusterIP', 'a virtual IP reachable only from inside the cluster')).toBe(true);
    expect(cards.some(([, a]) => a === '6443')).toBe(true);
    expect(cards).toContainEqual(['Which field of a Service picks its pods?', '`selector`']);
  });

  it('keeps the same kinds of cards in a Korean note (ko)', () => {
    const text = [
      '# 서비스',
      '',
      '- `NodePort`: 모든 노드의 같은 포트로 서비스를 바깥에 여는 타입',
      '- kube-apiserver 는 `6443` 포트를 쓴다',
      '',
    ].join('\n');
    const cards = made(text);
    const def = '모든 노드의 같은 포트로 서비스를 바깥에 여는 타입';
    expect(
      cards.some(([p, a]) => (p.includes('NodePort') && a === def) || (p === def && a.includes('NodePort'))),
    ).toBe(true);
    expect(cards.some(([, a]) => a === '6443')).toBe(true);
  });

  it('keeps a command whose purpose is said in a whole sentence, and a spelled-out abbreviation (en, ko)', () => {
    const en = [
      '# Debugging',
      '',
      '```bash',
      '# Start a busybox pod in the foreground that is not restarted when it exits',
      'kubectl run -i -t busybox --image=busybox --restart=Never',
      '```',
      '',
      'The CNCF (Cloud Native Computing Foundation) hosts the project.',
      '',
    ].join('\n');
    expect(made(en).some(([, a]) => a.startsWith('kubectl run -i -t busybox'))).toBe(true);
    expect(made(en)).toContainEqual(['CNCF', 'Cloud Native Computing Foundation']);
    const ko = [
      '# 라우팅',
      '',
      '```bash',
      '# 10.0.2.0 대역으로 가는 요청은 10.0.1.1 으로 보낸다.',
      'ip route add 10.0.2.0/24 via 10.0.1.1',
      '```',
      '',
    ].join('\n');
    expect(made(ko).some(([, a]) => a === 'ip route add 10.0.2.0/24 via 10.0.1.1')).toBe(true);
  });

  it('keeps the default a line states for a setting it names, however short the line (ko, en)', () => {
    const ko = [
      '# CoreDNS',
      '',
      '## ndots',
      '',
      '기본 ndots 값은 5이다. 점이 5개보다 적은 이름은 search 도메인을 먼저 붙여서 조회한다.',
      '',
    ].join('\n');
    expect(made(ko)).toContainEqual(['기본 ndots 값은 [...]이다.', '5']);
    const en = [
      '# Services',
      '',
      '## Session affinity',
      '',
      '`sessionAffinity: ClientIP` keeps each client on one pod. The default timeout is 10800 seconds.',
      '',
    ].join('\n');
    expect(made(en)).toContainEqual(['The default timeout is [...] seconds.', '10800']);
    // "The default is iptables." names no setting: judges could not tell what it asked, whatever the heading.
    const unnamed = ['# kube-proxy', '', '## Proxy modes', '', 'The default is iptables.', ''].join('\n');
    expect(proposed(unnamed)).toContainEqual(['The default is [...]', 'iptables']);
    expect(made(unnamed).some(([, a]) => a === 'iptables')).toBe(false);
    // The same number said of one exercise is the exercise's choice, not a default: no card asks it.
    const exercise = '# 실습\n\n이번 실습의 ndots 값은 5이다.\n';
    expect(proposed(exercise).some(([, a]) => a === '5')).toBe(true);
    expect(made(exercise).some(([, a]) => a === '5')).toBe(false);
  });

  it('knows iptables names as written: tables, chains and targets are terms (ko, en)', () => {
    const ko = [
      '# kube-proxy iptables 모드',
      '',
      '- Filter: 기본 테이블, 패킷 필터링을 담당',
      '- Mangle: 패킷 헤더 수정을 담당',
      '- INPUT: 로컬 시스템으로 들어오는 패킷 처리',
      '',
    ].join('\n');
    const cards = made(ko);
    expect(cards).toContainEqual(['Filter', '기본 테이블, 패킷 필터링을 담당']);
    expect(cards).toContainEqual(['Mangle', '패킷 헤더 수정을 담당']);
    expect(cards).toContainEqual(['INPUT', '로컬 시스템으로 들어오는 패킷 처리']);
    const en = '# iptables targets\n\n- RETURN: stop this chain and go back to the chain that called it\n';
    expect(made(en)).toContainEqual(['RETURN', 'stop this chain and go back to the chain that called it']);
  });

  it('keeps a value Kubernetes itself gives the subject on show: a component port, the NodePort range (en, ko)', () => {
    const en = [
      '## Ports to open',
      '',
      '| Component | Port |',
      '| --- | --- |',
      '| API-Server | 6443 |',
      '| Kubelet | 10250 |',
      '| Services | 30000-32767 |',
      '',
    ].join('\n');
    const cards = made(en);
    expect(cards).toContainEqual(['API-Server', '6443']);
    expect(cards).toContainEqual(['Kubelet', '10250']);
    // "Services" does not say which range of theirs is meant.
    expect(cards.some(([, a]) => a === '30000-32767')).toBe(false);
    const ko = ['## 노드포트', '', '- 기본 NodePort 범위: 30000-32767', '- etcd 클라이언트: 2379', ''].join(
      '\n',
    );
    expect(made(ko)).toEqual(
      expect.arrayContaining([
        ['기본 NodePort 범위', '30000-32767'],
        ['etcd 클라이언트', '2379'],
      ]),
    );
  });

  it('keeps a name of the API asked for what it means: a camelCase field, a Service type, a table row (en, ko)', () => {
    // Two definitions far apart: neither stands in a glossary of its neighbours.
    const en = [
      '# Ports',
      '',
      'targetPort: Where the Service directs traffic on the Pods',
      '',
      'Some words about why ports get confusing in a first Service, and how to read them.',
      '',
      'More words about how the rest of this note goes on, so the two lines stand apart.',
      '',
      'ExternalName: maps the Service to a DNS name by a CNAME record',
      '',
    ].join('\n');
    expect(made(en)).toEqual(
      expect.arrayContaining([
        ['targetPort', 'Where the Service directs traffic on the Pods'],
        ['ExternalName', 'maps the Service to a DNS name by a CNAME record'],
      ]),
    );
    const ko = '# 서비스\n\nsessionAffinity 옵션: 클라이언트 IP 별로 전송 Pod를 고정시킴\n';
    expect(made(ko)).toContainEqual(['sessionAffinity 옵션', '클라이언트 IP 별로 전송 Pod를 고정시킴']);
    const table = [
      '# Service types',
      '',
      '| Type | Scope | Use |',
      '| --- | --- | --- |',
      '| ClusterIP | Internal only | between pods |',
      '',
    ];
    expect(made(table.join('\n'))).toContainEqual(['ClusterIP: Scope', 'Internal only']);
  });

  it('reads a term through its emphasis, bold and italic at once: `***ip link*** - …` (en, ko)', () => {
    const en = [
      '### Takeaways',
      '1) ***ip link*** - List/Modifies Interfaces on the Host',
      '2) ***ip addr*** - List what IP Addresses are assigned to what interfaces',
      '',
    ].join('\n');
    const cards = made(en);
    expect(cards).toContainEqual(['List/Modifies Interfaces on the Host', 'ip link']);
    expect(cards.some(([p, a]) => `${p}${a}`.includes('*'))).toBe(false);
    const ko =
      '### 정리\n\n- *__podSelector__*: 같은 네임스페이스의 파드를 고른다\n- *ipBlock*: IP 대역을 고른다\n';
    expect(made(ko)).toContainEqual(['podSelector', '같은 네임스페이스의 파드를 고른다']);
  });

  it('always keeps what the learner wrote as a card, however it scores', () => {
    expect(made('# x\n\nthis :: that\n')).toContainEqual(['this', 'that']);
    expect(made('# x\n\n이것 :: 저것\n')).toContainEqual(['이것', '저것']);
  });
});

describe('never a card', () => {
  it('whose answer is visible in its prompt or heading (en, ko)', () => {
    // The heading already names kube-proxy: hiding it asks nothing.
    const en = '# kube-proxy\n\nkube-proxy is the component that programs iptables rules on every node.\n';
    expectRefused(en, ([p, a]) => p.startsWith('[...]') && /kube-proxy/.test(a));
    const ko = '# kube-proxy\n\nkube-proxy는 모든 노드에서 iptables 규칙을 만드는 컴포넌트이다.\n';
    expectRefused(ko, ([p, a]) => p.startsWith('[...]') && /kube-proxy/.test(a));
  });

  it('whose hidden word is one the sentence gives away: DNS, an IP address (en, ko)', () => {
    const en = '# Names\n\nPods find a Service by its name through `DNS`, not by its address.\n';
    expectRefused(en, ([p, a]) => p.includes('[...]') && a === 'DNS', false);
    const ko = '# 이름\n\n클러스터의 모든 서비스 이름은 DNS 서버에 등록되어 있다.\n';
    expectRefused(ko, ([p, a]) => p.includes('[...] 서버') && a === 'DNS', false);
  });

  it('whose answer is a pronoun phrase or a generic predicate (en, ko)', () => {
    const en = '# Pods\n\nEvery pod gets its own IP address, and this makes port conflicts rare.\n';
    expect(made(en).some(([, a]) => /^this\b/i.test(a))).toBe(false);
    const ko = '# 실행\n\n스크립트는 `./net-script.sh add` 로 실행한다.\n';
    expect(made(ko).some(([, a]) => a === '실행' || a === '실행한다')).toBe(false);
  });

  it('whose blank cuts a phrase: half a word before a Korean particle, the rest of a list (ko, en)', () => {
    const ko = '# 브리지\n\n각각의 파드들은 `bridge`와 연결되며 IP주소를 할당 받는다.\n';
    expect(made(ko).some(([p]) => p.includes('[...]주소'))).toBe(false);
    const en =
      '# Plugins\n\nThe Corefile lists plugins such as `errors`, `health`, `log` and `kubernetes`.\n';
    expect(made(en).some(([p]) => /,\s*\[\.\.\.\]/.test(p))).toBe(false);
  });

  it('whose cloze answer runs past eight words (en, ko), though it stays offered', () => {
    const en =
      '# Ingress\n\nAn Ingress is an API object that manages external HTTP access to the services of a cluster through rules.\n';
    expectRefused(en, ([p, a]) => p.includes('[...]') && a.split(' ').length > 8);
    const ko =
      '# 서비스\n\n쿠버네티스에서 서비스는 파드의 논리적 집합과 그것들에 접근할 수 있는 정책을 정의하는 추상적인 개념이다.\n';
    expectRefused(ko, ([p, a]) => p.includes('[...]') && a.split(' ').length > 8);
  });

  it('from narration, a rhetorical line or an exercise step (en, ko)', () => {
    const en = '# My notes\n\nIn this post I will show how the kube-proxy programs iptables on each node.\n';
    expect(made(en)).toEqual([]);
    const ko = '# 정리\n\n이 글은 강의를 토대로 kube-proxy 에 대해 공부한 내용을 정리하였음을 밝힙니다.\n';
    expect(made(ko)).toEqual([]);
    // A walk-through telling the reader what they should see now.
    const walk =
      '# Set up\n\nYour cluster should be ready now, and the `coredns` Deployment should be up to scale.\n';
    expectRefused(walk, ([p, a]) => p.includes('[...]') && a === 'coredns');
  });

  it('from pasted command output (en, ko)', () => {
    const en = [
      '# Check',
      '',
      '```',
      '$ kubectl get svc web',
      'NAME   TYPE        CLUSTER-IP     PORT(S)',
      'web    ClusterIP   10.96.12.7     80/TCP',
      '```',
      '',
    ].join('\n');
    expect(made(en).some(([, a]) => /CLUSTER-IP|10\.96\.12\.7/.test(a))).toBe(false);
    const ko = en.replace('# Check', '# 확인');
    expect(made(ko).some(([, a]) => /CLUSTER-IP|10\.96\.12\.7/.test(a))).toBe(false);
  });

  it("from a paragraph's lead sentence asking for the rest of it (en, ko)", () => {
    const en =
      '# Why Services\n\nPods come and go all the time. Their IP addresses change whenever they are replaced. A Service gives them one stable name and address.\n';
    expectRefused(en, ([p, a]) => p === 'Pods come and go all the time.' && a.startsWith('Their IP'), false);
    // The Korean rules propose no lead-sentence card; what is made or offered holds one fact, never two sentences.
    const ko =
      '# 서비스가 필요한 이유\n\n파드는 언제든 사라지고 다시 만들어진다. 그때마다 파드의 IP 주소가 바뀐다. 서비스는 파드 묶음에 변하지 않는 이름과 주소를 준다.\n';
    const offered = [...made(ko), ...pairs(parseNote('note.md', ko).suggestions)];
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.some(([, a]) => /[다요]\.\s+\S/.test(a))).toBe(false);
  });

  it('from a heading asking for a whole section of long items (en, ko)', () => {
    const en = [
      '## Troubleshooting',
      '',
      'When a Service does not answer, first check that its selector matches the labels of running pods.',
      '',
      'Then look at the endpoints, and at the network policies that may stand between the client and the pods.',
      '',
    ].join('\n');
    expect(made(en).some(([p]) => p === 'Troubleshooting')).toBe(false);
    const ko = en.replace('## Troubleshooting', '## 문제 해결');
    expect(made(ko).some(([p]) => p === '문제 해결')).toBe(false);
  });

  it('that asks an example value: a name or port chosen for one example (en, ko)', () => {
    const en = '# Example\n\nExpose the pod as a Service, map 8000 to 8001 and map 5000 to 5001.\n';
    expect(made(en).some(([, a]) => /^(?:8000|8001|5000|5001)$/.test(a))).toBe(false);
    const ko = '# 예제\n\n`web-pod` 파드를 서비스로 노출하고 8000 을 8001 로 연결한다.\n';
    expect(made(ko).some(([, a]) => /^(?:8000|8001|web-pod)$/.test(a))).toBe(false);
  });

  it('that teaches a port in the role of another: etcd clients on the peer port (en, ko)', () => {
    const en = '## Ports\n\n- etcd clients: 2380\n- etcd peers: 2380\n';
    expectRefused(en, ([p, a]) => p === 'etcd clients' && a === '2380');
    expect(made(en)).toContainEqual(['etcd peers', '2380']);
    const ko = '## 포트\n\n- etcd 클라이언트: 2380\n';
    expectRefused(ko, ([p, a]) => p === 'etcd 클라이언트' && a === '2380');
  });

  it('whose definition is one example of the term: "Say a …", "예를 들어 …" (en, ko)', () => {
    const en = '# Tiers\n\n* *Logic Tier*: Say a Flask application providing an API\n';
    expectRefused(en, ([p]) => p === 'Logic Tier');
    const ko = '# 티어\n\n- **로직 티어**: 예를 들어 API를 제공하는 Flask 애플리케이션\n';
    expectRefused(ko, ([p]) => p === '로직 티어');
  });

  it('that asks for examples of a kind, any of which would do (en)', () => {
    const en = '# CNI plugins\n\nOther good choices include Calico, Flannel, Cilium.\n';
    expectRefused(en, ([p, a]) => p.includes('include [...]') && a.includes('Calico'));
  });

  it('from ordinary words labelling a step, though a plain-worded term defined as a thing stays (en)', () => {
    const en = [
      '# Overlay walk-through',
      '',
      '- SENDING: the agent on node A wraps the packet with the node addresses',
      '- RECEIVING: the agent on node B unwraps it and hands it to the pod',
      '- Stub domain: a domain whose queries CoreDNS forwards to a chosen DNS server',
      '- Recall: A Service is reachable from every Pod, whatever node it runs on',
      '- A record type: DNS 이름에 IP 주소를 매핑하는 레코드',
      '',
    ].join('\n');
    expectRefused(en, ([p]) => p === 'Recall');
    expectRefused(en, ([p]) => p === 'SENDING', true);
    expectRefused(en, ([p]) => p === 'RECEIVING', true);
    expect(made(en).some(([p]) => p === 'Stub domain')).toBe(true);
    // A letter names a thing too.
    expect(made(en).some(([p]) => p === 'A record type')).toBe(true);
  });

  it('whose prompt spells its whole command out, short names and all (en, ko)', () => {
    const en =
      '# Checks\n\n```bash\n# Nodes ready?\nk get nodes\n# Create a namespace called web\nkubectl create ns web\n# Pods of the control plane\nk get pods -n kube-system\n```\n';
    expectRefused(en, ([, a]) => a === 'k get nodes');
    expectRefused(en, ([, a]) => a === 'kubectl create ns web');
    // A flag the prompt does not give is worth asking.
    expect(made(en).some(([, a]) => a === 'k get pods -n kube-system')).toBe(true);
    const ko = '# 확인\n\n```bash\n# web 네임스페이스 생성\nkubectl create ns web\n```\n';
    expectRefused(ko, ([, a]) => a === 'kubectl create ns web');
  });

  it('that asks a term back from a tip filed under it (en, ko)', () => {
    const en =
      '# kubectl explain\n\n- RBAC: `k explain rolebinding.roleRef` — forget which field is required?\n';
    expectRefused(en, ([p, a]) => p.startsWith('`k explain') && a === 'RBAC');
    const ko = '# 팁\n\n- DNS: `k exec -it dnsutils -- nslookup kubernetes` 로 먼저 확인\n';
    expectRefused(ko, ([p, a]) => p.startsWith('`k exec') && a === 'DNS');
  });

  it('whose comment only points at the command below (en, ko)', () => {
    const en =
      '# CNI\n\n```bash\n// Executed in the plugin directory like this:\n./bridge add <container> <netns>\n```\n';
    expectRefused(en, ([p, a]) => p.includes('like this') && a.startsWith('./bridge'));
    const ko = '# CNI\n\n```bash\n# 다음과 같이 실행:\n./bridge add <container> <netns>\n```\n';
    expectRefused(ko, ([p, a]) => p.includes('다음과 같이') && a.startsWith('./bridge'));
  });

  it('whose command the writer left unfinished with "..." (en, ko)', () => {
    const en = '# Pod networking\n\n```bash\n# Create the veth pair\nip link add ...\n```\n';
    expectRefused(en, ([p, a]) => p.includes('veth pair') && a === 'ip link add ...');
    const ko = '# 파드 네트워킹\n\n```bash\n# 인터페이스 올리기\nip -n <namespace> link set …\n```\n';
    expectRefused(ko, ([p, a]) => p.includes('인터페이스') && a.startsWith('ip -n'));
  });

  it('from a line that only labels a command, or a statement over a block (en, ko)', () => {
    const en = "# Setup\n\nThe cluster isn't ready yet.\n\n```\nkubectl get nodes\n```\n";
    expectRefused(en, ([p]) => p.startsWith("The cluster isn't ready"));
    const ko = '# 확인\n\n```\n# 리눅스에서:\ncurl -sfL https://get.k3s.io | sh -\n```\n';
    expect(made(ko).some(([, a]) => a.startsWith('curl'))).toBe(false);
  });
});

describe('never a card, from a piece of a sentence', () => {
  it('from a comment that goes on from the line before it (en, ko)', () => {
    const en =
      '# Kubelet\n\n```bash\n# If the node stays NotReady after this\nsystemctl restart kubelet\n```\n';
    expectRefused(en, ([p, a]) => p.includes('NotReady') && a === 'systemctl restart kubelet');
    const ko = '# kubelet\n\n```bash\n# 그리고 로그도 확인해 본다\njournalctl -u kubelet\n```\n';
    expectRefused(ko, ([p, a]) => p.includes('로그') && a === 'journalctl -u kubelet');
  });

  it('from a label that opens a sentence its "definition" finishes (en)', () => {
    const text = [
      '# Weave',
      '',
      '- Each Node: must have an interface connected to the network',
      '- Single Pod: can be attached to multiple bridge networks',
      '- Only applicable with Service type: NodePort or LoadBalancer',
      '',
    ].join('\n');
    expectRefused(text, ([p]) => p === 'Each Node');
    expectRefused(text, ([p]) => p === 'Single Pod');
    expectRefused(text, ([p]) => p === 'Only applicable with Service type');
  });

  it('from a term whose Korean "definition" only says what can be or is there (ko)', () => {
    const text = [
      '# 서비스 타입',
      '',
      '- LoadBalancer: Public 클라우드(AWS, Azure, GCP 등)에서 운영 가능',
      '- Linux Bridge: 네트워크 네임스페이스마다 라우팅 테이블과 ARP 테이블이 존재',
      '- ClusterIP: 클러스터 안에서만 닿는 서비스의 가상 IP',
      '',
    ].join('\n');
    expectRefused(text, ([p]) => p === 'LoadBalancer');
    expectRefused(text, ([p]) => p === 'Linux Bridge');
    // A definition that ends on what the term is stays a card.
    expect(made(text)).toContainEqual(['ClusterIP', '클러스터 안에서만 닿는 서비스의 가상 IP']);
  });

  it('with the gap as the object of a verb that says nothing of it (ko, en)', () => {
    const ko = '# 네트워킹\n\n클러스터 네트워킹은 서로 다른 파드 간의 통신을 제공한다.\n';
    expectRefused(ko, ([p, a]) => p.includes('[...]을 제공한다') && a === '파드 간의 통신');
    // Not even offered: "provides" says nothing of what is provided.
    const en = '# Services\n\nA headless Service still provides DNS records.\n';
    expectRefused(en, ([p, a]) => p.endsWith('provides [...]') && a === 'DNS records', false);
  });

  it('from a label that is a time qualifier, either way round (en)', () => {
    const en = '# CoreDNS\n\n- Pre k8s@1.12: ***kube-dns***\n- Post k8s@1.12: ***CoreDNS***\n';
    expectRefused(en, ([p, a]) => p.startsWith('Pre k8s') || a.startsWith('Pre k8s'));
    expectRefused(en, ([p, a]) => p.startsWith('Post k8s') || a.startsWith('Post k8s'));
  });

  it('from a list whose items pair cases with answers: each pair is its own card (ko, en)', () => {
    const ko = [
      '## Ingress Controller 종류',
      '',
      '- **로컬 클러스터** → **NGINX Ingress Controller**',
      '- **AWS EKS** → **AWS Load Balancer Controller**',
      '',
    ].join('\n');
    expectRefused(ko, ([p, a]) => p === 'Ingress Controller 종류' && a.includes('NGINX'));
    expect(
      made(ko).some(([p, a]) => p.includes('AWS EKS') && a.includes('AWS Load Balancer Controller')),
    ).toBe(true);
    const en = '## Which controller\n\n- Bare metal: MetalLB\n- EKS: AWS Load Balancer Controller\n';
    expectRefused(en, ([p, a]) => p === 'Which controller' && a.includes('MetalLB'));
  });

  it('from a list of pairs written "head : value", and reads a list of long unbroken items at once (en)', () => {
    const spaced = '## Which controller\n\n- Bare metal : MetalLB\n- EKS : AWS Load Balancer Controller\n';
    expectRefused(spaced, ([p, a]) => p === 'Which controller' && a.includes('MetalLB'));
    // An item of one long word (a digest, a path) is no pair. Splitting it into up to five "words" every possible
    // way took seconds for 200 characters, and the import of such a note froze; it is read once now.
    const digest = (c: string) => `sha256${c.repeat(200)}`;
    const long = `## Image digests\n\n- ${digest('a')}\n- ${digest('b')}\n- ${digest('c')}\n`;
    expect(proposed(long).some(([p]) => p === 'Image digests')).toBe(true);
    const started = performance.now();
    parseNote('note.md', long);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('never a card, from terse or telling lines', () => {
  it('with a gap in a bullet-style line that stops on a verbal noun (ko)', () => {
    const ko =
      '# 서비스\n\n- 서비스는 파드를 골라 부하를 나눈다\n- selector의 app 레이블로 파드를 골라서 로드밸런싱 수행\n';
    expectRefused(ko, ([p, a]) => p.includes('로드밸런싱 수행') && a === 'selector');
  });

  it('from a list under a statement rather than a title (ko, en)', () => {
    const ko =
      '# 파드\n\n파드는 언제든 다시 만들어지기에 직접 접속하기에는 부적절함\n\n- IP의 잦은 변동\n- 부하 분산 필요\n';
    expectRefused(ko, ([p]) => p.startsWith('파드는 언제든'));
    const en =
      '# Pods\n\nPods come and go, so reaching them directly is a bad idea.\n\n- changing IPs\n- no load balancing\n';
    expectRefused(en, ([p]) => p.startsWith('Pods come and go'));
  });

  it('asking one value of a field marked as its default (ko)', () => {
    const ko =
      '# 트래픽 정책\n\n- spec.externalTrafficPolicy: Local\n- spec.externalTrafficPolicy: Cluster(Default)\n';
    expectRefused(ko, ([p, a]) => p.includes('externalTrafficPolicy') && a.startsWith('Cluster'));
  });
});

describe('one card per fact, under a density line', () => {
  it('keeps at most one card of the candidates of one line', () => {
    const text = '# DNS\n\n- `CoreDNS`: the cluster DNS server, reached through the Service `kube-dns`\n';
    const byLine = new Map<number, number>();
    for (const c of parseNote('n.md', text).cards) byLine.set(c.line, (byLine.get(c.line) ?? 0) + 1);
    expect([...byLine.values()].every((n) => n === 1)).toBe(true);
    expect(candidateCards('n.md', text).length).toBeGreaterThan(1);
  });

  it('makes fewer cards at "fewer" and more at "more", and never a suggestion that is also a card', () => {
    const text = [
      '# Networking',
      '',
      '- `ClusterIP`: a virtual IP reachable only from inside the cluster',
      '- NodePort: opens the same port on every node',
      '- kube-proxy는 기본적으로 iptables 모드로 동작한다.',
      '- The NodePort range is `30000-32767`.',
      '',
    ].join('\n');
    const n = (density: 'fewer' | 'standard' | 'more') => parseNote('n.md', text, { density }).cards.length;
    expect(n('fewer')).toBeLessThanOrEqual(n('standard'));
    expect(n('standard')).toBeLessThanOrEqual(n('more'));
    const note = parseNote('n.md', text);
    const cards = new Set(note.cards.map((c) => `${c.prompt}\u0000${c.answer}`));
    expect(note.suggestions.some((s) => cards.has(`${s.prompt}\u0000${s.answer}`))).toBe(false);
  });

  it('explains every candidate: its rule prior, the features that held, the verdict', () => {
    const scored = scoreNote('n.md', '# x\n\nIn this post I will show the port 6443 of kube-apiserver.\n');
    expect(scored.length).toBeGreaterThan(0);
    for (const s of scored) {
      expect(s.features[0]!.name).toMatch(/^rule:/);
      const sum = s.features.reduce((t, f) => t + f.weight, 0);
      expect(s.score).toBeCloseTo(sum, 2);
      expect(['card', 'suggestion', 'dropped']).toContain(s.verdict);
    }
    expect(scored.some((s) => s.features.some((f) => f.name === 'narration'))).toBe(true);
  });
});
