import { describe, expect, it } from 'vitest';
import { candidateCards, parseNote } from '../../content/markdown/parse-note.ts';

// A section named after a term, opened by the line that says what the term is: asked from the term. A title about
// something, a line that titles a list or goes on from an earlier one, is not asked.
type Pair = [rule: string, prompt: string, answer: string];
const proposed = (text: string): Pair[] =>
  candidateCards('note.md', text)
    .filter((c) => c.rule === 'heading-definition')
    .map((c) => [c.rule, c.prompt, c.answer]);

describe('a term heading over the line that says what it is', () => {
  it('asks a path heading for its first item, not the example under it (ko)', () => {
    const note = [
      '## /etc에 위치한 Domain 관련 파일',
      '',
      '### /etc/hosts',
      '',
      '- 도메인명의 IP로 변환을 위한 정적 조회.',
      '- ex. 10.0.0.1 www.foo.bar',
      '',
      '### /etc/resolv.conf',
      '',
      '- 호스트가 DNS 를 확인하기 위한 DNS 네임서버를 나열',
      '',
    ].join('\n');
    expect(proposed(note)).toEqual([
      ['heading-definition', '/etc/hosts', '도메인명의 IP로 변환을 위한 정적 조회.'],
      ['heading-definition', '/etc/resolv.conf', '호스트가 DNS 를 확인하기 위한 DNS 네임서버를 나열'],
    ]);
    // The term's context is the heading path above it, not the term itself.
    const card = candidateCards('note.md', note).find((c) => c.rule === 'heading-definition')!;
    expect(card.context).toEqual(['/etc에 위치한 Domain 관련 파일']);
  });

  it('reads a heading that asks what a term is as that term: "X란?", "What is X?" (ko, en)', () => {
    const ko =
      '## 인그레스란?\n\n인그레스는 클러스터 가장 앞단에서 내부 서비스를 외부로 HTTP, HTTPS 경로를 노출시키는 오브젝트이다. NodePort나 LoadBalancer 와 달리 L7 에서 동작한다.\n';
    expect(proposed(ko)).toEqual([
      [
        'heading-definition',
        '인그레스',
        '클러스터 가장 앞단에서 내부 서비스를 외부로 HTTP, HTTPS 경로를 노출시키는 오브젝트이다.',
      ],
    ]);
    const en =
      '## What is a NetworkPolicy?\n\nA NetworkPolicy is a set of rules for the traffic a Pod may take. Rules add up.\n';
    expect(proposed(en)).toEqual([
      ['heading-definition', 'NetworkPolicy', 'a set of rules for the traffic a Pod may take.'],
    ]);
    // Nor is the question asked again for its whole paragraph.
    expect(candidateCards('note.md', ko).some((c) => c.rule === 'question-heading')).toBe(false);
    // A question about something else asks no term.
    expect(
      proposed('## 어떻게 Service IP가 할당되는가?\n\n`kube-apiserver`가 정한 대역에서 할당된다.\n'),
    ).toEqual([]);
    expect(
      proposed('## Whence 8.8.8.8?\n\nSearching for it in the repository takes me to a commit.\n'),
    ).toEqual([]);
  });

  it('drops the term said again as the subject, and stops at the first sentence (en, ko)', () => {
    expect(
      proposed(
        '## kube-proxy\n\nkube-proxy is a network proxy that runs on each node. It watches Services and Endpoints.\n',
      ),
    ).toEqual([['heading-definition', 'kube-proxy', 'a network proxy that runs on each node.']]);
    expect(
      proposed(
        '### Headless Service\n\nHeadless Service는 ClusterIP가 없는 서비스로, 파드 IP를 직접 돌려준다.\n',
      ),
    ).toEqual([
      ['heading-definition', 'Headless Service', 'ClusterIP가 없는 서비스로, 파드 IP를 직접 돌려준다.'],
    ]);
  });

  it('makes the card at the standard density, where its line made none (ko)', () => {
    const cards = parseNote('note.md', '### /etc/hosts\n\n- 도메인명의 IP로 변환을 위한 정적 조회.\n').cards;
    expect(cards.map((c) => [c.prompt, c.answer])).toContainEqual([
      '/etc/hosts',
      '도메인명의 IP로 변환을 위한 정적 조회.',
    ]);
  });

  it('drops the section number of a heading, and keeps a line that opens with "each" or "every" (ko, en)', () => {
    expect(
      proposed('### 1-6-4 LoadBalancer\n\n모든 노드에 특정 포트를 할당하고 외부 연결을 파드로 전달한다.\n'),
    ).toEqual([
      ['heading-definition', 'LoadBalancer', '모든 노드에 특정 포트를 할당하고 외부 연결을 파드로 전달한다.'],
    ]);
    expect(
      proposed(
        '## 2. NodePort\n\nEvery node opens one port of 30000-32767 and forwards it to the Service.\n',
      ),
    ).toEqual([
      [
        'heading-definition',
        'NodePort',
        'Every node opens one port of 30000-32767 and forwards it to the Service',
      ],
    ]);
  });

  it('leaves titles about a term alone: an acronym alone, a topic, a step, a task (en, ko)', () => {
    for (const heading of [
      'DNS',
      'TLS',
      'DNS in Kubernetes',
      'Pod Networking',
      'Add external service',
      'CoreDNS 소개',
      'Service 기능',
    ])
      expect(
        proposed(`## ${heading}\n\nCoreDNS runs as a Deployment of two Pods in kube-system.\n`),
        heading,
      ).toEqual([]);
    // A plain lower-case word heads a topic more often than a definition.
    expect(proposed('## service\n\n대다수의 어플리케이션은 외부 요청에 응답하기 위한 것이다.\n')).toEqual([]);
  });

  it('leaves a first line that titles a list, goes on from before, or is a card of its own (en, ko)', () => {
    for (const note of [
      '## Services\n\nThe four values of a Service spec.type\n\n- ClusterIP\n- NodePort\n',
      '## Corefile\n\nCoreDNS의 설정파일에서 한가지 더 주목해야하는 설정은 `forward` 설정이다.\n',
      '## Ingress\n\nWhen a client sends a request to Ingress, Ingress forwards it to a Service.\n',
      '### CoreDNS\n\nCoreDNS 설정 :: Corefile\n',
      '### iptables\n\n- Filter: 기본 테이블, 패킷 필터링을 담당\n',
      '## Service\n\n📍 pod의 문제점\n\n파드는 언제든 사라진다.\n',
    ])
      expect(proposed(note), note).toEqual([]);
  });
});

