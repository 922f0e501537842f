import { closeSync, existsSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { KubedeckError } from '../../db/errors.ts';
import { APPLICATION_ID } from '../../db/probe.ts';
import type { Lang } from '../context.ts';
import { say } from './messages.ts';

const SIDECARS = ['-wal', '-shm', '-journal'];

/** The path with links resolved as far as it exists (the file itself may not exist yet). */
function realish(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    try {
      return resolve(realpathSync(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

/** The first 100 bytes say "SQLite" and carry Kubedeck's application_id. */
function isKubedeckDatabase(path: string): boolean {
  let fd: number | undefined;
  try {
    if (!statSync(path).isFile()) return false;
    fd = openSync(path, 'r');
    const head = Buffer.alloc(100);
    if (readSync(fd, head, 0, 100, 0) < 100) return false;
    return (
      head.subarray(0, 15).toString('latin1') === 'SQLite format 3' &&
      head.readUInt32BE(68) === APPLICATION_ID
    );
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Refuses an export's output path before anything is written: the open database, its -wal/-shm/-journal, any other
 * Kubedeck database (or its sidecar), a folder, or a file in a folder that does not exist.
 */
export function checkExportTarget(out: string, dbPath: string, lang: Lang, ext: string): void {
  const target = realish(out);
  const live = dbPath === ':memory:' ? null : realish(dbPath);
  const base = SIDECARS.reduce((p, s) => (p.endsWith(s) ? p.slice(0, -s.length) : p), target);
  const isLive = live !== null && (target === live || SIDECARS.some((s) => target === `${live}${s}`));
  if (isLive || isKubedeckDatabase(target) || (base !== target && isKubedeckDatabase(base)))
    throw new KubedeckError('export-over-database', say(lang, 'exportOverDatabase', { file: out }), 2);
  if (existsSync(target) && statSync(target).isDirectory())
    throw new KubedeckError('export-is-folder', say(lang, 'exportIsFolder', { file: out, ext }), 2);
  const dir = dirname(resolve(out));
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new KubedeckError('export-no-folder', say(lang, 'exportNoFolder', { file: out, dir }), 2);
}

/** A write that failed on the file system (EACCES, ENOSPC, EISDIR ...) as one line naming the file. */
export function writeFailure(e: unknown, file: string, lang: Lang): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return e;
  return new KubedeckError('cannot-write', say(lang, 'cannotWrite', { file, why: code }));
}
