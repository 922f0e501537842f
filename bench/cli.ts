/**
 * `npm run bench cli`: whole-process wall time of `kubedeck` commands as a learner's shell runs them, each paired
 * with a bare `node -e 0` measured in the same rounds (so a busy machine slows both alike). Median of 5.
 * KUBEDECK_BENCH_BIN=/path/to/bin/kubedeck.mjs measures another checkout (e.g. the commit before a change).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROUNDS = 5;
const NOW = '2026-03-02T10:00:00+09:00';

type Command = { args: string[]; env?: NodeJS.ProcessEnv };
type Case = { label: string; target?: number; run: () => Promise<number> | number; cpu?: () => number };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function timed(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.trim().split('\n').pop()}`);
  return ms;
}

/**
 * User + system CPU of one run (bash's `time`, in separate runs from the wall times): unlike wall time it hardly
 * moves when other processes share the machine, so it shows where a busy machine's wall ratios come from.
 */
function cpu({ args, env }: Command): number {
  const r = spawnSync(
    'bash',
    ['-c', 'TIMEFORMAT="%3U %3S"; time "$0" "$@" >/dev/null 2>&1', process.execPath, ...args],
    { encoding: 'utf8', env: { ...process.env, ...env } },
  );
  const [user, sys] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return (user! + sys!) * 1000;
}

/** Starts `serve` and resolves with the time until it prints its URL; then stops it. */
function serveReady(bin: string, db: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child: ChildProcess = spawn(
      process.execPath,
      [bin, 'serve', '--port', '0', '--db', db, '--now', NOW],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stderr!.on('data', (c) => {
      err += c;
    });
    child.stdout!.on('data', (c) => {
      out += c;
      if (/Kubedeck: http/.test(out)) {
        const ms = performance.now() - t;
        child.once('exit', () => resolve(ms));
        child.kill('SIGTERM');
      }
    });
    child.once('exit', (code) => {
      if (!/Kubedeck: http/.test(out)) reject(new Error(`serve exited ${code} before it was ready: ${err}`));
    });
  });
}

export async function benchCli(): Promise<void> {
  const bin = process.env.KUBEDECK_BENCH_BIN ?? join(import.meta.dirname, '..', 'bin', 'kubedeck.mjs');
  const root = dirname(dirname(bin));
  const work = join(tmpdir(), `kubedeck-bench-cli-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const db = join(work, 'k.sqlite');
  const kd = (...args: string[]) => [bin, ...args, '--db', db, '--now', NOW];

  // An existing database: the bundled decks imported once, outside the timings (also warms any build cache).
  timed(kd('decks'));
  await serveReady(bin, db); // builds the UI once if this checkout has none yet
  const nextCard = (): string => {
    const r = spawnSync(process.execPath, [...kd('next', '--json')], { encoding: 'utf8' });
    return (JSON.parse(r.stdout) as { card: { id: string } }).card.id;
  };
  const exercise = 'service-nodeport';
  const answer = join(root, 'content', 'exercises', exercise, 'solution.yaml');
  let fresh = 0;

  const node: Command = { args: ['-e', '0'] };
  const decks = (): Command => ({ args: kd('decks') });
  const next = (): Command => ({ args: kd('next') });
  const rate = (): Command => ({ args: kd('rate', nextCard(), 'good') });
  const grade = (): Command => ({ args: [bin, 'grade', exercise, answer], env: { KUBEDECK_DB: '' } });
  const importNew = (): Command => ({
    args: [bin, 'import', join(root, 'content', 'notes'), '--db', join(work, `new-${fresh++}.sqlite`)],
    env: { KUBEDECK_NO_BUNDLED: '1' },
  });
  const both = (c: () => Command) => ({
    run: () => {
      const { args, env } = c();
      return timed(args, env);
    },
    cpu: () => cpu(c()),
  });
  const cases: Case[] = [
    { label: 'node -e 0', ...both(() => node) },
    { label: 'kubedeck decks', target: 3, ...both(decks) },
    { label: 'kubedeck next', target: 3, ...both(next) },
    { label: 'kubedeck rate', target: 3, ...both(rate) },
    { label: `kubedeck grade ${exercise}`, target: 4, ...both(grade) },
    { label: 'kubedeck serve (URL printed)', target: 5, run: () => serveReady(bin, db) },
    { label: 'kubedeck import (bundled, new db)', ...both(importNew) },
  ];

  const times = new Map<string, number[]>(cases.map((c) => [c.label, []]));
  const cpus = new Map<string, number[]>(cases.map((c) => [c.label, []]));
  const load = loadavg()[0]!.toFixed(1);
  timed(['-e', '0']);
  for (let round = 0; round < ROUNDS; round++)
    for (const c of cases) {
      times.get(c.label)!.push(await c.run());
      if (c.cpu) cpus.get(c.label)!.push(c.cpu());
    }

  const base = median(times.get('node -e 0')!);
  const baseCpu = median(cpus.get('node -e 0')!);
  const x = (n: number) => `${n.toFixed(1)}x`;
  console.log(
    `${bin}\nmedian of ${ROUNDS}, node ${process.version}, load average ${load} → ${loadavg()[0]!.toFixed(1)}`,
  );
  console.log(
    `${'command'.padEnd(36)} ${'wall ms'.padStart(8)} ${'ratio'.padStart(7)} ${'target'.padStart(7)}      ${'cpu ms'.padStart(7)} ${'ratio'.padStart(6)}`,
  );
  for (const c of cases) {
    const ms = median(times.get(c.label)!);
    const ratio = ms / base;
    const verdict = c.target === undefined ? '    ' : ratio <= c.target ? 'ok  ' : 'OVER';
    const cpuMs = cpus.get(c.label)!.length ? median(cpus.get(c.label)!) : null;
    console.log(
      `${c.label.padEnd(36)} ${ms.toFixed(0).padStart(8)} ${x(ratio).padStart(7)} ${(c.target ? `<=${c.target}x` : 'report').padStart(7)} ${verdict} ${(cpuMs === null ? '-' : cpuMs.toFixed(0)).padStart(7)} ${(cpuMs === null ? '' : x(cpuMs / baseCpu)).padStart(6)}`,
    );
  }
  rmSync(work, { recursive: true, force: true });
}
