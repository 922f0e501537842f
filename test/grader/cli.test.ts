import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'kubedeck-grade-cli-'));
const dbPath = join(tmp, 'k.sqlite');

function kubedeck(args: string[], input?: string) {
  const r = spawnSync('node', ['bin/kubedeck.mjs', ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, KUBEDECK_NO_BUNDLED: '1', KUBEDECK_DB: '' },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const solution = 'content/exercises/service-nodeport/solution.yaml';
const wrong = 'content/exercises/service-nodeport/wrong/01-nodeport-out-of-range.yaml';

describe('kubedeck exercises / exercise / grade', () => {
  it('lists exercises and prints a task', () => {
    const list = kubedeck(['exercises', '--json', '--db', dbPath]);
    expect(list.code).toBe(0);
    const ids = (JSON.parse(list.out) as { exercises: { id: string }[] }).exercises.map((e) => e.id);
    expect(ids).toContain('httproute-https-redirect');
    const task = kubedeck(['exercise', 'gateway-http-all', '--lang', 'ko', '--db', dbPath]);
    expect(task.code).toBe(0);
    expect(task.out).toContain('nginx-gateway');
  });

  it('grades a failing answer: exit 1, JSON with field names and lines', () => {
    const r = kubedeck(['grade', 'service-nodeport', wrong, '--json', '--db', dbPath]);
    expect(r.code).toBe(1);
    const v = JSON.parse(r.out);
    expect(Object.keys(v)).toEqual(['exercise', 'passed', 'score', 'checks', 'errors']);
    expect(v).toMatchObject({ exercise: 'service-nodeport', passed: false });
    expect(v.errors[0]).toEqual({
      message: 'nodePort: 8080 is outside the node port range 30000-32767',
      line: 12,
      column: 17,
    });
    expect(v.checks.find((c: { id: string }) => c.id === 'node-port')).toEqual({
      id: 'node-port',
      passed: false,
      message: 'nodePort must be 30080 (found 8080)',
      line: 12,
      column: 17,
    });
  });

  it('grades a passing answer from stdin: exit 0, attempts recorded with --db', () => {
    const r = kubedeck(
      ['grade', 'service-nodeport', '-', '--db', dbPath, '--lang', 'ko'],
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web' },
        spec: {
          type: 'NodePort',
          selector: { app: 'web' },
          ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
        },
      }),
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('통과');
    expect(r.out).toContain('hard'); // a pass after the failed attempt above
    const db = new Database(dbPath, { readonly: true });
    const rows = db.prepare('SELECT exercise_id, passed, score FROM attempts ORDER BY id').all();
    db.close();
    expect(rows).toEqual([
      { exercise_id: 'service-nodeport', passed: 0, score: expect.any(Number) },
      { exercise_id: 'service-nodeport', passed: 1, score: 100 },
    ]);
  });

  it('usage errors and unreadable input exit 2', () => {
    expect(kubedeck(['grade', 'service-nodeport']).code).toBe(2);
    expect(kubedeck(['grade', 'no-such-exercise', solution]).code).toBe(2);
    const missing = kubedeck(['grade', 'service-nodeport', join(tmp, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read');
    expect(missing.err).not.toContain('    at ');
  });

  it('bad answers are verdicts, not crashes', () => {
    const bomb = join(tmp, 'bomb.yaml');
    writeFileSync(
      bomb,
      `a: &a [x,x,x,x,x,x,x,x,x]\n${Array.from({ length: 8 }, (_, i) => `b${i}: &b${i} [${new Array(9).fill(i ? `*b${i - 1}` : '*a').join(',')}]`).join('\n')}\n`,
    );
    const r = kubedeck(['grade', 'service-nodeport', bomb, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).errors[0].message).toContain('YAML bomb');
    const empty = join(tmp, 'empty.yaml');
    writeFileSync(empty, '');
    expect(kubedeck(['grade', 'service-nodeport', empty]).code).toBe(1);
  });
});