describe('a term with its definition in parentheses', () => {
  it('asks the term for what the parentheses say, emphasis dropped (en, ko)', () => {
    const note = [
      'There are 4 types of services:',
      '',
      '1. ClusterIP (*normally used, facilitates interpod communication*)',
      '',
      '2. NodePort (*for exposing pod via its own private IP to external world*)',
      '',
    ].join('\n');
    const defs = candidateCards('note.md', note)
      .filter((c) => c.rule === 'term-definition')
      .map((c) => [c.prompt, c.answer]);
    expect(defs).toEqual([
      ['ClusterIP', 'normally used, facilitates interpod communication'],
      ['NodePort', 'for exposing pod via its own private IP to external world'],
    ]);
    expect(
      candidateCards('note.md', '- `hostPort` (컨테이너 포트를 노드에 직접 연결)\n').map((c) => [
        c.rule,
        c.prompt,
        c.answer,
      ]),
    ).toContainEqual(['term-definition', '`hostPort`', '컨테이너 포트를 노드에 직접 연결']);
  });

  it('leaves a remark of a word or two and an acronym to their own rules (en)', () => {
    const rules = (line: string) =>
      candidateCards('note.md', `${line}\n`)
        .filter((c) => c.rule === 'term-definition')
        .map((c) => c.prompt);
    expect(rules('- NodePort (legacy)')).toEqual([]);
    expect(rules('- CNI (Container Network Interface)')).toEqual([]);
  });
});

describe('each sentence of a paragraph written on one line is a fact of its own', () => {
  it('makes a card of two sentences on one line where one line used to give one card (ko)', () => {
    const line =
      'Kube-Proxy는 **user-space mode**, **IPtables mode** 그리고 **IPVS mode** 의 3가지 모드로 동작할 수 있습니다. 각각의 모드는 Kube-Proxy가 어떻게 NAT rule을 적용하는가에 따라 나뉘어 있습니다.';
    const cards = parseNote('note.md', `## kube-proxy 모드\n\n${line}\n`).cards.filter(
      (c) => c.kind === 'cloze',
    );
    expect(cards.map((c) => c.answer).sort()).toEqual(['IPtables', 'NAT']);
    expect(new Set(cards.map((c) => c.line)).size).toBe(1);
  });
});
