import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type ApiServer, startApiServer } from './serve.ts';
import { writeFiles } from './tmp.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'kubedeck.mjs');
export const SOLUTION = join(ROOT, 'content', 'exercises', 'service-nodeport', 'solution.yaml');

export type CliRun = { code: number; stdout: string; stderr: string; ms: number };

/** The real `kubedeck` binary, asynchronously, so an HTTP server in the same test keeps running meanwhile. */
export function kubedeckAsync(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const t0 = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KUBEDECK_NO_BUNDLED: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr, ms: performance.now() - t0 }));
  });
}

/** A note with `n` explicit cards whose text is unique to `tag`. */
export function noteWithCards(tag: string, n: number, variant = 0): string {
  const lines = [`# ${tag}`, ''];
  for (let i = 0; i < n; i++) lines.push(`${tag} 질문 ${i} 포트 :: ${6000 + i + variant * 1000}`);
  return `${lines.join('\n')}\n`;
}

/** A database in a fresh folder with one note of three explicit cards imported, and the id of its first card. */
export async function databaseWithCards(tmp: string): Promise<{ db: string; id: string }> {
  const db = join(tmp, 'k.sqlite');
  writeFiles(tmp, { 'n.md': noteWithCards('lock', 3) });
  const imported = await kubedeckAsync(['import', join(tmp, 'n.md'), '--db', db]);
  if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr}`);
  const listed = JSON.parse((await kubedeckAsync(['cards', '--json', '--db', db])).stdout);
  return { db, id: (listed as { cards: { id: string }[] }).cards[0]!.id };
}

/**
 * Another process takes the write lock of `db` (`BEGIN IMMEDIATE`; with `write`, it also writes a row) and keeps it
 * for `ms`. Resolves once the lock is held; `released` settles when the holder has committed and exited.
 */
export async function holdWriteLock(
  db: string,
  ms: number,
  opts: { write?: boolean } = {},
): Promise<{ released: Promise<unknown> }> {
  const row = opts.write
    ? `d.prepare("INSERT OR REPLACE INTO settings(key, value) VALUES ('probe.lock', '1')").run();`
    : '';
  const holder = spawn(
    process.execPath,
    [
      '-e',
      `const D=require('better-sqlite3');const d=new D(${JSON.stringify(db)});d.exec('BEGIN IMMEDIATE');${row}` +
        `console.log('held');setTimeout(()=>{d.exec('COMMIT');d.close()},${ms})`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise((ok) => holder.stdout!.once('data', ok));
  return { released: new Promise((done) => holder.once('exit', done)) };
}

export type OpStats = { ok: number; failed: number; worstMs: number; totalMs: number; errors: string[] };
const newStats = (): OpStats => ({ ok: 0, failed: 0, worstMs: 0, totalMs: 0, errors: [] });
function note(s: OpStats, ms: number, error: string | null) {
  s.worstMs = Math.max(s.worstMs, ms);
  s.totalMs += ms;
  if (error === null) s.ok++;
  else {
    s.failed++;
    if (s.errors.length < 10) s.errors.push(error);
  }
}

export type LoadReport = {
  seconds: number;
  ops: Record<string, OpStats>;
  /** Review-log rows and attempts found in the database at the end, and what the successful calls promised. */
  reviewLog: { found: number; expected: number };
  attempts: { found: number; expected: number };
  repsSum: number;
  integrity: string;
};

/**
 * Serve (HTTP rate + grade in loops) against CLI rate / grade / import in other processes, all on one database, for
 * `seconds`. Every failure a user would see is counted; at the end every acknowledged write must be in the file.
 */
export async function concurrentLoad(dir: string, seconds: number, cliWorkers = 3): Promise<LoadReport> {
  const db = join(dir, 'k.sqlite');
  writeFiles(dir, { 'notes/base.md': noteWithCards('base', 200) });
  const seed = await kubedeckAsync(['import', join(dir, 'notes'), '--db', db]);
  if (seed.code !== 0) throw new Error(`seed import failed: ${seed.stderr}`);
  const server: ApiServer = await startApiServer(db);
  const ops: Record<string, OpStats> = {
    'http review/rate': newStats(),
    'http exercises/grade': newStats(),
    'cli rate': newStats(),
    'cli grade': newStats(),
    'cli import': newStats(),
  };
  const ids = ((await server.post('cards/list', {})).value as { id: string }[]).map((c) => c.id).sort();
  // Disjoint cards per side: two processes rating one card in the same millisecond is not what this measures.
  const httpIds = ids.filter((_, i) => i % 2 === 0);
  const cliIds = ids.filter((_, i) => i % 2 === 1);
  const solution = readFileSync(SOLUTION, 'utf8');
  const end = Date.now() + seconds * 1000;
  let ratings = 0;
  let grades = 0;
  const pick = (a: string[]) => a[Math.floor(Math.random() * a.length)]!;
  const timed = async (name: string, f: () => Promise<string | null>) => {
    const t0 = performance.now();
    let err: string | null;
    try {
      err = await f();
    } catch (e) {
      err = (e as Error).message;
    }
    note(ops[name]!, performance.now() - t0, err);
  };

  const httpRater = async () => {
    while (Date.now() < end)
      await timed('http review/rate', async () => {
        const r = await server.post('review/rate', { cardId: pick(httpIds), rating: 'good', early: true });
        if (!r.ok) return `${r.error?.code}: ${r.error?.message}`;
        ratings++;
        return null;
      });
  };
  const httpGrader = async () => {
    while (Date.now() < end)
      await timed('http exercises/grade', async () => {
        const r = await server.post('exercises/grade', { id: 'service-nodeport', answer: solution });
        if (!r.ok) return `${r.error?.code}: ${r.error?.message}`;
        grades++;
        return null;
      });
  };
  let importVariant = 0;
  // Worker w starts with kind w, and each does at least one call, so every kind runs even on a slow machine.
  const cliWorker = async (w: number) => {
    for (let i = 0; i === 0 || Date.now() < end; i++) {
      const kind = (i + w) % 3;
      if (kind === 0)
        await timed('cli rate', async () => {
          const r = await kubedeckAsync(['rate', pick(cliIds), 'good', '--early', '--db', db]);
          if (r.code !== 0) return r.stderr.trim();
          ratings++;
          return null;
        });
      else if (kind === 1)
        await timed('cli grade', async () => {
          const r = await kubedeckAsync(['grade', 'service-nodeport', SOLUTION, '--db', db]);
          if (r.code !== 0) return r.stderr.trim() || r.stdout.trim();
          grades++;
          return null;
        });
      else
        await timed('cli import', async () => {
          // An unrelated note changes each time so the import writes (new cards, suspended ones) under load.
          writeFileSync(join(dir, `side-${w}.md`), noteWithCards(`side${w}`, 30, importVariant++ % 2));
          const r = await kubedeckAsync(['import', join(dir, `side-${w}.md`), '--db', db]);
          return r.code === 0 ? null : r.stderr.trim();
        });
    }
  };

  const t0 = Date.now();
  await Promise.all([
    httpRater(),
    httpGrader(),
    ...Array.from({ length: cliWorkers }, (_, w) => cliWorker(w)),
  ]);
  const took = (Date.now() - t0) / 1000;
  await server.stop();
  const check = new Database(db, { readonly: true });
  const count = (sql: string) => (check.prepare(sql).get() as { n: number }).n;
  const report: LoadReport = {
    seconds: took,
    ops,
    reviewLog: { found: count('SELECT count(*) AS n FROM review_log'), expected: ratings },
    attempts: { found: count('SELECT count(*) AS n FROM attempts'), expected: grades },
    repsSum: count('SELECT coalesce(sum(reps), 0) AS n FROM cards'),
    integrity: String(check.pragma('integrity_check', { simple: true })),
  };
  check.close();
  return report;
}

export function formatLoad(r: LoadReport): string {
  const rows = Object.entries(r.ops).map(
    ([name, s]) =>
      `${name.padEnd(22)} ok ${String(s.ok).padStart(6)}  failed ${String(s.failed).padStart(3)}  mean ${(s.totalMs / Math.max(1, s.ok + s.failed)).toFixed(1).padStart(7)} ms  worst ${s.worstMs.toFixed(1).padStart(7)} ms`,
  );
  return [
    `${r.seconds.toFixed(1)} s of concurrent serve + CLI`,
    ...rows,
    `review_log rows ${r.reviewLog.found} / acknowledged ratings ${r.reviewLog.expected}; sum(reps) ${r.repsSum}`,
    `attempts ${r.attempts.found} / acknowledged grades ${r.attempts.expected}; integrity ${r.integrity}`,
  ].join('\n');
}
