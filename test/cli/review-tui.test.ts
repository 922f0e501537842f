import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { kubedeck } from '../support/cli.ts';
import { tmpDir } from '../support/tmp.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'notes', 'cka-networking-ko.md');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** Drives `kubedeck review` in a real terminal (tmux), the way a learner's keys reach it. */
class Terminal {
  constructor(readonly name: string) {}
  start(cmd: string) {
    execFileSync('tmux', ['new-session', '-d', '-s', this.name, '-x', '110', '-y', '30', cmd]);
  }
  keys(...k: string[]) {
    execFileSync('tmux', ['send-keys', '-t', this.name, ...k]);
  }
  screen(): string {
    return execFileSync('tmux', ['capture-pane', '-t', this.name, '-p'], { encoding: 'utf8' });
  }
  async waitFor(re: RegExp, ms = 15_000): Promise<string> {
    const end = Date.now() + ms;
    for (;;) {
      const s = this.screen();
      if (re.test(s)) return s;
      if (Date.now() > end) throw new Error(`screen never matched ${re}:\n${s}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  kill() {
    spawnSync('tmux', ['kill-session', '-t', this.name]);
  }
}

describe.skipIf(!hasTmux)('kubedeck review (interactive terminal)', () => {
  it('shows counts, reveals with space, rates with 3, checks a typed answer, undoes with u and quits with q', async () => {
    const dir = tmpDir();
    const db = join(dir, 'k.sqlite');
    expect(kubedeck(['import', FIXTURE, '--db', db]).code).toBe(0);
    const done = join(dir, 'exit-code');
    const term = new Terminal(`kd-${process.pid}`);
    // ink draws only the final frame when it thinks it runs in CI (CI=true there); a learner's terminal has no CI.
    term.start(
      `cd ${ROOT} && env -u CI -u CONTINUOUS_INTEGRATION KUBEDECK_NO_BUNDLED=1 node bin/kubedeck.mjs review --db ${db} --lang ko --now 2026-03-02T10:00:00+09:00; echo $? > ${done}; sleep 30`,
    );
    try {
      await term.waitFor(/새 카드 20\s+학습 중 0\s+복습 0/);
      // The first card, under the heading path it came from.
      expect(term.screen()).toContain('컨트롤 플레인 컴포넌트 포트');
      expect(term.screen()).toMatch(/kube-apiserver \[\.\.\.\]번 포트/);
      term.keys(' ');
      await term.waitFor(/1 다시 1분\s+2 어려움 6분\s+3 알맞음 10분/);
      term.keys('3');
      await term.waitFor(/새 카드 19\s+학습 중 1/);
      await term.waitFor(/스케줄러 \[\.\.\.\]번 포트/);
      term.keys('t');
      await term.waitFor(/내 답:/);
      term.keys('10259', 'Enter');
      await term.waitFor(/정답\s+10259\s+추천: 알맞음/);
      term.keys('u');
      await term.waitFor(/되돌렸습니다/);
      await term.waitFor(/새 카드 20\s+학습 중 0/);
      term.keys(' ');
      await term.waitFor(/1 다시/);
      term.keys('3');
      await term.waitFor(/새 카드 19/);
      term.keys('q');
      for (let i = 0; i < 100 && !existsSync(done); i++) await new Promise((r) => setTimeout(r, 100));
    } finally {
      term.kill();
    }
    expect(readFileSync(done, 'utf8').trim()).toBe('0');
    const check = new Database(db, { readonly: true });
    const logs = check.prepare('SELECT rating, elapsed_ms FROM review_log').all() as {
      rating: number;
      elapsed_ms: number;
    }[];
    check.close();
    expect(logs).toHaveLength(1);
    expect(logs[0]!.rating).toBe(3);
    expect(logs[0]!.elapsed_ms).toBeGreaterThan(0);
  });

  it('refuses to start without a terminal and points to the scriptable commands', () => {
    const r = kubedeck(['review', '--db', join(tmpDir(), 'k.sqlite')], { input: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a terminal.*kubedeck next/);
  });
});
