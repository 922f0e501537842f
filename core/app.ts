import { backupsDir, connectionChanges, removeAbandonedPartials } from '../db/backup.ts';
import { KubedeckError } from '../db/errors.ts';
import { checkpointWhenIdle, defaultDbPath, type OpenResult, openDatabase } from '../db/open.ts';
import type { ApiArgs, ApiName, ApiResult, Envelope } from './api.ts';
import { backupIfDue, restoreHint } from './backups.ts';
import { loadBundledDecks } from './bundled.ts';
import { callGate } from './call-gate.ts';
import { checkDay } from './check-day.ts';
import type { Ctx, Lang } from './context.ts';
import { isBusy, learnerDbError } from './db-errors.ts';
import type { Progress } from './handler.ts';
import { loadHandler } from './handlers/lazy.ts';
import { say } from './safety/messages.ts';

export type CoreOptions = {
  dbPath?: string;
  now?: () => Date;
  lang?: Lang;
  /** Load the bundled decks into a new database (default true; KUBEDECK_NO_BUNDLED=1 turns it off). */
  bundled?: boolean;
  /** Grade and import files in worker threads (core/offthread): for serve and the desktop app. */
  offThread?: boolean;
};

/**
 * Per call: the language messages and labels come back in (the transport's, else the core's default), and where a
 * long call (an import) reports its progress.
 */
export type CallOptions = { lang?: Lang; progress?: Progress; remote?: boolean };

export type Core = {
  ctx: Ctx;
  /**
   * Settles once a new (or outdated) database has the bundled decks; every call waits for it. Rejects with what
   * went wrong, e.g. for `serve` to report before it listens.
   */
  ready: Promise<unknown>;
  /** Throws KubedeckError on bad input; use `send` where an envelope is wanted. */
  call<K extends ApiName>(name: K, args: ApiArgs<K>, opts?: CallOptions): Promise<ApiResult<K>>;
  send<K extends ApiName>(name: K, args: unknown, opts?: CallOptions): Promise<Envelope<ApiResult<K>>>;
  close(): void;
  /** Things done while opening that the learner should hear of (in the core's language), e.g. leftovers removed. */
  notices: string[];
  /** Takes the automatic backup if one is due (at most every 30 minutes of use), then closes. */
  shutdown(): Promise<void>;
};

export function bundledWanted(opt: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (opt !== undefined) return opt;
  return !(env.KUBEDECK_NO_BUNDLED && env.KUBEDECK_NO_BUNDLED !== '0');
}

const BUSY_RETRY_MS = 20_000;
const CALL_BUSY_TIMEOUT_MS = 250;
const IDLE_MS = 1000;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Every write takes BEGIN IMMEDIATE and waits busy_timeout for the lock; if another process still holds it, the
 * whole call (which rolled back) runs again, so a learner never sees "database is locked" while a long import runs.
 */
async function runWithRetry<T>(run: () => T | Promise<T>, ctx: Ctx): Promise<T> {
  const deadline = Date.now() + BUSY_RETRY_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (isBusy(e) && !ctx.db.inTransaction && Date.now() < deadline) {
        await sleep(Math.min(200, 10 * 2 ** attempt) * (0.5 + Math.random()));
        continue;
      }
      throw learnerDbError(e, ctx.dbPath, ctx.lang);
    }
  }
}

/** A damaged database is reported in one line that names the newest backup and the command that restores it. */
function openOrExplain(dbPath: string, now: () => Date): OpenResult {
  try {
    return openDatabase(dbPath, { now, checkDay: (setting) => checkDay(now(), setting) });
  } catch (e) {
    if (e instanceof KubedeckError && e.code === 'db-corrupt')
      throw new KubedeckError(e.code, `${e.message}; ${restoreHint(dbPath)}`);
    throw learnerDbError(e, dbPath);
  }
}

/** A killed backup's .partial file and journal, removed on the next open and reported. */
function cleanLeftovers(dbPath: string, lang: Lang, readOnly: boolean): string[] {
  if (dbPath === ':memory:' || readOnly) return [];
  const dir = backupsDir(dbPath);
  const names = removeAbandonedPartials(dir);
  return names.length
    ? [say(lang, 'leftoversRemoved', { dir, n: names.length, names: names.join(', ') })]
    : [];
}

