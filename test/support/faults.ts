import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { kubedeckAsync, noteWithCards } from './load.ts';
import { writeFiles } from './tmp.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'kubedeck.mjs');
const RATE_WORKER = join(import.meta.dirname, 'rate-worker.mjs');

const exited = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });

function inspect(db: string) {
  const d = new Database(db, { readonly: true });
  try {
    const n = (sql: string) => (d.prepare(sql).get() as { n: number }).n;
    return {
      integrity: String(d.pragma('integrity_check', { simple: true })),
      log: n('SELECT count(*) AS n FROM review_log'),
      reps: n('SELECT coalesce(sum(reps), 0) AS n FROM cards'),
      activeA: n("SELECT count(*) AS n FROM cards WHERE suspended = 0 AND prompt LIKE 'varA%'"),
      activeB: n("SELECT count(*) AS n FROM cards WHERE suspended = 0 AND prompt LIKE 'varB%'"),
    };
  } finally {
    d.close();
  }
}

export type KillReport = {
  trials: number;
  /** Trials killed while the import or the burst was still running (the rest had finished first). */
  killedMidway: number;
  landed: number;
  rolledBack: number;
  problems: string[];
};

/**
 * SIGKILL during `kubedeck import`: each trial rewrites a folder of notes from one wording to another and kills the
 * import at a random moment. Afterwards the database must be whole and show exactly one of the two wordings.
 */
export async function killDuringImport(
  dir: string,
  trials: number,
  notes = 150,
  perNote = 40,
): Promise<KillReport> {
  const db = join(dir, 'k.sqlite');
  const folder = join(dir, 'big');
  const write = (v: 'A' | 'B') => {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    const files: Record<string, string> = {};
    for (let i = 0; i < notes; i++) files[`big/n${i}.md`] = noteWithCards(`var${v}${i}x`, perNote);
    writeFiles(dir, files);
  };
  write('A');
  const seed = await kubedeckAsync(['import', folder, '--db', db]);
  if (seed.code !== 0) throw new Error(seed.stderr);
  // One re-import run to its end measures how long the kills have to spread over (it rewords every card, and
  // takes several times as long as the first import).
  write('B');
  const calibrate = await kubedeckAsync(['import', folder, '--db', db]);
  if (calibrate.code !== 0) throw new Error(calibrate.stderr);
  const total = notes * perNote;
  const r: KillReport = { trials, killedMidway: 0, landed: 0, rolledBack: 0, problems: [] };
  let current: 'A' | 'B' = 'B';
  for (let t = 0; t < trials; t++) {
    const next: 'A' | 'B' = current === 'A' ? 'B' : 'A';
    write(next);
    const child = spawn(process.execPath, [BIN, 'import', folder, '--db', db], {
      stdio: 'ignore',
      env: { ...process.env, KUBEDECK_NO_BUNDLED: '1' },
    });
    // Spread the kills over start-up, the transaction and a little past its end.
    await new Promise((ok) => setTimeout(ok, calibrate.ms * (0.2 + Math.random() * 1.1)));
    if (child.exitCode === null) r.killedMidway++;
    child.kill('SIGKILL');
    await exited(child);
    const s = inspect(db);
    const want = (v: 'A' | 'B') =>
      v === 'A' ? s.activeA === total && s.activeB === 0 : s.activeB === total && s.activeA === 0;
    if (s.integrity !== 'ok') r.problems.push(`trial ${t}: integrity ${s.integrity}`);
    if (want(next)) {
      r.landed++;
      current = next;
    } else if (want(current)) r.rolledBack++;
    else r.problems.push(`trial ${t}: half an import (A ${s.activeA}, B ${s.activeB} of ${total})`);
  }
  return r;
}

/**
 * SIGKILL during a burst of ratings: every rating the worker acknowledged is in the review log, at most one more
 * (committed, not yet acknowledged), and the log matches the cards' reps.
 */
export async function killDuringRatings(
  dir: string,
  trials: number,
): Promise<KillReport & { ratings: number }> {
  const db = join(dir, 'k.sqlite');
  writeFiles(dir, { 'notes/n.md': noteWithCards('burst', 300) });
  const seed = await kubedeckAsync(['import', join(dir, 'notes'), '--db', db]);
  if (seed.code !== 0) throw new Error(seed.stderr);
  const r = { trials, killedMidway: 0, landed: 0, rolledBack: 0, problems: [] as string[], ratings: 0 };
  let acked = 0;
  for (let t = 0; t < trials; t++) {
    const child = spawn(process.execPath, [RATE_WORKER, db], { stdio: ['ignore', 'pipe', 'pipe'] });
    // 'exit' can come before the last lines the worker wrote are read from its pipe (on a busy machine it did, and
    // the count of acknowledged ratings fell behind the log); 'close' comes after its pipes are drained.
    const closed = new Promise<void>((done) => child.once('close', () => done()));
    let last = 0;
    let ready: () => void = () => {};
    const started = new Promise<void>((ok) => {
      ready = ok;
    });
    let buf = '';
    child.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) {
        if (l === 'ready') ready();
        else if (/^\d+$/.test(l)) last = Number(l);
      }
    });
    let err = '';
    child.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
    });
    await Promise.race([started, closed]);
    await new Promise((ok) => setTimeout(ok, 50 + Math.random() * 400));
    if (child.exitCode === null) r.killedMidway++;
    child.kill('SIGKILL');
    await closed;
    if (err.trim()) r.problems.push(`trial ${t}: worker said ${err.trim().split('\n')[0]}`);
    acked += last;
    r.ratings += last;
    const s = inspect(db);
    if (s.integrity !== 'ok') r.problems.push(`trial ${t}: integrity ${s.integrity}`);
    if (s.log < acked || s.log > acked + 1)
      r.problems.push(`trial ${t}: review log has ${s.log} rows, ${acked} ratings were acknowledged`);
    if (s.log !== s.reps)
      r.problems.push(`trial ${t}: review log ${s.log} rows but reps add up to ${s.reps}`);
    if (s.log === acked + 1) {
      r.landed++;
      acked++;
    } else r.rolledBack++;
  }
  return r;
}

/** A small tmpfs for the full-disk trial, where this machine lets us mount one (root, not in a locked container). */
export function mountSmallDisk(dir: string, size = '2m'): (() => void) | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return () => execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
}
