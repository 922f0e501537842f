import { KubedeckError } from '../db/errors.ts';
import { checkpointWhenIdle, defaultDbPath, openDatabase } from '../db/open.ts';
import type { ApiArgs, ApiName, ApiResult, Envelope } from './api.ts';
import { loadBundledDecks } from './bundled.ts';
import type { Ctx, Lang } from './context.ts';
import { isBusy, learnerDbError } from './db-errors.ts';
import { handlers } from './handlers/index.ts';

export type CoreOptions = {
  dbPath?: string;
  now?: () => Date;
  lang?: Lang;
  /** Load the bundled decks into a new database (default true; KUBEDECK_NO_BUNDLED=1 turns it off). */
  bundled?: boolean;
};

export type Core = {
  ctx: Ctx;
  /** Throws KubedeckError on bad input; use `send` where an envelope is wanted. */
  call<K extends ApiName>(name: K, args: ApiArgs<K>): Promise<ApiResult<K>>;
  send<K extends ApiName>(name: K, args: unknown): Promise<Envelope<ApiResult<K>>>;
  close(): void;
};

export function bundledWanted(opt: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (opt !== undefined) return opt;
  return !(env.KUBEDECK_NO_BUNDLED && env.KUBEDECK_NO_BUNDLED !== '0');
}

const BUSY_RETRY_MS = 20_000;
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
      throw learnerDbError(e, ctx.dbPath);
    }
  }
}

export function openCore(opts: CoreOptions = {}): Core {
  const dbPath = opts.dbPath ?? defaultDbPath();
  const { db } = openDatabase(dbPath);
  const ctx: Ctx = { db, dbPath, now: opts.now ?? (() => new Date()), lang: opts.lang ?? 'ko' };
  try {
    if (bundledWanted(opts.bundled)) loadBundledDecks(ctx);
  } catch (e) {
    db.close();
    throw e;
  }

  // Long-lived hosts (serve, Electron) checkpoint the WAL once calls pause; a CLI run checkpoints on close.
  let idle: NodeJS.Timeout | undefined;
  const armIdleCheckpoint = () => {
    clearTimeout(idle);
    idle = setTimeout(() => checkpointWhenIdle(db), 1000).unref();
  };

  async function call<K extends ApiName>(name: K, args: unknown): Promise<ApiResult<K>> {
    // Own properties only: "__proto__", "constructor" or "toString" must not reach Object.prototype.
    const table = handlers as Record<string, (typeof handlers)[keyof typeof handlers]>;
    const def = typeof name === 'string' && Object.hasOwn(table, name) ? table[name] : undefined;
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
    const result = (await runWithRetry<unknown>(
      () => def.run(ctx, parsed.data as never),
      ctx,
    )) as ApiResult<K>;
    armIdleCheckpoint();
    return result;
  }

  return {
    ctx,
    call,
    async send(name, args) {
      try {
        return { ok: true, value: await call(name, args) };
      } catch (e) {
        if (e instanceof KubedeckError) return { ok: false, error: { code: e.code, message: e.message } };
        return { ok: false, error: { code: 'internal', message: (e as Error).message } };
      }
    },
    close() {
      clearTimeout(idle);
      db.close();
    },
  };
}
