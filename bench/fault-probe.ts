/**
 * The second fault probe's numbers (issue #22), part of `npm run bench faults`: how long any other request waited
 * over HTTP while a slow import, grade or bad package ran; grading time for 5k/10k/20k keys; and what a write lock
 * held by another process does to decks, rate and grade.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { grade, loadExercise } from '../content/grader/index.ts';
import { endlessRevlogPackage } from '../test/support/hostile-apkg.ts';
import { kubedeckAsync, noteWithCards, SOLUTION } from '../test/support/load.ts';
import { type ApiServer, startApiServer } from '../test/support/serve.ts';
import { tmpDir, writeFiles } from '../test/support/tmp.ts';

const manyKeys = (solution: string, n: number) =>
  solution.replace(/spec:\n/, `spec:\n${Array.from({ length: n }, (_, i) => `  s${i}: v`).join('\n')}\n`);

/** decks/list over and over while `slow` runs: the longest answer and how many there were. */
async function waitsWhile(server: ApiServer, slow: Promise<unknown>) {
  let settled = false;
  void slow.finally(() => {
    settled = true;
  });
  let worst = 0;
  let n = 0;
  while (!settled) {
    const t0 = performance.now();
    await server.post('decks/list');
    if (!settled) {
      worst = Math.max(worst, performance.now() - t0);
      n++;
    }
    await new Promise((ok) => setTimeout(ok, 10));
  }
  return { worst, n };
}

async function otherRequests(): Promise<string[]> {
  const dir = tmpDir();
  // Default limits for the slow but legitimate work; the bad package gets a server with a 5 s limit.
  const server = await startApiServer(join(dir, 'k.sqlite'));
  const strict = await startApiServer(join(dir, 'strict.sqlite'), { KUBEDECK_OFFTHREAD_TIMEOUT_MS: '5000' });
  const out: string[] = [];
  try {
    const solution = readFileSync(SOLUTION, 'utf8');
    await server.post('exercises/grade', { id: 'service-nodeport', answer: solution, record: false });
    const apkg = join(dir, 'endless.apkg');
    writeFileSync(apkg, endlessRevlogPackage());
    const csv = join(dir, 'big.csv');
    writeFileSync(
      csv,
      `front,back\n${Array.from({ length: 100_000 }, (_, i) => `q${i},a${i}`).join('\n')}\n`,
    );
    const cases: [string, ApiServer, () => Promise<{ ok: boolean; error?: { code: string } }>][] = [
      ['slow import (CSV, 100,000 rows)', server, () => server.post('interop/import', { path: csv })],
      [
        'slow grade (20,000 keys, 224 KB)',
        server,
        () =>
          server.post('exercises/grade', {
            id: 'service-nodeport',
            answer: manyKeys(solution, 20_000),
            record: false,
          }),
      ],
      [
        'bad package (endless revlog view, 5 s limit)',
        strict,
        () => strict.post('interop/import', { path: apkg }),
      ],
    ];
    for (const [label, on, run] of cases) {
      const t0 = performance.now();
      const slow = run();
      const w = await waitsWhile(on, slow);
      const r = await slow;
      out.push(
        `${label}: ${(performance.now() - t0).toFixed(0)} ms, ${r.ok ? 'ok' : r.error?.code}; other requests meanwhile: ${w.n}, longest wait ${w.worst.toFixed(0)} ms`,
      );
    }
  } finally {
    await Promise.all([server.stop(), strict.stop()]);
  }
  return out;
}

function gradingTimes(): string {
  const ex = loadExercise('content/exercises/service-nodeport');
  grade(ex, manyKeys(ex.solution, 1000));
  const parts = [5_000, 10_000, 20_000].map((n) => {
    const text = manyKeys(ex.solution, n);
    const best = Math.min(
      ...[0, 1, 2].map(() => {
        const t0 = performance.now();
        grade(ex, text);
        return performance.now() - t0;
      }),
    );
    return `${n / 1000}k keys (${Math.round(Buffer.byteLength(text) / 1024)} KB) ${best.toFixed(0)} ms`;
  });
  return `grading unknown-field answers, best of 3: ${parts.join(', ')}`;
}

async function lockWait(): Promise<string> {
  const dir = tmpDir();
  const db = join(dir, 'k.sqlite');
  writeFiles(dir, { 'n.md': noteWithCards('lock', 5) });
  await kubedeckAsync(['import', join(dir, 'n.md'), '--db', db]);
  const ids = (
    JSON.parse((await kubedeckAsync(['cards', '--json', '--db', db])).stdout) as { cards: { id: string }[] }
  ).cards;
  const holdMs = 8000;
  const holder = spawn(
    process.execPath,
    [
      '-e',
      `const D=require('better-sqlite3');const d=new D(${JSON.stringify(db)});d.exec('BEGIN IMMEDIATE');` +
        `d.prepare("INSERT OR REPLACE INTO settings(key, value) VALUES ('probe.lock', '1')").run();` +
        `console.log('held');setTimeout(()=>{d.exec('COMMIT');d.close()},${holdMs})`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const released = new Promise((ok) => holder.once('exit', ok));
  await new Promise((ok) => holder.stdout.once('data', ok));
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
  const runs = await Promise.all([
    kubedeckAsync(['decks', '--db', db, '--now', tomorrow]),
    ...ids
      .slice(0, 3)
      .map((c) => kubedeckAsync(['rate', c.id, 'good', '--early', '--db', db, '--now', tomorrow])),
    kubedeckAsync(['grade', 'service-nodeport', SOLUTION, '--db', db, '--now', tomorrow]),
  ]);
  await released;
  const failed = runs.filter((r) => r.code !== 0);
  const [decks, ...rest] = runs;
  return [
    `lock held ${holdMs / 1000} s by another process, first open of a new day: decks exit ${decks!.code} in ${decks!.ms.toFixed(0)} ms`,
    `  rate x3 + grade: exits ${rest.map((r) => r.code).join(', ')}, slowest ${Math.max(...rest.map((r) => r.ms)).toFixed(0)} ms; failures ${failed.length}${failed.length ? `: ${failed.map((f) => f.stderr.trim()).join(' | ')}` : ''}`,
  ].join('\n');
}

export async function benchFaultProbe(): Promise<void> {
  console.log(
    `-- second fault probe (#22); load average ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} --`,
  );
  for (const line of await otherRequests()) console.log(line);
  console.log(gradingTimes());
  console.log(await lockWait());
}
