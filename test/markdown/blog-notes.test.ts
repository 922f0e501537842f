import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateCards } from '../../content/markdown/parse-note.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'notes', 'exercises');
const parse = (file: string) => candidateCards(file, readFileSync(join(DIR, file), 'utf8'));

describe('notes written for a Jekyll blog', () => {
  it('reads `{% highlight %}` blocks as code and asks a `<summary>보기</summary>` block from the section title (ko)', () => {
    const cards = parse('jekyll-exercise-ko.md');
    const details = cards.filter((c) => c.rule === 'details');
    expect(details.map((c) => [c.prompt, c.answer])).toEqual([
      [
        '8080 포트로 노출된 httpd 파드 만들기',
        '```bash\nkubectl run httpd --image=httpd --port=8080 --expose\n```',
      ],
    ]);
    // The Liquid tags are never card text, and the command is read as a command.
    expect(cards.some((c) => c.prompt.includes('{%') || c.answer.includes('{%'))).toBe(false);
    expect(cards).toContainEqual(expect.objectContaining({ rule: 'command-flag', answer: '8080' }));
    // An empty block gives no card; the `__*title*__` line is read without its emphasis marks.
    expect(cards.some((c) => c.prompt === '빈 연습')).toBe(false);
    expect(cards.some((c) => c.prompt.includes('__*'))).toBe(false);
  });

  it('does the same for an English note with `{% highlight shell %}` and a "Show" summary (en)', () => {
    const cards = parse('jekyll-exercise-en.md');
    expect(cards.filter((c) => c.rule === 'details').map((c) => [c.prompt, c.answer])).toEqual([
      [
        'Create a pod `cache` exposed on port 6379',
        '```shell\nkubectl run cache --image=redis --port=6379 --expose\n```',
      ],
    ]);
    expect(cards.some((c) => c.prompt.includes('__*') || c.answer.includes('{%'))).toBe(false);
  });

  it('never reads Hugo shortcodes or header ids as card text (ko)', () => {
    const text = [
      '### 파드의 DNS 정책 {#pod-dns-policy}',
      '',
      '{{< note >}}',
      '`dnsPolicy`가 지정되지 않으면 "ClusterFirst"가 기본값으로 사용된다.',
      '{{< /note >}}',
      '',
      '{{< feature-state for_k8s_version="v1.22" state="stable" >}}',
      '',
      '## {{% heading "whatsnext" %}}',
      '',
    ].join('\n');
    const cards = candidateCards('hugo.md', text);
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) {
      expect(`${c.prompt} ${c.answer} ${c.context.join(' ')}`).not.toMatch(/\{\{|\{#|v1\.22/);
    }
    expect(cards.some((c) => c.answer === 'ClusterFirst')).toBe(true);
  });
});

describe('a code fence indented under a list item, its code pasted at the left margin', () => {
  const note = (intro: string) =>
    [
      `- ${intro}`,
      '    ```',
      '    apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata:',
      '  name: db-allow',
      'spec:',
      '  podSelector:',
      '    matchLabels:',
      '      role: db',
      '  ingress:',
      '    - from:',
      '        - ipBlock:',
      '            cidr: 172.17.0.0/16',
      '    ```',
      '- 다음 항목: 평범한 정의',
      '',
    ].join('\n');

  it('reads the lines as the code they are, not as terms and lists (en)', () => {
    const cards = candidateCards('n.md', note('Isolated pods: a policy that selects a pod isolates it'));
    // `role: db`, `ipBlock: cidr: …` and `from: - ipBlock:` were term and list cards of example values.
    expect(
      cards.filter(
        (c) => c.line > 2 && c.line < 15 && c.rule !== 'manifest-apiversion' && c.kind !== 'cloze',
      ),
    ).toEqual([]);
    expect(cards).toContainEqual(
      expect.objectContaining({ rule: 'manifest-apiversion', line: 2, answer: 'networking.k8s.io/v1' }),
    );
    // The note goes on as Markdown after the closing fence.
    expect(cards).toContainEqual(
      expect.objectContaining({ rule: 'term-definition', prompt: '다음 항목', line: 16 }),
    );
  });

  it('leaves a fence alone when its code is indented with it, or when no fence closes it at its indentation (ko)', () => {
    const indented = [
      '- 정책 예시',
      '    ```yaml',
      '    kind: Pod',
      '    metadata:',
      '      name: web',
      '    ```',
      '',
    ].join('\n');
    expect(candidateCards('n.md', indented).some((c) => c.prompt === 'name' || c.prompt === 'metadata')).toBe(
      false,
    );
    // No closing fence at the opening's indentation: Markdown's own reading stands.
    const unclosed = ['- 정책', '    ```', 'role: db', '```', 'ClusterIP: 클러스터 내부 IP', ''].join('\n');
    expect(candidateCards('n.md', unclosed).some((c) => c.prompt === 'ClusterIP')).toBe(true);
  });
});
