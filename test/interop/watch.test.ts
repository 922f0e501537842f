import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../core/app.ts';
import { FolderWatcher, type SyncEvent } from '../../core/interop/watch.ts';
import { kubedeck } from '../support/cli.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';
import { coreAt } from './helpers.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'kubedeck.mjs');

async function until<T>(what: string, probe: () => T | undefined, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What a watcher does on a save: the folder's import again (here nothing changed). */
const importNotesAgain = (core: Core, folder: string) => core.call('import/run', { paths: [folder] });

const A = `# Ports\n\nkube-apiserver 포트 :: 6443\netcd 클라이언트 포트 :: 2379\nkubelet 포트 :: 10250\n`;
const B = `# DNS\n\nCoreDNS 포트 :: 53\nclusterDomain 기본값 :: cluster.local\n`;

describe('watched note folders', () => {
  it('re-imports only the saved note, keeps history, suspends a deleted note’s cards, and reports what changed', async () => {
    const { core, clock, dir } = await coreAt('2026-04-01T09:00:00Z');
    const vault = join(dir, 'vault');
    writeFiles(vault, { 'a.md': A, 'sub/b.md': B, '.obsidian/skip.md': 'x :: y\n', 'notes.txt': 'x :: y\n' });
    await core.call('watch/add', { folder: vault });
    const events: SyncEvent[] = [];
    const w = new FolderWatcher(core.ctx, { debounceMs: 150, onSync: (e) => events.push(e) });
    await w.start((await core.call('watch/list', {})).folders);
    // Catching up on start imports the folder once.
    expect(events).toHaveLength(1);
    expect(events[0]!.result!.summary).toMatchObject({ new: 5 });

    const port = core.ctx.db.prepare("SELECT id FROM cards WHERE prompt = 'kube-apiserver 포트'").get() as {
      id: string;
    };
    await core.call('review/rate', { cardId: port.id, rating: 'good', elapsedMs: 2000 });
    clock.add(60_000);

    // A save of a.md (a burst of writes, as editors do) is one import of a.md alone.
    const a = join(vault, 'a.md');
    writeFileSync(a, A.replace('kube-apiserver 포트 :: 6443', 'kube-apiserver의 포트 :: 6443'));
    appendFileSync(a, 'scheduler 포트 :: 10259\n');
    const edit = await until('the edit sync', () => events[1]);
    expect(edit.files).toEqual([a]);
    expect(edit.error).toBeNull();
    // Only a.md's three old cards are looked at (b.md's two are not re-imported), one of them reworded.
    expect(edit.result!.summary).toEqual({ new: 1, updated: 1, unchanged: 2, suspended: 0 });
    const kept = core.ctx.db
      .prepare(
        'SELECT prompt, reps, (SELECT count(*) FROM review_log WHERE card_id = cards.id) AS logs FROM cards WHERE id = ?',
      )
      .get(port.id);
    expect(kept).toEqual({ prompt: 'kube-apiserver의 포트', reps: 1, logs: 1 });

    // Deleting b.md suspends its cards (history kept, never deleted).
    clock.add(60_000);
    rmSync(join(vault, 'sub', 'b.md'));
    const del = await until('the delete sync', () => events[2]);
    expect(del.removed).toEqual([join(vault, 'sub', 'b.md')]);
    expect(del.result!.summary).toMatchObject({ new: 0, suspended: 2 });
    expect(core.ctx.db.prepare('SELECT count(*) AS n FROM cards WHERE suspended = 1').get()).toEqual({
      n: 2,
    });

    // What changed since the first sync, per file, newest first.
    const since = Date.parse('2026-04-01T09:00:30Z');
    const { runs } = await core.call('watch/changes', { since });
    expect(
      runs.map((r) => ({ sources: r.sources, new: r.new, updated: r.updated, suspended: r.suspended })),
    ).toEqual([
      { sources: [join(vault, 'sub', 'b.md')], new: 0, updated: 0, suspended: 2 },
      { sources: [a], new: 1, updated: 1, suspended: 0 },
    ]);
    await w.close();
    expect(events).toHaveLength(3);
    core.close();
  }, 60_000);

  it('a folder added or removed by a call in another language than the host’s reaches the running watcher', async () => {
    // The core speaks English (serve's default); the learner's UI is Korean, so every call carries lang: 'ko'.
    const { core, dir } = await coreAt('2026-04-01T09:00:00Z');
    const events: SyncEvent[] = [];
    const w = new FolderWatcher(core.ctx, { debounceMs: 100, onSync: (e) => events.push(e) });
    await w.start([]);
    const vault = join(dir, 'vault');
    writeFiles(vault, { 'a.md': A });
    await core.call('watch/add', { folder: vault }, { lang: 'ko' });
    // The first import of the added folder runs at once.
    expect(events.map((e) => e.result?.summary.new)).toEqual([3]);
    await core.call('watch/remove', { folder: vault }, { lang: 'ko' });
    writeFileSync(join(vault, 'b.md'), B);
    await new Promise((r) => setTimeout(r, 800));
    // No longer watched: the new note is not imported.
    expect(events).toHaveLength(1);
    await w.close();
    core.close();
  }, 30_000);

  it('"changes since the last sync" lists only syncs of watched folders that changed something', async () => {
    const { core, dir } = await coreAt('2026-04-01T09:00:00Z');
    const vault = join(dir, 'vault');
    writeFiles(vault, { 'a.md': A });
    writeFiles(join(dir, 'once'), { 'c.md': B });
    await core.call('import/upload', {
      root: null,
      files: [{ path: 'u.md', text: B.replace('53', '5353') }],
    });
    await core.call('import/run', { paths: [join(dir, 'once')] });
    // Nothing watched: no syncs, whatever was imported.
    expect((await core.call('watch/changes', {})).runs).toEqual([]);
    await core.call('watch/add', { folder: vault });
    await importNotesAgain(core, vault);
    const { runs } = await core.call('watch/changes', {});
    // The first sync of the folder, and not the second one, which found nothing to change.
    expect(runs.map((r) => ({ sources: r.sources, new: r.new }))).toEqual([
      { sources: [join(vault, 'a.md')], new: 3 },
    ]);
    core.close();
  });

  it('kubedeck watch keeps a folder imported until Ctrl-C; --list and --remove manage the stored folders', async () => {
    const dir = tmpDir();
    const vault = join(dir, 'notes');
    writeFiles(vault, { 'a.md': A });
    const db = join(dir, 'k.sqlite');
    const child = spawn(process.execPath, [BIN, 'watch', vault, '--db', db, '--debounce-ms', '100'], {
      env: { ...process.env, KUBEDECK_NO_BUNDLED: '1' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      await until('the watcher to start', () => (out.includes('(Ctrl-C stops)') ? true : undefined), 30_000);
      expect(out).toContain(`${vault}: new 3, updated 0, unchanged 0, suspended 0`);
      writeFileSync(join(vault, 'b.md'), B);
      await until('the new note', () => (/b\.md: new 2,/.test(out) ? true : undefined));
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(err).toBe('');

    const list = kubedeck(['watch', '--list', '--json', '--db', db]).json() as { folders: string[] };
    expect(list.folders).toEqual([vault]);
    const removed = kubedeck(['watch', '--remove', vault, '--db', db]);
    expect(removed.stdout).toContain(`no longer watching ${vault}; 0 folder(s) left`);
    const missing = kubedeck(['watch', join(dir, 'nope'), '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${join(dir, 'nope')}: no such folder`);
    expect(readFileSync(join(vault, 'b.md'), 'utf8')).toBe(B);
  }, 90_000);
});
