import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore } from '../core/app.ts';
import { contentKey, siblingKey } from '../core/import/identity.ts';
import { openDatabase } from '../db/open.ts';
import { benchParse } from './parse-notes.ts';

const NOTES = 2000;
const CARDS_PER_NOTE = 50;

/** One generated note: the mix of rules real notes use, 50 cards, Korean with English terms. */
function note(i: number): string {
  const lines = [`---\ndeck: Bench::덱 ${i % 20}\n---`, `# 노트 ${i}`, ''];
  for (let k = 0; k < 20; k++) lines.push(`서비스 ${i}-${k} 의 포트 :: ${30000 + ((i * 50 + k) % 2767)}`);
  lines.push('');
  for (let k = 0; k < 10; k++) lines.push(`- 컴포넌트${i}x${k}: 노드 ${k}번에서 실행되는 에이전트 ${i}`);
  lines.push('');
  for (let k = 0; k < 10; k++) lines.push(`- 파드 ${i}-${k} 는 10.${i % 250}.${k}.0/24 대역을 쓴다`);
  lines.push('', `리소스 목록 ${i}`);
  for (let k = 0; k < 4; k++) lines.push(`- 항목 ${i}/${k} 설명`);
  lines.push('');
  for (let k = 0; k < 9; k++) lines.push(`{{c1::kube-proxy${i}-${k}}} 는 규칙을 만든다`);
  return `${lines.join('\n')}\n`;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

export async function benchImport(): Promise<void> {
  const root = join(tmpdir(), `kubedeck-bench-import-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'notes'), { recursive: true });
  for (let i = 0; i < NOTES; i++)
    writeFileSync(join(root, 'notes', `n${String(i).padStart(4, '0')}.md`), note(i));

  benchParse(Array.from({ length: NOTES }, (_, i) => note(i)));

  const firstAlone = firstImportInFreshProcess(root);
  const core = openCore({ dbPath: join(root, 'k.sqlite'), bundled: false });
  let t = performance.now();
  let cpu = process.cpuUsage();
  const first = await core.call('import/run', { paths: [join(root, 'notes')] });
  const firstMs = performance.now() - t;
  const firstCpu = cpuMs(cpu);
  const peakAfterFirst = process.resourceUsage().maxRSS * 1024;
  const cards = core.ctx.db.prepare('SELECT * FROM cards').all() as Record<string, unknown>[];

  t = performance.now();
  cpu = process.cpuUsage();
  const again = await core.call('import/run', { paths: [join(root, 'notes')] });
  const againMs = performance.now() - t;
  const againCpu = cpuMs(cpu);

  // One note edited among 2,000: the daily case.
  writeFileSync(
    join(root, 'notes', 'n0007.md'),
    note(7).replace('서비스 7-3 의 포트', '서비스 7-3 의 노드 포트'),
  );
  t = performance.now();
  cpu = process.cpuUsage();
  const edited = await core.call('import/run', { paths: [join(root, 'notes')] });
  const editedMs = performance.now() - t;
  const editedCpu = cpuMs(cpu);
  const edits = await oneNoteEdits(core, root);
  core.close();

  // Baseline: the same rows into the same schema with bare better-sqlite3, one prepared statement, one transaction.
  const { db } = openDatabase(join(root, 'baseline.sqlite'));
  db.prepare("INSERT INTO decks (id, name, created_at) VALUES ('d', 'd', 0)").run();
  const cols = Object.keys(cards[0]!).filter((c) => c !== 'note_id');
  const insert = db.prepare(
    `INSERT INTO cards (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
  );
  t = performance.now();
  db.transaction(() => {
    for (const row of cards) insert.run({ ...row, deck_id: 'd' });
  })();
  const bareMs = performance.now() - t;
  db.close();

  // The identity hashes are part of what an importer must compute; show their share.
  t = performance.now();
  for (const c of cards) {
    contentKey(String(c.kind), String(c.prompt), String(c.answer));
    siblingKey(String(c.prompt));
  }
  const hashMs = performance.now() - t;

  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    `notes ${NOTES} x ${CARDS_PER_NOTE} planned, cards ${cards.length} (${first.summary.new} new, ${first.warnings.length} warnings)`,
  );
  console.log(`first import           ${firstMs.toFixed(0)} ms   (CPU ${firstCpu.toFixed(0)} ms)`);
  console.log(
    `bare insert baseline   ${bareMs.toFixed(0)} ms   (same ${cards.length} rows, same schema, one transaction)`,
  );
  console.log(`ratio first/bare       ${(firstMs / bareMs).toFixed(2)}x   (target <= 3x)`);
  console.log(
    `unchanged re-import    ${againMs.toFixed(0)} ms   (CPU ${againCpu.toFixed(0)} ms; ${again.summary.unchanged} unchanged; target <= 1000 ms)`,
  );
  console.log(
    `one note edited        ${editedMs.toFixed(0)} ms   (CPU ${editedCpu.toFixed(0)} ms; ${JSON.stringify(edited.summary)})`,
  );
  console.log(
    `one note edited, x${edits.ms.length}   median ${median(edits.ms).toFixed(0)} ms, max ${Math.max(...edits.ms).toFixed(0)} ms, CPU median ${median(edits.cpu).toFixed(0)} ms   (target <= 100 ms; ${edits.summary})`,
  );
  console.log(`identity hashing       ${hashMs.toFixed(0)} ms   (share of first import)`);
  console.log(
    `first import, fresh process: peak RSS ${mb(firstAlone.peak)} (${mb(firstAlone.base)} of it loading the app's modules before importing; target <= 300 MB), ${firstAlone.ms.toFixed(0)} ms`,
  );
  console.log(`peak RSS after first import (this process)  ${mb(peakAfterFirst)}`);
  console.log(`peak memory (max RSS, whole bench)  ${mb(peak)}`);
  rmSync(root, { recursive: true, force: true });
}

/** CPU time since `from` (user + system): what the import costs, whatever else the machine is doing. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The daily case, several times: one note edited among 2,000 (a reworded card, an added card, a removed card). */
async function oneNoteEdits(core: ReturnType<typeof openCore>, root: string) {
  const ms: number[] = [];
  const cpu: number[] = [];
  const summaries: string[] = [];
  const edits: [number, (s: string) => string][] = [
    [101, (s) => s.replace('서비스 101-3 의 포트', '서비스 101-3 의 노드 포트')],
    [555, (s) => `${s}\n새 카드 555 :: 값\n`],
    [1234, (s) => s.replace(/^서비스 1234-5 .*$/m, '')],
    [1999, (s) => s.replace('{{c1::kube-proxy1999-2}}', '{{c1::kube-proxy-1999-2}}')],
    [42, (s) => s.replace('리소스 목록 42', '리소스 목록 42 (수정)')],
  ];
  for (const [i, edit] of edits) {
    writeFileSync(join(root, 'notes', `n${String(i).padStart(4, '0')}.md`), edit(note(i)));
    const t = performance.now();
    const c = process.cpuUsage();
    const r = await core.call('import/run', { paths: [join(root, 'notes')] });
    ms.push(performance.now() - t);
    cpu.push(cpuMs(c));
    summaries.push(`${r.summary.new}/${r.summary.updated}/${r.summary.suspended}`);
  }
  return { ms, cpu, summary: `new/updated/suspended ${summaries.join(' ')}` };
}

/**
 * The first import's memory, measured in a process that does nothing else (as `kubedeck import` does): the peak
 * resident size, and how much of it the app's modules take before the import starts.
 */
function firstImportInFreshProcess(root: string): { peak: number; base: number; ms: number } {
  const script = `
    const { openCore } = await import(${JSON.stringify(join(import.meta.dirname, '..', 'core', 'app.ts'))});
    const core = openCore({ dbPath: ${JSON.stringify(join(root, 'alone.sqlite'))}, bundled: false });
    const base = process.resourceUsage().maxRSS * 1024;
    const t = performance.now();
    await core.call('import/run', { paths: [${JSON.stringify(join(root, 'notes'))}] });
    const ms = performance.now() - t;
    core.close();
    console.log(JSON.stringify({ peak: process.resourceUsage().maxRSS * 1024, base, ms }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (r.status !== 0) throw new Error(`first import child failed: ${r.stderr}`);
  for (const f of ['alone.sqlite', 'alone.sqlite-wal', 'alone.sqlite-shm'])
    rmSync(join(root, f), { force: true });
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}
