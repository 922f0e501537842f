import { describe, expect, it } from 'vitest';
import { candidateCards, parseNote } from '../../content/markdown/parse-note.ts';

const cards = (text: string, file = 'note.md') => candidateCards(file, text);
const pick = (text: string) => cards(text).map((c) => [c.kind, c.rule, c.prompt, c.answer]);

describe('explicit syntax', () => {
  it('reads front :: back and front ::: back (both directions, siblings)', () => {
    const cs = cards('kube-apiserver 포트 :: 6443\nService ::: 파드 집합의 안정적인 가상 IP\n');
    expect(cs.map((c) => [c.kind, c.prompt, c.answer])).toEqual([
      ['basic', 'kube-apiserver 포트', '6443'],
      ['reversed', 'Service', '파드 집합의 안정적인 가상 IP'],
      ['reversed', '파드 집합의 안정적인 가상 IP', 'Service'],
    ]);
    expect(cs[1]!.sibling).toBe(cs[2]!.sibling);
  });

  it('makes one cloze card per cN and never shows the hidden text in the prompt', () => {
    const cs = cards('{{c1::etcd}} 클라이언트 포트는 {{c2::2379::포트 번호}}, 피어는 {{c2::2380}}\n');
    expect(cs.map((c) => [c.prompt, c.answer])).toEqual([
      ['[...] 클라이언트 포트는 2379, 피어는 2380', 'etcd'],
      ['etcd 클라이언트 포트는 [포트 번호], 피어는 [...]', '2379, 2380'],
    ]);
    expect(cs[1]!.prompt).not.toContain('2379');
    expect(new Set(cs.map((c) => c.sibling)).size).toBe(1);
  });

  it('makes one cloze card per ==highlight==', () => {
    expect(pick('NodePort 범위는 ==30000-32767== 이고 기본 타입은 ==ClusterIP==\n')).toEqual([
      ['cloze', 'explicit-cloze', 'NodePort 범위는 [...] 이고 기본 타입은 ClusterIP', '30000-32767'],
      ['cloze', 'explicit-cloze', 'NodePort 범위는 30000-32767 이고 기본 타입은 [...]', 'ClusterIP'],
    ]);
  });

  it('reads `==>` arrows as arrows, never as a highlight', () => {
    expect(
      pick('- DNS Service ==> maps the Service name ==> to its ClusterIP\n').filter(
        (c) => c[1] === 'explicit-cloze',
      ),
    ).toEqual([]);
  });

  it('reads multi-line cards ended by a blank line or ---, which Markdown would take for a heading', () => {
    const text =
      'CNI 설정 파일 위치는?\n?\n/etc/cni/net.d\n---\n여러 줄\n질문\n?\n답 1\n답 2\n\n다음 문단.\n';
    expect(pick(text)).toEqual([
      ['basic', 'explicit-multiline', 'CNI 설정 파일 위치는?', '/etc/cni/net.d'],
      ['basic', 'explicit-multiline', '여러 줄\n질문', '답 1\n답 2'],
    ]);
  });

  it('takes the deck from front matter, else the file name, and --deck over both; tags from all three places', () => {
    const fm = '---\ndeck: CKA::포트\ntags: [cka]\n---\n# 포트 #ports\n스케줄러 포트 :: 10259 #scheduler\n';
    const n = parseNote('dir/my-notes.md', fm);
    expect(n.deck).toBe('CKA::포트');
    expect(n.cards[0]!.tags.sort()).toEqual(['cka', 'ports', 'scheduler']);
    expect(n.cards[0]!.prompt).toBe('스케줄러 포트');
    expect(n.cards[0]!.context).toEqual(['포트']);
    expect(parseNote('dir/my-notes.md', 'a :: b\n').deck).toBe('my-notes');
    expect(parseNote('dir/my-notes.md', fm, { deck: 'Mine' }).deck).toBe('Mine');
  });

  it('reads nothing inside fenced or inline code as card syntax', () => {
    const text =
      '```bash\nkubectl get svc :: not a card\nfront ::: back\n```\n\n`a :: b` 는 카드 문법이다.\n';
    const cs = cards(text);
    expect(cs.every((c) => !c.prompt.includes('not a card') && c.rule !== 'explicit-basic')).toBe(true);
  });

  it('keeps the heading path as context', () => {
    const cs = cards('# 네트워킹\n## DNS\n### CoreDNS\nCoreDNS 설정 :: Corefile\n');
    expect(cs[0]!.context).toEqual(['네트워킹', 'DNS', 'CoreDNS']);
  });
});

