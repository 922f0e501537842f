import { KubedeckError } from '../db/errors.ts';
import { checkpointWhenIdle, defaultDbPath, openDatabase } from '../db/open.ts';
import type { ApiArgs, ApiName, ApiResult, Envelope } from './api.ts';
import { loadBundledDecks } from './bundled.ts';
import type { Ctx, Lang } from './context.ts';
import { handlers } from './handlers/index.ts';

export type CoreOptions = {
  dbPath?: string;
  now?: () => Date;
  lang?: Lang;
  /** Load the bundled decks into a new database (default true; KUBEDECK_NO_BUNDLED=1 turns it off). */
  bundled?: boolean;
};

/** Per call: the language messages and labels come back in (the transport's, else the core's default). */
export type CallOptions = { lang?: Lang };

export type Core = {
  ctx: Ctx;
  /** Throws KubedeckError on bad input; use `send` where an envelope is wanted. */
  call<K extends ApiName>(name: K, args: ApiArgs<K>, opts?: CallOptions): Promise<ApiResult<K>>;
  send<K extends ApiName>(name: K, args: unknown, opts?: CallOptions): Promise<Envelope<ApiResult<K>>>;
  close(): void;
};

export function bundledWanted(opt: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (opt !== undefined) return opt;
  return !(env.KUBEDECK_NO_BUNDLED && env.KUBEDECK_NO_BUNDLED !== '0');
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

  async function call<K extends ApiName>(name: K, args: unknown, opts?: CallOptions): Promise<ApiResult<K>> {
    const def = (handlers as Record<string, (typeof handlers)[keyof typeof handlers]>)[name as string];
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
    const callCtx = opts?.lang && opts.lang !== ctx.lang ? { ...ctx, lang: opts.lang } : ctx;
    const result = (await def.run(callCtx, parsed.data as never)) as ApiResult<K>;
    armIdleCheckpoint();
    return result;
  }

  return {
    ctx,
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
      db.close();
    },
  };
}
