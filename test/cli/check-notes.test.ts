import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubedeck } from '../support/cli.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

const WRONG = [
  '# NodePort',
  '',
  'NodePort range: 3000 - 32767',
  '',
  '```yaml',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  'spec:',
  '  type: NodePort',
  '  ports:',
  '    - port: 80',
  '      TargetPort: 8080',
  '```',
  '',
  '* `kubelet`은 `19250` 포트 오픈',
  '* kubelet --network-plugin=cni',
  '',
].join('\n');
const RIGHT = '# Ports\n\n- kube-apiserver 6443번 포트\n- NodePort 범위: 30000-32767\n';

type Out = {
  files: {
    file: string;
    warnings: {
      line: number;
      column: number;
      kind: string;
      said: string;
      kubernetes: string;
      source: string;
      message: string;
    }[];
  }[];
};

describe('kubedeck check-notes', () => {
  it('exits 0 for notes Kubernetes agrees with, 1 with a file:line:column line per problem', () => {
    const dir = tmpDir();
    writeFiles(dir, { 'good/right.md': RIGHT, 'bad/wrong.md': WRONG });
    const ok = kubedeck(['check-notes', join(dir, 'good')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    expect(ok.stderr).toContain('nothing contradicts Kubernetes');
    const bad = kubedeck(['check-notes', dir], { cwd: dir });
    expect(bad.code).toBe(1);
    const lines = bad.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^bad\/wrong\.md:3:\d+: wrong · NodePort range: your note says "3000 - 32767" · Kubernetes: 30000-32767/,
    );
    expect(lines[1]).toMatch(/^bad\/wrong\.md:14:7: manifest · .*TargetPort/);
    expect(lines[3]).toMatch(/^bad\/wrong\.md:18:\d+: outdated · kubelet flag/);
  });

  it('--json carries kind, line, said, kubernetes and source; --lang ko speaks Korean', () => {
    const dir = tmpDir();
    writeFiles(dir, { 'wrong.md': WRONG });
    const r = kubedeck(['check-notes', join(dir, 'wrong.md'), '--json', '--lang', 'ko']);
    expect(r.code).toBe(1);
    const [f] = (r.json() as Out).files;
    expect(f!.warnings.map((w) => [w.line, w.kind])).toEqual([
      [3, 'fact'],
      [14, 'manifest'],
      [17, 'fact'],
      [18, 'outdated'],
    ]);
    expect(f!.warnings[2]).toMatchObject({ said: '19250', kubernetes: '10250' });
    expect(f!.warnings[2]!.source).toMatch(/^https:\/\/kubernetes\.io\//);
    expect(f!.warnings[2]!.message).toContain('노트에는 "19250"');
    expect(f!.warnings[1]!.kubernetes).toContain('알 수 없는 필드');
  });

  it('exits 2 for a path it cannot read, and 2 with no path at all', () => {
    expect(kubedeck(['check-notes', join(tmpDir(), 'missing.md')]).code).toBe(2);
    expect(kubedeck(['check-notes']).code).toBe(2);
  });
});

describe('kubedeck import prints the check', () => {
  it('--dry-run lists each warning with its line; --json entries carry kind, line, said, kubernetes, source', () => {
    const dir = tmpDir();
    writeFiles(dir, { 'wrong.md': WRONG });
    const db = join(dir, 'k.sqlite');
    const text = kubedeck(['import', join(dir, 'wrong.md'), '--dry-run', '--db', db, '--lang', 'ko']);
    expect(text.code).toBe(0);
    expect(text.stderr).toMatch(
      /wrong\.md:17: 틀린 내용 · kubelet API 포트: 노트에는 "19250" · Kubernetes: 10250/,
    );
    const r = kubedeck(['import', join(dir, 'wrong.md'), '--dry-run', '--json', '--db', db]);
    const out = r.json() as { warnings: Record<string, unknown>[]; cards: unknown[]; suggestions: unknown[] };
    // Flagged lines still make their cards (the manifest one a suggestion, as whole manifests are).
    expect(out.cards.length + out.suggestions.length).toBeGreaterThanOrEqual(3);
    const kinds = out.warnings.map((w) => [w.line, w.kind, w.said]);
    expect(kinds).toEqual([
      [3, 'fact', '3000 - 32767'],
      [14, 'manifest', 'TargetPort: 8080'],
      [17, 'fact', '19250'],
      [18, 'outdated', '--network-plugin'],
    ]);
    for (const w of out.warnings) {
      expect(typeof w.kubernetes).toBe('string');
      expect(w.source).toBeTruthy();
    }
  });
});
