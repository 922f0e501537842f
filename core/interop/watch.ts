import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { type FSWatcher, watch } from 'chokidar';
import type { Ctx } from '../context.ts';
import { importNotes, type NotesImportResult } from './notes-import.ts';
import { watchedFolders } from './watch-folders.ts';

const NOTE_EXT = /\.(md|markdown)$/i;

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
    this.fsw = watch(folders, { ignoreInitial: false, ignored, awaitWriteFinish: false });
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
    this.run([folder], [], () => importNotes(this.ctx, { paths: [folder] }));
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
      this.emit({ files, removed, result: work(), error: null });
    } catch (e) {
      // A sync that fails (a locked database, a vanished file) must not stop the watcher; the next save retries.
      this.emit({ files, removed, result: null, error: (e as Error).message });
    }
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