describe('free-form notes', () => {
  it('turns term: definition lines, also in lists, into cards', () => {
    const made = pick('- ClusterIP: 클러스터 내부 가상 IP\nNodePort: 모든 노드의 포트로 노출\n');
    // A one-word name is also asked back from its definition (rule definition-reverse).
    expect(made.filter((c) => c[1] === 'definition-reverse').map((c) => c[3])).toEqual([
      'ClusterIP',
      'NodePort',
    ]);
    expect(made.filter((c) => c[1] === 'term-definition')).toEqual([
      ['basic', 'term-definition', 'ClusterIP', '클러스터 내부 가상 IP'],
      ['basic', 'term-definition', 'NodePort', '모든 노드의 포트로 노출'],
    ]);
  });

  it('does not take labels, URLs or clock times for terms', () => {
    expect(
      cards('참고: 시험 전에 볼 것\nhttps://kubernetes.io 문서\n10:30 에 시작\n').filter(
        (c) => c.rule === 'term-definition',
      ),
    ).toEqual([]);
  });

  it('holds every => line in one question-answer card', () => {
    expect(pick('port와 targetPort 차이는?\n=> port는 서비스 포트\n=> targetPort는 컨테이너 포트\n')).toEqual(
      [
        [
          'basic',
          'question-answer',
          'port와 targetPort 차이는?',
          'port는 서비스 포트\ntargetPort는 컨테이너 포트',
        ],
      ],
    );
  });

  it('makes a list card from a heading-like line over a bullet list, and the line gives context', () => {
    const cs = cards('kube-proxy 모드\n- iptables\n- ipvs\n- nftables\n\n다음 문단에 포트 10249 가 있다.\n');
    expect(cs[0]).toMatchObject({
      kind: 'list',
      prompt: 'kube-proxy 모드',
      answer: '- iptables\n- ipvs\n- nftables',
    });
    const after = cs.find((c) => c.answer === '10249')!;
    expect(after.context).toEqual([]);
  });

  it('hides ports, ranges, paths, CIDRs, DNS names and commands in sentences and list items', () => {
    const text = [
      '- 스케줄러 10259번 포트',
      '- NodePort 는 30000-32767 범위',
      '- 플러그인 바이너리는 /opt/cni/bin 에 있다',
      '- 파드 CIDR 예시는 10.244.0.0/16 이다',
      '- 서비스 FQDN은 web.prod.svc.cluster.local 형식',
      '- 포트 확인은 `ss -ltnp` 로 한다',
    ].join('\n');
    expect(
      cards(text)
        .filter((c) => c.rule === 'auto-cloze')
        .map((c) => [c.rule, c.prompt, c.answer]),
    ).toEqual([
      ['auto-cloze', '스케줄러 [...]번 포트', '10259'],
      ['auto-cloze', 'NodePort 는 [...] 범위', '30000-32767'],
      ['auto-cloze', '플러그인 바이너리는 [...] 에 있다', '/opt/cni/bin'],
      ['auto-cloze', '파드 CIDR 예시는 [...] 이다', '10.244.0.0/16'],
      ['auto-cloze', '서비스 FQDN은 [...] 형식', 'web.prod.svc.cluster.local'],
      ['auto-cloze', '포트 확인은 [...] 로 한다', 'ss -ltnp'],
    ]);
  });

  it('takes plain words after a command name for prose, not a command', () => {
    const prose = [
      '- attaches the host end to the bridge',
      '- 10250 for the kubelet API',
      '- runs in iptables mode',
    ];
    // Sentence clozes may ask these lines; no command is ever read out of them.
    const hidden = cards(prose.join('\n'))
      .filter((c) => c.rule === 'auto-cloze')
      .map((c) => c.answer);
    expect(hidden).toEqual(['10250']);
    expect(
      cards('- 네임스페이스는 ip netns add red 로 만든다\n')
        .filter((c) => c.rule === 'auto-cloze')
        .map((c) => c.answer),
    ).toEqual(['ip netns add red']);
  });

  it('gives manifests the tags of their section and takes tags off => answer lines', () => {
    const text =
      '## NodePort #exercise/service-nodeport\n\n```yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n```\n\n확인 명령은?\n=> `curl node:30080` #check\n';
    const cs = cards(text);
    expect(cs[0]!.tags).toEqual(['exercise/service-nodeport']);
    expect(cs.find((c) => c.rule === 'question-answer')).toMatchObject({
      answer: '`curl node:30080`',
      tags: ['exercise/service-nodeport', 'check'],
    });
  });

  it('reads an unfenced manifest as one manifest card, not broken text cards', () => {
    const text =
      'NodePort 예시\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    nodePort: 30080\n다음 문장은 그냥 글이다.\n';
    const cs = cards(text);
    // One manifest card (and the apiVersion it uses, and its fields asked in place); none of its key: value
    // lines is a term.
    expect(cs.filter((c) => c.line >= 2 && c.line <= 9).map((c) => c.rule)).toEqual([
      'manifest',
      'manifest-apiversion',
      'manifest-field',
    ]);
    expect(cs[0]).toMatchObject({ kind: 'manifest', rule: 'manifest', line: 2 });
    expect(cs[0]!.prompt).toContain('Service web');
    expect(cs[0]!.answer.split('\n')).toHaveLength(8);
  });

  it('reads a fenced manifest as a manifest card and ignores other fences', () => {
    const text =
      '```yaml\napiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: nginx\nspec:\n  controllerName: nginx.org/gateway-controller\n```\n\n```yaml\nfoo: bar\n```\n';
    const cs = cards(text);
    expect(cs.map((c) => c.rule)).toEqual(['manifest', 'manifest-apiversion']);
    expect(cs[0]!.prompt).toContain('GatewayClass nginx');
  });
});

