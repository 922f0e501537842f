import { KubedeckError } from '../db/errors.ts';
import { checkpointWhenIdle, defaultDbPath, openDatabase } from '../db/open.ts';
import type { ApiArgs, ApiName, ApiResult, Envelope } from './api.ts';
import { loadBundledDecks } from './bundled.ts';
import { checkDay } from './check-day.ts';
import type { Ctx, Lang } from './context.ts';
import { loadHandler } from './handlers/lazy.ts';

export type CoreOptions = {
  dbPath?: string;
  now?: () => Date;
  lang?: Lang;
  /** Load the bundled decks into a new database (default true; KUBEDECK_NO_BUNDLED=1 turns it off). */
  bundled?: boolean;
};

export type Core = {
  ctx: Ctx;
  /**
   * Settles once a new (or outdated) database has the bundled decks; every call waits for it. Rejects with what
   * went wrong, e.g. for `serve` to report before it listens.
   */
  ready: Promise<unknown>;
  /** Throws KubedeckError on bad input; use `send` where an envelope is wanted. */
  call<K extends ApiName>(name: K, args: ApiArgs<K>): Promise<ApiResult<K>>;
  send<K extends ApiName>(name: K, args: unknown): Promise<Envelope<ApiResult<K>>>;
  close(): void;
};

export function bundledWanted(opt: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (opt !== undefined) return opt;
  return !(env.KUBEDECK_NO_BUNDLED && env.KUBEDECK_NO_BUNDLED !== '0');
}

export function openCore(opts: CoreOptions = {}): Core {
  const dbPath = opts.dbPath ?? defaultDbPath();
  const now = opts.now ?? (() => new Date());
  const { db } = openDatabase(dbPath, { checkDay: (setting) => checkDay(now(), setting) });
  const ctx: Ctx = { db, dbPath, now, lang: opts.lang ?? 'ko' };
  // Cheap when the bundled decks are current (the notes' sizes and times); only a new or outdated database loads
  // the importer (markdown-it), so an everyday run never pays for it.
  const ready = bundledWanted(opts.bundled) ? loadBundledDecks(ctx) : Promise.resolve(null);
  ready.catch(() => {}); // reported by every call (and by `await core.ready`), never as an unhandled rejection

  // Long-lived hosts (serve, Electron) checkpoint the WAL once calls pause; a CLI run checkpoints on close.
  let idle: NodeJS.Timeout | undefined;
  const armIdleCheckpoint = () => {
    clearTimeout(idle);
    idle = setTimeout(() => checkpointWhenIdle(db), 1000).unref();
  };

  async function call<K extends ApiName>(name: K, args: unknown): Promise<ApiResult<K>> {
    await ready;
    const def = await loadHandler(name as string);
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
    const result = (await def.run(ctx, parsed.data as never)) as ApiResult<K>;
    armIdleCheckpoint();
    return result;
  }

  return {
    ctx,
    ready,
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
