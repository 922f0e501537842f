import { describe, expect, it } from 'vitest';
import { candidateCards } from '../../content/markdown/parse-note.ts';

const terms = (text: string) =>
  candidateCards('t.md', text)
    .filter((c) => c.rule === 'term-definition')
    .map((c) => [c.prompt, c.answer]);

// The label and manifest-key tests lower-case the term, skipping the call for text that has no letter to lower.
describe('terms that are labels or manifest keys, in any case', () => {
  it('reads NOTE:, Tip: and 참고: as labels, not terms', () => {
    expect(terms('NOTE: read the docs first\n\nTip: use kubectl explain\n\n참고: 시험 전에 볼 것\n')).toEqual(
      [],
    );
  });

  it('reads Port: 80 and TYPE: ClusterIP as manifest fields, not terms', () => {
    expect(terms('Port: 80\n\nTYPE: ClusterIP\n')).toEqual([]);
  });

  it('keeps terms in capitals, in Korean and with digits', () => {
    expect(
      terms('CoreDNS: 클러스터 DNS 서버\n\n서비스: 파드 집합의 고정 주소\n\nIPv6 주소: 128비트 길이\n'),
    ).toEqual([
      ['CoreDNS', '클러스터 DNS 서버'],
      ['서비스', '파드 집합의 고정 주소'],
      ['IPv6 주소', '128비트 길이'],
    ]);
  });

  it('leaves clock times and URLs alone', () => {
    expect(terms('Start 10: 30 sharp\n\nDocs: //kubernetes.io\n')).toEqual([]);
  });
});
