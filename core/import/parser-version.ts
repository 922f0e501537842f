import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { FACTS_FILE } from '../../content/facts/facts-base.ts';
import { parseNote } from '../../content/markdown/parse-note.ts';
import { PARSER_VERSION } from '../import-stamp.ts';

// Every syntax the parser knows, once. What the parser makes of it is part of the version, so a parser change
// that forgets to bump PARSER_VERSION still re-parses notes whose files did not change.
const PROBE = [
  '---',
  'deck: probe',
  'tags: [probe]',
  '---',
  '# 컨트롤 플레인 포트 #cka',
  '',
  'kube-apiserver 포트 :: 6443',
  'Service ::: 파드 집합의 안정적인 가상 IP',
  'NodePort 범위는 ==30000-32767==',
  '{{c1::etcd}} 클라이언트 포트는 {{c2::2379::포트 번호}}',
  '**bold** and {{curly}} words',
  '',
  'CNI 설정 파일은 어디에 있나?',
  '?',
  '/etc/cni/net.d',
  '---',
  '',
  '컨트롤 플레인 컴포넌트 포트',
  '- kube-apiserver 6443번 포트',
  '- 스케줄러 10259번 포트',
  '',
  'NodePort 범위: 30000-32767',
  'Pod CIDR: 10.244.0.0/16, `kubectl get svc -A`, /etc/kubernetes/manifests, kube-dns.kube-system.svc',
  '',
  'port와 targetPort 차이는?',
  '=> port는 서비스가 받는 포트',
  '=> targetPort는 파드 컨테이너 포트',
  '',
  '| Port | Component |',
  '| --- | --- |',
  '| 10259 | kube-scheduler |',
  '',
  '```bash',
  '# routing table',
  'ip route',
  '```',
  '',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  'spec:',
  '  ports:',
  '  - port: 80',
  '',
].join('\n');

let cached: string | undefined;

/** PARSER_VERSION plus a digest of the parser's output on the probe note; computed once per process. */
export function parserVersion(): string {
  if (cached === undefined) {
    let out: string;
    try {
      out = JSON.stringify(parseNote('probe.md', PROBE).cards);
    } catch (e) {
      out = `threw ${(e as Error).message}`;
    }
    const digest = createHash('sha1').update(out).digest('hex').slice(0, 12);
    cached = `${PARSER_VERSION}.${digest}`;
  }
  return cached;
}

let facts: string | undefined;

/** A digest of the facts base: a corrected fact re-checks every note on the next import, as a parser change does. */
export function factsVersion(): string {
  facts ??= createHash('sha1').update(readFileSync(FACTS_FILE)).digest('hex').slice(0, 12);
  return facts;
}
