/**
 * Issue #22 (8, 9): a watched folder stays inside its real path (a link to /usr/share/doc is not followed), a first
 * sync of too many notes is refused with a message saying how to go on, and a save during another process's write
 * lock is reported in the learner's language and imported once the lock is released.
 */
import { spawn } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderWatcher, type SyncEvent } from '../../core/interop/watch.ts';
import { coreAt } from '../interop/helpers.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

async function until<T>(what: string, probe: () => T | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const NOTE = (t: string) => `# ${t}\n\n${t} 포트 :: 80\n`;

describe('watched folders stay contained (issue #22, 9)', () => {
  it('a link out of the folder is skipped; the notes inside are imported', async () => {
    const { core, dir } = await coreAt('2026-04-01T09:00:00Z');
    const vault = join(dir, 'vault');
    const elsewhere = tmpDir();
    writeFiles(vault, { 'a.md': NOTE('a'), 'inner/b.md': NOTE('b') });
    writeFiles(elsewhere, { 'x.md': NOTE('x'), 'deep/y.md': NOTE('y') });
    symlinkSync(elsewhere, join(vault, 'docs'));
    symlinkSync(join(vault, 'inner'), join(vault, 'again')); // a link that stays inside is fine
    const events: SyncEvent[] = [];
    const w = new FolderWatcher(core.ctx, { debounceMs: 100, onSync: (e) => events.push(e) });
    await w.start([vault]);
    await w.close();
    const cards = core.ctx.db.prepare('SELECT source_file FROM cards ORDER BY source_file').all() as {
      source_file: string;
    }[];
    // b.md is found once, through whichever of inner/ and again/ comes first; nothing from the linked-out tree.
    expect(cards).toHaveLength(2);
    expect(cards.every((c) => c.source_file.startsWith(`${vault}/`))).toBe(true);
    expect(cards.some((c) => c.source_file.startsWith(join(vault, 'docs')))).toBe(false);
    core.close();
  });

  it('a first sync of more notes than the limit says how many and how to go on, and imports nothing', async () => {
    const { core, dir } = await coreAt('2026-04-01T09:00:00Z');
    const vault = join(dir, 'big');
    writeFiles(vault, Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`n${i}.md`, NOTE(`n${i}`)])));
    const before = process.env.KUBEDECK_WATCH_MAX_FILES;
    process.env.KUBEDECK_WATCH_MAX_FILES = '10';
    try {
      const events: SyncEvent[] = [];
      const w = new FolderWatcher(core.ctx, { onSync: (e) => events.push(e) });
      await w.start([vault]);
      await w.close();
      expect(events[0]!.error).toBe(
        `${vault}: has 12 notes; a watched folder is synced at most 10 notes at first. Import it once with: kubedeck import "${vault}" (or watch a smaller sub-folder)`,
      );
      expect(core.ctx.db.prepare('SELECT count(*) AS n FROM cards').get()).toEqual({ n: 0 });
    } finally {
      if (before === undefined) delete process.env.KUBEDECK_WATCH_MAX_FILES;
      else process.env.KUBEDECK_WATCH_MAX_FILES = before;
    }
    core.close();
  });
});

describe("a save during another process's write lock (issue #22, 8)", () => {
  it('is reported in Korean, not as "database is locked", and imported once the lock is gone', async () => {
    const { core, dir, db } = await coreAt('2026-04-01T09:00:00Z');
    const ko = { ...core.ctx, lang: 'ko' as const };
    const vault = join(dir, 'vault');
    writeFiles(vault, { 'a.md': NOTE('a') });
    const events: SyncEvent[] = [];
    const w = new FolderWatcher(ko, { debounceMs: 100, onSync: (e) => events.push(e) });
    await w.start([vault]);
    expect(events[0]!.error).toBeNull();
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D=require('better-sqlite3');const d=new D(${JSON.stringify(db)});d.exec('BEGIN IMMEDIATE');` +
          `console.log('held');setTimeout(()=>{d.exec('COMMIT');d.close()},3000)`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const released = new Promise((ok) => holder.once('exit', ok));
    await new Promise((ok) => holder.stdout.once('data', ok));
    const b = join(vault, 'b.md');
    writeFileSync(b, NOTE('b'));
    const busy = await until('the busy sync', () => events.find((e) => e.error !== null));
    expect(busy.error).toContain('다른 Kubedeck');
    expect(busy.error).not.toMatch(/database is locked/);
    await released;
    const synced = await until('the retried sync', () =>
      events.find((e) => e.error === null && e.files.includes(b)),
    );
    expect(synced.result!.summary.new).toBe(1);
    await w.close();
    core.close();
  }, 60_000);
});
