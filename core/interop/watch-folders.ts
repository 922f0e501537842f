import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { KubedeckError } from '../../db/errors.ts';
import { getJsonSetting, setSetting } from '../../db/settings.ts';
import type { Ctx } from '../context.ts';

/** The stored list of watched note folders; the watcher itself (chokidar) loads only where one runs. */
const KEY = 'interop.watchFolders';

export const watchedFolders = (ctx: Ctx): string[] => getJsonSetting<string[]>(ctx.db, KEY, []);

export async function addWatchedFolder(ctx: Ctx, folder: string): Promise<string[]> {
  const abs = resolve(folder);
  if (!existsSync(abs) || !statSync(abs).isDirectory())
    throw new KubedeckError('no-such-folder', `${folder}: no such folder`);
  const list = watchedFolders(ctx);
  if (!list.includes(abs)) list.push(abs);
  setSetting(ctx.db, KEY, JSON.stringify(list));
  // A watcher not started yet imports the folder as it starts (it reads the list just stored).
  if (!ctx.host.watcher && ctx.host.startWatcher) await ctx.host.startWatcher();
  else ctx.host.watcher?.add(abs);
  return list;
}

export function removeWatchedFolder(ctx: Ctx, folder: string): string[] {
  const abs = resolve(folder);
  const list = watchedFolders(ctx);
  if (!list.includes(abs)) throw new KubedeckError('not-watched', `${folder}: not a watched folder`);
  const next = list.filter((f) => f !== abs);
  setSetting(ctx.db, KEY, JSON.stringify(next));
  ctx.host.watcher?.remove(abs);
  return next;
}
