import { describe, expect, it } from 'vitest';
import { candidateCards, parseNote } from '../../content/markdown/parse-note.ts';

// A term is asked for its defining statement, not for the paragraph that follows it. Notes are our own words.
// What is asked is the point here, not whether the selection makes it a card or offers it: both are read.
const made = (text: string) => {
  const note = parseNote('note.md', text);
  return [...note.cards, ...note.suggestions].map((c) => [c.prompt, c.answer, c.rule]);
};

describe('a term is asked for its defining statement', () => {
  it('cuts a long definition to its first sentence and drops the term said again (ko)', () => {
    const text = [
      '# iptables',
      '',
      '- SNAT: SNAT는 패킷의 출발지 주소를 노드의 주소로 바꾸는 주소 변환이다. 응답 패킷은 conntrack이 기억한 원래 주소로 되돌려 보낸다.',
      '- DNAT: DNAT는 패킷의 목적지 주소를 Pod IP로 바꾸는 주소 변환이다. kube-proxy는 이 규칙을 KUBE-SEP 체인에 적는다.',
      '',
    ].join('\n');
    const cards = made(text);
    expect(cards).toContainEqual([
      'SNAT',
      '패킷의 출발지 주소를 노드의 주소로 바꾸는 주소 변환',
      'term-definition',
    ]);
    expect(cards.some(([, a]) => a!.includes('conntrack'))).toBe(false);
  });

  it('asks for the option a definition names, and drops a comparison tacked on after a comma (ko, en)', () => {
    const ko = '# 세션 고정\n\n- 세션 유지 타입: Sticky 라는 옵션을 주어 해결\n';
    expect(made(ko)).toContainEqual(['세션 유지 타입', 'Sticky', 'term-definition']);
    const en =
      '# Time savers\n\n- `k explain pod.spec`: field docs in the terminal, much faster than the browser\n';
    expect(made(en)).toContainEqual([
      '`k explain pod.spec`',
      'field docs in the terminal',
      'term-definition',
    ]);
  });

  it('cuts a Korean definition of noun-ended clauses to the first, never a list or a leaning clause (ko, en)', () => {
    const text = [
      '### 라우팅 기반 네트워크',
      '',
      '- **Calico**: BGP를 사용하여 노드 사이의 라우팅 기반 네트워크를 구현, 고성능과 낮은 오버헤드를 제공.',
      '- **Flannel**: 기본적으로 오버레이 네트워크를 사용하지만, Host-GW 모드를 통해 노드 사이의 라우팅으로도 동작 가능.',
      '- **CNI 플러그인**: 컨테이너 런타임이 컨테이너 생성 시 IP 할당, 네트워크 네임스페이스 설정 등을 위해 실행하는 실행 파일',
      '- **Weave**: Weave works as an overlay between the nodes of the cluster, and it encrypts the traffic if you ask it to.',
      '- **Ingress**: 클러스터 가장 앞단에서 내부 서비스를 외부로 HTTP, HTTPS 경로를 노출시키는 오브젝트',
      '',
    ].join('\n');
    const answers = new Map(made(text).map(([p, a]) => [p, a]));
    expect(answers.get('Calico')).toBe('BGP를 사용하여 노드 사이의 라우팅 기반 네트워크를 구현');
    // "사용하지만" leans on the clause after it; "IP 할당, … 설정 등" is a list; English is left as written.
    expect(answers.get('Flannel')).toContain('Host-GW');
    expect(answers.get('CNI 플러그인')).toContain('네트워크 네임스페이스 설정 등을 위해');
    expect(answers.get('Weave')).toContain('encrypts the traffic');
    // "외부로 HTTP" has no verb yet: HTTP is the first item of a list whose predicate comes after the comma.
    expect(answers.get('Ingress')).toContain('HTTPS 경로를 노출시키는 오브젝트');
  });

  it('drops the copula or an empty "사용" closing a noun answer, never a verb\'s own ending (ko)', () => {
    const text = [
      '# DNS 정책',
      '',
      '- ClusterFirst: 파드 DNS 정책의 기본값이다',
      '- 온프레미스 클러스터: **ingress-nginx 컨트롤러** 사용',
      '- MARK: 패킷에 내부적인 표시를 설정한다.',
      '- ip addr add: 인터페이스에 IP를 설정하는데에 사용',
      '',
    ].join('\n');
    const cards = made(text);
    expect(cards).toContainEqual(['ClusterFirst', '파드 DNS 정책의 기본값', 'term-definition']);
    expect(cards).toContainEqual(['온프레미스 클러스터', '**ingress-nginx 컨트롤러**', 'term-definition']);
    expect(cards).toContainEqual(['MARK', '패킷에 내부적인 표시를 설정한다.', 'term-definition']);
    // "설정하는데에" ends in a particle: its "사용" is the verb, and the line is asked whole (either way round).
    expect(cards.flat()).toContain('인터페이스에 IP를 설정하는데에 사용');
  });

  it('asks a bold item that names a field for the first point under it (en)', () => {
    const text = [
      '# Ports of a Service',
      '',
      '1. **targetPort**',
      '   - The port on the Pods that the Service sends traffic to, by number or by name',
      '   - Set in the Service spec, next to port',
      '   - Example: `targetPort: http` when the container port is named http',
      '',
      '2. **nodePort**',
      '   - The port opened on every node for a NodePort or LoadBalancer Service',
      '   - Picked from 30000-32767 unless you set it',
      '',
    ].join('\n');
    expect(made(text)).toContainEqual([
      'targetPort',
      'The port on the Pods that the Service sends traffic to, by number or by name',
      'term-definition',
    ]);
  });

  it('drops the term said again before a short definition, with a classifying noun between (ko)', () => {
    const proposed = candidateCards(
      'note.md',
      '# 타겟\n\n- DROP: DROP 타겟은 패킷을 응답 없이 버린다.\n',
    ).map((c) => [c.prompt, c.answer]);
    expect(proposed).toContainEqual(['DROP', '패킷을 응답 없이 버린다.']);
  });

  it('reads a definition hard-wrapped over two lines as one line (en)', () => {
    const text =
      '# CNI\n\nCNI - a standard for how a plugin gives a container its network interface and\nits IP address\n';
    const proposed = candidateCards('note.md', text).map((c) => [c.prompt, c.answer]);
    expect(proposed).toContainEqual([
      'CNI',
      'a standard for how a plugin gives a container its network interface and its IP address',
    ]);
  });

  it('keeps a short definition whole: an expansion and its gloss belong together (en)', () => {
    const text =
      '# Terms\n\n- IPAM: IP Address Management. The part of a CNI plugin that hands out Pod IPs.\n';
    const proposed = candidateCards('note.md', text).map((c) => [c.prompt, c.answer, c.rule]);
    expect(proposed).toContainEqual([
      'IPAM',
      'IP Address Management. The part of a CNI plugin that hands out Pod IPs.',
      'term-definition',
    ]);
  });

  it('does not read a section that opens with another subject as a definition of its heading (ko)', () => {
    const text = [
      '# 서비스',
      '',
      '## 서비스',
      '',
      '쿠버네티스는 파드 집합에 하나의 DNS 이름을 주고, 그 파드들 사이에서 요청을 나누어 보낼 수 있다. 파드가 바뀌어도 이름은 그대로다.',
      '',
    ].join('\n');
    expect(made(text).some(([p, , r]) => p === '서비스' && r === 'term-definition')).toBe(false);
  });

  it('reads aligned `kubectl describe` output as output, not as terms (en)', () => {
    const text = [
      '# Describe',
      '',
      '```',
      'Name:              web',
      'IP Families:       IPv4',
      'IP:                10.96.12.7',
      '```',
      '',
    ].join('\n');
    expect(made(text).some(([p]) => p === 'IP Families')).toBe(false);
    // The same line alone, as a writer's own `Term: definition`, is still read.
    expect(made('# Dual stack\n\n- IP Families: IPv4 and IPv6 for one Service\n')).toContainEqual([
      'IP Families',
      'IPv4 and IPv6 for one Service',
      'term-definition',
    ]);
  });
});
