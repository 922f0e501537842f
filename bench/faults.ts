/**
 * `npm run bench faults`: the fault trials at full size. SIGKILL during imports and rating bursts (>= 20 each),
 * 60 s of concurrent serve + CLI rate / import / grade, an online backup under rating load, and a full disk.
 * The CI-sized versions of the same trials run in test/safety/. First the second probe's numbers (fault-probe.ts).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { killDuringImport, killDuringRatings, mountSmallDisk } from '../test/support/faults.ts';
import { concurrentLoad, formatLoad, kubedeckAsync, noteWithCards } from '../test/support/load.ts';
import { startApiServer } from '../test/support/serve.ts';
import { tmpDir, writeFiles } from '../test/support/tmp.ts';
import { benchFaultProbe } from './fault-probe.ts';

const SECONDS = Number(process.env.KUBEDECK_FAULT_SECONDS ?? 60);
const KILLS = Number(process.env.KUBEDECK_FAULT_KILLS ?? 20);

async function backupUnderLoad(): Promise<string> {
  const dir = tmpDir();
  const db = join(dir, 'k.sqlite');
  const files: Record<string, string> = {};
  for (let i = 0; i < 100; i++) files[`notes/n${i}.md`] = noteWithCards(`bk${i}x`, 200);
  writeFiles(dir, files);
  const seed = await kubedeckAsync(['import', join(dir, 'notes'), '--db', db]);
  if (seed.code !== 0) throw new Error(seed.stderr);
  const server = await startApiServer(db);
  try {
    const ids = ((await server.post('cards/list', {})).value as { id: string }[]).map((c) => c.id);
    const rateFor = async (until: () => boolean) => {
      const times: number[] = [];
      while (!until()) {
        const t0 = performance.now();
        const r = await server.post('review/rate', {
          cardId: ids[Math.floor(Math.random() * ids.length)],
          rating: 'good',
          early: true,
        });
        if (!r.ok) throw new Error(r.error?.message);
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b);
    };
    const end = Date.now() + 3000;
    const before = await rateFor(() => Date.now() > end);
    let done = false;
    const t0 = performance.now();
    const backup = server.post('backups/create', {}).then((r) => {
      done = true;
      return r;
    });
    const during = await rateFor(() => done);
    const took = performance.now() - t0;
    const b = (await backup).value as { size: number };
    const p = (a: number[], q: number) =>
      a.length ? a[Math.min(a.length - 1, Math.floor(q * a.length))]! : 0;
    return [
      `online backup of ${(b.size / 1024 / 1024).toFixed(1)} MB (${ids.length} cards) while rating over HTTP: ${took.toFixed(0)} ms`,
      `  rate before: n ${before.length}, p50 ${p(before, 0.5).toFixed(1)} ms, worst ${before.at(-1)?.toFixed(1)} ms`,
      `  rate during: n ${during.length}, p50 ${p(during, 0.5).toFixed(1)} ms, worst ${(during.at(-1) ?? 0).toFixed(1)} ms`,
    ].join('\n');
  } finally {
    await server.stop();
  }
}

async function fullDisk(): Promise<string> {
  const dir = tmpDir('kubedeck-full-');
  const unmount = mountSmallDisk(dir, '1m');
  if (!unmount) return 'full disk: skipped (cannot mount a small tmpfs here; needs root on Linux)';
  try {
    const db = join(dir, 'k.sqlite');
    const notes = tmpDir();
    writeFiles(notes, { 'small/a.md': noteWithCards('small', 5) });
    await kubedeckAsync(['import', join(notes, 'small'), '--db', db]);
    const big: Record<string, string> = {};
    for (let i = 0; i < 60; i++) big[`big/n${i}.md`] = noteWithCards(`big${i}${'x'.repeat(200)}`, 100);
    writeFiles(notes, big);
    const r = await kubedeckAsync(['import', join(notes, 'big'), '--db', db]);
    const cards = await kubedeckAsync(['cards', '--json', '--db', db]);
    const n = cards.code === 0 ? (JSON.parse(cards.stdout) as { cards: unknown[] }).cards.length : -1;
    return `full disk (1 MB tmpfs, ${statSync(db).size} B database): import exit ${r.code}, "${r.stderr.trim()}"; afterwards ${n} cards readable (5 before)`;
  } finally {
    unmount();
  }
}

export async function benchFaults(): Promise<void> {
  await benchFaultProbe();
  // KUBEDECK_FAULT_PROBE_ONLY=1: only the second probe's numbers (a few seconds instead of minutes).
  if (process.env.KUBEDECK_FAULT_PROBE_ONLY === '1') return;
  const imp = await killDuringImport(tmpDir(), KILLS);
  console.log(
    `SIGKILL during import: ${imp.trials} trials (${imp.killedMidway} killed while running), ${imp.landed} landed whole, ${imp.rolledBack} left as before, problems: ${imp.problems.length ? imp.problems.join('; ') : 'none'}`,
  );
  const rate = await killDuringRatings(tmpDir(), KILLS);
  console.log(
    `SIGKILL during rating bursts: ${rate.trials} trials, ${rate.ratings} acknowledged ratings all kept, ${rate.landed} kills landed between commit and acknowledgement, problems: ${rate.problems.length ? rate.problems.join('; ') : 'none'}`,
  );
  const load = await concurrentLoad(tmpDir(), SECONDS, 3);
  console.log(formatLoad(load));
  const failed = Object.values(load.ops).reduce((n, s) => n + s.failed, 0);
  const lost =
    load.reviewLog.found !== load.reviewLog.expected || load.attempts.found !== load.attempts.expected;
  console.log(`errors reaching a user: ${failed}; lost writes: ${lost ? 'YES' : 0}`);
  for (const s of Object.values(load.ops)) for (const e of s.errors) console.log(`  error: ${e}`);
  console.log(await backupUnderLoad());
  console.log(await fullDisk());
}
