import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { type FSWatcher, watch } from 'chokidar';
import type { Ctx } from '../context.ts';
import { isBusy } from '../db-errors.ts';
import { collectNoteFiles } from '../import/collect-files.ts';
import { finishDeferredChecks } from '../import/deferred-checks.ts';
import { say } from '../safety/messages.ts';
import { importNotes, type NotesImportResult } from './notes-import.ts';
import { watchedFolders } from './watch-folders.ts';

const NOTE_EXT = /\.(md|markdown)$/i;
/** How soon a sync that met another process's write lock is tried again. */
const BUSY_RETRY_MS = 1000;

/** A first sync of more notes than this is refused with a message (KUBEDECK_WATCH_MAX_FILES changes it). */
export function firstSyncLimit(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.KUBEDECK_WATCH_MAX_FILES);
  return Number.isInteger(n) && n > 0 ? n : 2000;
}

/** One sync: the files a save touched, imported together (a card moved between two files keeps its history). */
export type SyncEvent = {
  at: string;
  files: string[];
  removed: string[];
  result: NotesImportResult | null;
  error: string | null;
};

export type WatchOptions = { debounceMs?: number; onSync?: (e: SyncEvent) => void };

const ignored = (path: string, stats?: { isFile(): boolean }) =>
  path.split(sep).some((p) => p.startsWith('.') || p === 'node_modules') ||
  (stats?.isFile() === true && !NOTE_EXT.test(path));

/**
 * Watches note folders and re-imports only what changed, debounced: an editor's burst of writes is one import, and a
 * save costs one note's import, not the folder's. On start (and when a folder is added) each folder is imported
 * once as a whole, which catches up with edits made while nothing was watching.
 */
export class FolderWatcher {
  private fsw: FSWatcher | null = null;
  private changed = new Set<string>();
  private gone = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private ready = false;
  private readonly debounceMs: number;

  constructor(
    private readonly ctx: Ctx,
    private readonly opts: WatchOptions = {},
  ) {
    this.debounceMs = opts.debounceMs ?? 300;
  }

  /** Imports every folder once, then watches them; resolves when the watcher is ready. */
  async start(folders: string[]): Promise<void> {
    this.ctx.host.watcher = this;
    for (const f of folders) this.catchUp(f);
    // Files found by the first scan were just imported by the catch-up; after that, every file chokidar reports
    // counts, including the existing files of a folder added later (a file saved while that scan runs is not lost).
    this.fsw = watch(folders, {
      ignoreInitial: false,
      ignored,
      awaitWriteFinish: false,
      followSymlinks: false,
    });
    const onFile = (path: string) => {
      if (!this.ready || !NOTE_EXT.test(path)) return;
      this.gone.delete(path);
      this.changed.add(path);
      this.schedule();
    };
    this.fsw.on('add', onFile);
    this.fsw.on('change', onFile);
    this.fsw.on('unlink', (path: string) => {
      if (!NOTE_EXT.test(path)) return;
      this.changed.delete(path);
      this.gone.add(path);
      this.schedule();
    });
    this.fsw.on('error', (e) => this.emit({ files: [], removed: [], result: null, error: String(e) }));
    await new Promise<void>((done) => this.fsw?.once('ready', () => done()));
    this.ready = true;
  }

  add(folder: string): void {
    this.fsw?.add(folder);
    this.catchUp(folder);
  }

  remove(folder: string): void {
    this.fsw?.unwatch(folder);
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.flush();
    if (this.ctx.host.watcher === this) this.ctx.host.watcher = undefined;
    await this.fsw?.close();
    this.fsw = null;
  }

  private catchUp(folder: string) {
    if (!existsSync(folder)) {
      this.emit({ files: [folder], removed: [], result: null, error: `${folder}: no such folder` });
      return;
    }
    // The folder's real path bounds the walk: a link out of it (to /usr/share/doc) is not the learner's notes.
    const collected = collectNoteFiles([folder], process.cwd(), { stayInside: true });
    const max = firstSyncLimit();
    if (collected.files.length > max) {
      this.emit({
        files: [folder],
        removed: [],
        result: null,
        error: say(this.ctx.lang, 'watchTooMany', { folder, n: collected.files.length, max }),
      });
      return;
    }
    this.run([folder], [], () => importNotes(this.ctx, { collected }));
  }

  private schedule() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.debounceMs);
  }

  private flush() {
    this.timer = null;
    const files = [...this.changed].filter((f) => existsSync(f)).sort();
    const removed = [...this.gone].sort();
    this.changed.clear();
    this.gone.clear();
    if (files.length === 0 && removed.length === 0) return;
    this.run(files, removed, () =>
      importNotes(this.ctx, {
        collected: { files: files.map((abs) => ({ abs, source: abs })), folders: [] },
        removed,
      }),
    );
  }

  private run(files: string[], removed: string[], work: () => NotesImportResult) {
    try {
      const { deferredChecks, ...result } = work();
      this.emit({ files, removed, result, error: null });
      // Manifests wait for the grader, loaded on first need; their findings land a moment after the sync.
      if (deferredChecks?.length)
        finishDeferredChecks(this.ctx, { ...result, deferredChecks }, false).catch(() => {});
    } catch (e) {
      if (isBusy(e)) {
        // Another process holds the write lock: the same files are synced again shortly, and the learner hears so.
        for (const f of files) if (NOTE_EXT.test(f)) this.changed.add(f);
        for (const f of removed) this.gone.add(f);
        if (files.some((f) => !NOTE_EXT.test(f)))
          this.retryFolders.push(...files.filter((f) => !NOTE_EXT.test(f)));
        this.retryLater();
        const shown = [...files, ...removed].join(', ');
        this.emit({ files, removed, result: null, error: say(this.ctx.lang, 'watchBusy', { files: shown }) });
        return;
      }
      // A sync that fails (a vanished file) must not stop the watcher; the next save retries.
      this.emit({ files, removed, result: null, error: (e as Error).message });
    }
  }

  private retryFolders: string[] = [];

  private retryLater() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const folders = this.retryFolders.splice(0);
      for (const f of folders) this.catchUp(f);
      this.flush();
    }, BUSY_RETRY_MS);
  }

  private emit(e: Omit<SyncEvent, 'at'>) {
    this.opts.onSync?.({ at: this.ctx.now().toISOString(), ...e });
  }
}

/** For serve and Electron: watch the stored folders in the core process, if there are any. */
export async function watchStoredFolders(ctx: Ctx, opts: WatchOptions = {}): Promise<FolderWatcher> {
  const w = new FolderWatcher(ctx, opts);
  await w.start(watchedFolders(ctx));
  return w;
}
