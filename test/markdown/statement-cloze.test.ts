import { describe, expect, it } from 'vitest';
import { candidateCards } from '../../content/markdown/parse-note.ts';

// What a Korean statement says its topic is or does: the noun phrase is hidden, the topic and verb stay.
const statements = (text: string) =>
  candidateCards('note.md', `# 노트\n\n${text}\n`)
    .filter((c) => c.rule === 'statement-cloze')
    .map((c) => [c.prompt, c.answer]);

describe('statement cloze (ko)', () => {
  it('hides the complement before a copula, after the modifier that bounds it', () => {
    expect(statements('IPVS는 부하 분산을 위해 만들어진 리눅스 커널의 기능이다.')).toEqual([
      ['IPVS는 부하 분산을 위해 만들어진 [...]이다', '리눅스 커널의 기능'],
    ]);
  });

  it('hides the object of the last verb, keeping its particle and the verb on show', () => {
    expect(statements('kube-proxy는 각 노드에서 Service 규칙을 적용하며 iptables 규칙을 관리한다.')).toEqual([
      ['kube-proxy는 각 노드에서 Service 규칙을 적용하며 [...]을 관리한다', 'iptables 규칙'],
    ]);
    // A particle written apart from its value.
    expect(statements('10.0.0.0/24 대역으로 가는 요청은 10.0.0.1 으로 보낸다.')).toEqual([
      ['10.0.0.0/24 대역으로 가는 요청은 [...] 으로 보낸다', '10.0.0.1'],
    ]);
  });

  it('never hides a clause made a noun, a lone plain word, or a sentence without a topic', () => {
    expect(statements('kube-proxy는 가상 IP를 목적지로 지원하지 않기 때문이다.')).toEqual([]);
    expect(statements('파드는 언제든 다시 만들어질 수 있는 것이다.')).toEqual([]);
    expect(statements('노드는 트래픽을 처리한다.')).toEqual([]);
    expect(statements('모든 노드에서 kube-proxy가 iptables 규칙을 관리한다.')).toEqual([]);
  });
});