export function openCore(opts: CoreOptions = {}): Core {
  const dbPath = opts.dbPath ?? defaultDbPath();
  const now = opts.now ?? (() => new Date());
  const { db, readOnly } = openOrExplain(dbPath, now);
  // A statement waits only briefly for another process's write lock; the call is then retried after an async sleep
  // (runWithRetry), so a long-lived host (serve, the desktop app) keeps answering other requests meanwhile.
  db.pragma(`busy_timeout = ${CALL_BUSY_TIMEOUT_MS}`);
  const notices = cleanLeftovers(dbPath, opts.lang ?? 'ko', readOnly);
  const ctx: Ctx = {
    db,
    dbPath,
    now,
    lang: opts.lang ?? 'ko',
    readOnly,
    offThread: opts.offThread,
    host: {},
  };
  // Cheap when the bundled decks are current (the notes' sizes and times); only a new or outdated database loads
  // the importer (markdown-it), so an everyday run never pays for it.
  let changesAtBackup = 0;
  if (opts.offThread) void import('./offthread/run.ts').then((m) => m.prewarmGrading());
  const ready = (bundledWanted(opts.bundled) && !readOnly ? loadBundledDecks(ctx) : Promise.resolve(null))
    .catch((e) => {
      throw learnerDbError(e, dbPath);
    })
    .finally(() => {
      // Changes made while opening (bundled decks, migrations) are not what a backup is for.
      if (ctx.db.open) changesAtBackup = connectionChanges(ctx.db);
    });
  ready.catch(() => {}); // reported by every call (and by `await core.ready`), never as an unhandled rejection
  let backingUp: Promise<unknown> | null = null;
  const backupNowIfDue = () => {
    backingUp ??= backupIfDue(ctx.db, dbPath, ctx.now(), connectionChanges(ctx.db) > changesAtBackup)
      .then((taken) => {
        if (taken) changesAtBackup = connectionChanges(ctx.db);
      })
      // A failed automatic backup (full disk, folder gone) must not take the app down; the next one tries again.
      .catch(() => {})
      .finally(() => {
        backingUp = null;
      });
    return backingUp;
  };

  // Long-lived hosts (serve, Electron) checkpoint the WAL and take the due backup once calls pause; a CLI run does
  // both on close.
  let idle: NodeJS.Timeout | undefined;
  const armIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      checkpointWhenIdle(ctx.db);
      void backupNowIfDue();
    }, IDLE_MS).unref();
  };

  const gate = callGate();
  async function call<K extends ApiName>(name: K, args: unknown, opts?: CallOptions): Promise<ApiResult<K>> {
    await ready;
    // Own properties only (lazy.ts): "__proto__", "constructor" or "toString" must not reach Object.prototype.
    const def = typeof name === 'string' ? await loadHandler(name) : undefined;
    if (!def) throw new KubedeckError('unknown-handler', `unknown API call: ${String(name)}`, 2);
    const parsed = def.args.safeParse(args ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      throw new KubedeckError(
        'bad-args',
        `${String(name)}: ${where}${issue?.message ?? 'invalid arguments'}`,
        2,
      );
    }
    const callCtx =
      (opts?.lang && opts.lang !== ctx.lang) || opts?.remote
        ? { ...ctx, lang: opts?.lang ?? ctx.lang, remote: opts?.remote === true, origin: ctx }
        : ctx;
    const def2 = def as { run: (c: Ctx, a: never, p?: Progress) => unknown; exclusive?: boolean };
    const result = (await gate(def2.exclusive === true, () =>
      runWithRetry<unknown>(() => def2.run(callCtx, parsed.data as never, opts?.progress), callCtx),
    )) as ApiResult<K>;
    // A restore reopens the database on the context it was given: the core keeps the new connection.
    if (callCtx.db !== ctx.db) ctx.db = callCtx.db;
    armIdle();
    return result;
  }

  return {
    ctx,
    ready,
    notices,
    call,
    async send(name, args, opts) {
      try {
        return { ok: true, value: await call(name, args, opts) };
      } catch (e) {
        if (e instanceof KubedeckError) return { ok: false, error: { code: e.code, message: e.message } };
        return { ok: false, error: { code: 'internal', message: (e as Error).message } };
      }
    },
    close() {
      clearTimeout(idle);
      ctx.db.close();
    },
    async shutdown() {
      clearTimeout(idle);
      if (backingUp) await backingUp;
      if (ctx.db.open) await backupNowIfDue();
      if (ctx.db.open) ctx.db.close();
    },
  };
}
