import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markKnownErrors } from '../../content/markdown/known-errors.ts';
import type { ParsedCard } from '../../content/markdown/types.ts';
import { kubedeck } from '../support/cli.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

// A Korean note with two slips the Kubernetes check knows: a misspelt CNI path and a NodePort range missing a 0.
const WRONG_KO = [
  '# CNI', // 1
  '',
  'kubelet에 CNI 경로를 넘긴다:',
  '',
  '```bash', // 5
  'kubelet \\',
  '  --cni-bin-dir=/opt/cin/bin \\', // 7
  '  --cni-conf-dir=/etc/cni/net.d',
  '```',
  '',
  '## 포트',
  '',
  '- NodePort 범위: 3000-32767', // 13
  '- kube-apiserver 포트: 6443',
  '',
].join('\n');
const RIGHT_KO = WRONG_KO.replace('/opt/cin/bin', '/opt/cni/bin').replace('3000-32767', '30000-32767');
const WRONG_EN = '# Ports\n\n- kubelet API port: 19250\n- kube-apiserver port: 6443\n';
const RIGHT_EN = WRONG_EN.replace('19250', '10250');

type Card = { prompt: string; answer: string };
type DryRun = { cards: Card[]; suggestions: Card[]; warnings: { line: number; message: string }[] };

function dryRun(text: string): DryRun {
  const dir = tmpDir();
  writeFiles(dir, { 'note.md': text });
  const r = kubedeck([
    'import',
    join(dir, 'note.md'),
    '--dry-run',
    '--json',
    '--no-bundled',
    '--db',
    join(dir, 'k.sqlite'),
  ]);
  expect(r.code).toBe(0);
  return r.json() as DryRun;
}
// What the note offers, card or suggestion: the check must keep a wrong value out of both.
const answers = (o: DryRun) => [...o.cards, ...o.suggestions].map((c) => c.answer);

describe('a value the Kubernetes check found wrong is never drilled', () => {
  it('makes no card or suggestion of a wrong path or range in a Korean note; the same note put right makes them', () => {
    const right = dryRun(RIGHT_KO);
    expect(answers(right)).toEqual(expect.arrayContaining(['/opt/cni/bin', '30000-32767']));
    const wrong = dryRun(WRONG_KO);
    expect(answers(wrong)).not.toContain('/opt/cin/bin');
    expect(answers(wrong)).not.toContain('3000-32767');
    // The rest of the note still makes its cards or suggestions, and the warnings say what Kubernetes says instead.
    expect(answers(wrong)).toEqual(expect.arrayContaining(['6443', '/etc/cni/net.d']));
    expect(wrong.warnings.map((w) => w.line)).toEqual(expect.arrayContaining([7, 13]));
  });

  it('drops a wrong port in an English note and explains why with --explain', () => {
    expect(answers(dryRun(RIGHT_EN))).toContain('10250');
    const wrong = dryRun(WRONG_EN);
    expect(answers(wrong)).not.toContain('19250');
    expect(answers(wrong)).toContain('6443');

    const dir = tmpDir();
    writeFiles(dir, { 'note.md': WRONG_EN });
    const r = kubedeck([
      'import',
      '--explain',
      `${join(dir, 'note.md')}:3`,
      '--json',
      '--db',
      join(dir, 'k.sqlite'),
    ]);
    expect(r.code).toBe(0);
    const { explain } = r.json() as {
      explain: { cards: { answer: string; verdict: string; features: { name: string }[] }[] };
    };
    const taught = explain.cards.filter((c) => c.answer === '19250');
    expect(taught.length).toBeGreaterThan(0);
    for (const c of taught) {
      expect(c.verdict).toBe('dropped');
      expect(c.features.map((f) => f.name)).toContain('teaches-a-known-error');
    }
  });
});

describe('markKnownErrors', () => {
  const card = (line: number, prompt: string, answer: string): ParsedCard => ({
    kind: 'basic',
    rule: 'term-definition',
    prompt,
    answer,
    context: [],
    tags: [],
    line,
    sibling: prompt,
  });

  it('marks an answer that is the wrong value or holds it, on the lines where the note says it', () => {
    const cards = [
      card(3, 'kubelet API port', '19250'),
      card(4, 'NodePort', '`3888`'),
      card(9, 'kubelet API port', '19250'), // another line: not what the check found
      card(3, 'CNI 바이너리 위치는 어디인가', 'kubelet은 /opt/cin/bin 에서 플러그인을 찾는다'),
    ];
    markKnownErrors(cards, [
      { line: 3, said: '19250', kind: 'fact' },
      { line: 4, said: 'NodePort: 3888', kind: 'fact' },
      { line: 3, said: '/opt/cin/bin', kind: 'fact' },
    ]);
    expect(cards.map((c) => c.teaches)).toEqual(['19250', 'NodePort: 3888', undefined, '/opt/cin/bin']);
  });

  it('leaves a card that only shows the value in its prompt, or lists a removed one among current ones', () => {
    const cards = [
      card(5, 'Kube-Proxy는 user-space mode, [...] mode 그리고 IPVS mode 의 3가지 모드로 동작', 'iptables'),
      card(7, 'Kube-Proxy modes', '- User-Space\n- ipvs\n- iptables (DEFAULT)'),
      card(9, 'kube-scheduler 포트', '10251'),
    ];
    markKnownErrors(cards, [
      { line: 5, said: 'user-space', kind: 'outdated' },
      { line: 8, said: 'User-Space', kind: 'outdated' },
      { line: 9, said: '10251', kind: 'outdated' },
    ]);
    expect(cards.map((c) => c.teaches)).toEqual([undefined, undefined, '10251']);
  });
});
