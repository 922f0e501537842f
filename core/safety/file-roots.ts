import { realpathSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, resolve, sep } from 'node:path';
import { KubedeckError } from '../../db/errors.ts';
import { BUNDLED_NOTES_DIR } from '../bundled.ts';
import type { Ctx } from '../context.ts';
import { uploadsDir } from '../import/uploads.ts';
import { watchedFolders } from '../interop/watch-folders.ts';

/** A path with its links resolved as far as it exists (a file about to be written may not exist yet). */
export function realPath(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(realPath(parent), basename(abs));
  }
}

const inside = (path: string, root: string) =>
  path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

/**
 * Where a remote caller (the browser UI over `serve`) may read notes and images: uploads, the data folder, watched
 * folders and the bundled notes, as real paths, so a link inside them that leads elsewhere (to /etc/passwd) is refused too. A local
 * caller (the CLI, the desktop app's own dialogs) is not restricted.
 */
export function readRoots(ctx: Ctx, env: NodeJS.ProcessEnv = process.env): string[] {
  // KUBEDECK_SERVE_ROOTS adds folders for whoever starts serve (the e2e harness's fixtures); never a caller's choice.
  const extra = (env.KUBEDECK_SERVE_ROOTS ?? '').split(delimiter).filter(Boolean);
  return [uploadsDir(ctx), dirname(ctx.dbPath), BUNDLED_NOTES_DIR, ...watchedFolders(ctx), ...extra].map(
    realPath,
  );
}

/** Where a remote caller may write an export or choose a folder to watch: home, temp and the data folder. */
export function userRoots(ctx: Ctx): string[] {
  return [homedir(), tmpdir(), dirname(ctx.dbPath)].map(realPath);
}

/** Throws unless the call is local or `path` (links resolved) lies inside one of `roots`. */
export function requireInside(ctx: Ctx, path: string, roots: (ctx: Ctx) => string[]): void {
  if (!ctx.remote) return;
  const real = realPath(path);
  if (roots(ctx).some((r) => inside(real, r))) return;
  throw new KubedeckError(
    'outside-roots',
    ctx.lang === 'ko'
      ? `${path}: 브라우저에서는 업로드한 노트, 감시 중인 폴더, 기본 노트만 읽고 씁니다. 이 경로는 그 밖에 있습니다`
      : `${path}: over the browser UI Kubedeck reads and writes only uploads, watched folders and the bundled notes; this path is outside them`,
    2,
  );
}