describe('bad input gives warnings, never a crash', () => {
  it('handles CRLF like LF, with the same line numbers', () => {
    const lf = parseNote('a.md', '# 포트\n\n스케줄러 :: 10259\n');
    const crlf = parseNote('a.md', '# 포트\r\n\r\n스케줄러 :: 10259\r\n'.replace(/\r\n/g, '\n'));
    expect(crlf.cards).toEqual(lf.cards);
    expect(lf.cards[0]!.line).toBe(3);
  });

  it('reports an unterminated fence and still reads the lines after it', () => {
    const n = parseNote('a.md', 'a :: b\n```bash\nkubectl get pods\nc :: d\n');
    expect(n.warnings).toEqual([{ file: 'a.md', line: 2, code: 'fence-unclosed', params: { fence: '```' } }]);
    expect(n.cards.map((c) => c.prompt)).toEqual(['a', 'c']);
  });

  it('flattens 1,000-deep nesting with a warning and keeps the card at the bottom', () => {
    const deep = `${'>'.repeat(1000)} 깊은 카드 :: 답\n`;
    const n = parseNote('deep.md', deep);
    expect(n.warnings[0]).toMatchObject({ line: 1, code: 'nesting-too-deep' });
    expect(n.cards.map((c) => c.answer)).toEqual(['답']);
    const lists = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- level ${i} :: x${i}`).join('\n');
    const m = parseNote('lists.md', lists);
    expect(m.cards.length).toBeGreaterThan(900);
  });

  it('warns about the same card twice and keeps the first', () => {
    const n = parseNote('dup.md', 'a :: b\n\na :: b\n');
    expect(n.cards).toHaveLength(1);
    expect(n.warnings).toEqual([{ file: 'dup.md', line: 3, code: 'duplicate-card', params: { first: 1 } }]);
  });

  it('warns about a missing image, resolved relative to the note', () => {
    const n = parseNote(
      'notes/a.md',
      '![그림](img/missing.png)\n![ok](img/ok.png)\n![web](https://x.io/a.png)\n',
      {
        dir: '/notes',
        fileExists: (p) => p === '/notes/img/ok.png',
      },
    );
    expect(n.warnings).toEqual([
      { file: 'notes/a.md', line: 1, code: 'image-missing', params: { src: 'img/missing.png' } },
    ]);
  });

  // Hugo and Zola posts open with `+++` TOML: its `title = "…"` lines were read as terms and their definitions.
  it('reads +++ TOML front matter as settings, never as card text', () => {
    const toml =
      '+++\ntitle = "쿠버네티스 서비스"\ndescription = "서비스 개념"\ndeck = "CKA::서비스"\ntags = ["k8s", "#dns"]\n[taxonomies]\ncategories = ["DevOps"]\n+++\n\nNodePort: 모든 노드의 포트로 노출\n';
    const n = parseNote('post.md', toml);
    expect(n.deck).toBe('CKA::서비스');
    expect(n.warnings).toEqual([]);
    // Cards or suggestions from the note's one line under the front matter only, whichever way they ask.
    const offered = [...n.cards, ...n.suggestions];
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((c) => c.line === 10 && `${c.prompt} ${c.answer}`.includes('NodePort'))).toBe(true);
    expect(offered[0]!.tags.sort()).toEqual(['dns', 'k8s']);
    const en = parseNote(
      'post.md',
      '+++\ntitle = "DNS Lookups"\ntype = "post"\n+++\nndots: dots a name needs before it is tried as is\n',
    );
    const enOffered = [...en.cards, ...en.suggestions];
    expect(enOffered.length).toBeGreaterThan(0);
    expect(enOffered.every((c) => c.line === 5 && `${c.prompt} ${c.answer}`.includes('ndots'))).toBe(true);
  });

  it('reports broken or unclosed TOML front matter at its line, and still reads the note', () => {
    const bad = parseNote('post.md', '+++\ntitle = "x"\ndate = = 2020\n+++\na :: b\n');
    expect(bad.warnings).toEqual([
      expect.objectContaining({ file: 'post.md', line: 3, code: 'front-matter-toml' }),
    ]);
    expect(bad.cards.map((c) => c.prompt)).toEqual(['a']);
    const open = parseNote('post.md', '+++\ntitle = "x"\na :: b\n');
    expect(open.warnings[0]).toMatchObject({
      line: 1,
      code: 'front-matter-unclosed',
      params: { fence: '+++' },
    });
  });

  it('reports broken front matter at its line', () => {
    const n = parseNote('fm.md', '---\ndeck: [unclosed\n---\na :: b\n');
    expect(n.warnings[0]).toMatchObject({
      line: 2,
      code: 'front-matter-yaml',
      params: { yaml: expect.not.stringMatching(/^OTHER$/) },
    });
    expect(n.cards).toHaveLength(1);
  });
});
