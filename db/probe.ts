import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { KubedeckError } from './errors.ts';

/** PRAGMA application_id marks a file as ours: "KDCK". */
export const APPLICATION_ID = 0x4b44434b;
const SQLITE_MAGIC = 'SQLite format 3\0';

export type Probe = { version: number; appId: number; tables: number };

/** The file exists with at least one byte (a 0-byte file is not a database, and not ours to overwrite). */
export function fileState(path: string): 'missing' | 'empty' | 'folder' | 'file' {
  if (!existsSync(path)) return 'missing';
  const st = statSync(path);
  if (st.isDirectory()) return 'folder';
  if (st.size > 0) return 'file';
  // SQLite keeps a freshly created database in its -wal until the first checkpoint: that is not an empty file.
  return existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0 ? 'file' : 'empty';
}

/** The file or the folder beside it (where -wal and -shm live) cannot be written, e.g. a read-only mount. */
export function isReadOnlyPlace(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * An in-memory copy of the file, for looking without touching: opening the file itself, even read-only, leaves
 * -wal and -shm beside a WAL-mode database, and cannot open one at all on a read-only mount.
 */
export function openCopy(path: string, bytes?: Buffer): Database.Database {
  // The bytes are ours (read for this probe), so the header is patched in place rather than copied once more.
  const copy = bytes ?? readFileSync(path);
  // Bytes 18-19 say "WAL"; an in-memory database has no WAL, so the copy says "rollback journal" instead.
  if (copy.length >= 20 && copy[18] === 2) copy[18] = copy[19] = 1;
  return new Database(copy, { readonly: true });
}

/**
 * The file with the commits still in its -wal, read without touching either: a session that did not close left a
 * -wal behind, and SQLite cannot read it where it may not create the -shm (a read-only folder). Both files are
 * copied to a private folder, the copy's WAL is folded in there, and the result is read from memory; the folder is
 * removed at once. Reading the main file alone would show the learner their collection without its last changes.
 */
export function openWithWal(path: string): Database.Database {
  const dir = mkdtempSync(join(tmpdir(), 'kubedeck-read-only-'));
  try {
    const copy = join(dir, basename(path));
    copyFileSync(path, copy);
    copyFileSync(`${path}-wal`, `${copy}-wal`);
    // The copies keep the originals' mode; the checkpoint writes to them.
    chmodSync(copy, 0o600);
    chmodSync(`${copy}-wal`, 0o600);
    const db = new Database(copy);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    return openCopy(copy, readFileSync(copy));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The -wal beside the file holds commits, and the -shm SQLite needs to read it is missing where it cannot be made. */
export function needsWalCopy(path: string): boolean {
  const wal = `${path}-wal`;
  return existsSync(wal) && statSync(wal).size > 0 && !existsSync(`${path}-shm`) && isReadOnlyPlace(path);
}

/** Header says N pages of P bytes, the file (`length` bytes) is shorter: it was cut off (a failed copy, a full disk). */
function truncation(path: string, bytes: Buffer, length: number): string | null {
  if (bytes.length < 100 || existsSync(`${path}-wal`)) return null;
  const raw = bytes.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = bytes.readUInt32BE(28);
  const valid = bytes.readUInt32BE(24) === bytes.readUInt32BE(92) && pages > 0;
  const want = pages * pageSize;
  if (!valid || length >= want) return null;
  return `truncated: ${length} of ${want} bytes`;
}

/**
 * Decides whether `path` is a healthy Kubedeck database of at most schema `target`, without modifying it or
 * creating anything beside it. Throws a one-line KubedeckError otherwise.
 */
export function probeDatabase(path: string, target: number): Probe {
  const bytes = probeFile(path);
  // With a -wal beside it the database is open elsewhere or was not closed: its sidecars already exist, and only
  // SQLite reading the WAL sees the latest commits. Otherwise look at a copy so nothing is created.
  const view = () =>
    !existsSync(`${path}-wal`)
      ? openCopy(path, bytes)
      : needsWalCopy(path)
        ? openWithWal(path)
        : new Database(path, { readonly: true, fileMustExist: true });
  const { version, appId, tables } = probeView(path, target, view, true);
  return { version, appId, tables };
}

/** A file, with a SQLite header that is not cut off: its bytes. Throws a one-line KubedeckError otherwise. */
export function probeFile(path: string): Buffer {
  refuseNonFile(path);
  const bytes = readFileSync(path);
  if (bytes.length > 0) refuseBadHeader(path, bytes, bytes.length);
  return bytes;
}

/**
 * Opens a view of the database with `open` and checks it is a healthy Kubedeck database of at most schema
 * `target`; any failure to read is reported as damage. With `close`, the view is closed after the check; without,
 * the caller keeps it (it is closed only when the check fails).
 */
export function probeView(
  path: string,
  target: number,
  open: () => Database.Database,
  close: boolean,
): Probe & { view: Database.Database } {
  let probe: Database.Database | undefined;
  try {
    probe = open();
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const version = probe.pragma('user_version', { simple: true }) as number;
    const tables = (
      probe.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }
    ).n;
    refuseForeignOrNewer(path, { version, appId, tables }, target);
    const check = probe.pragma('quick_check', { simple: true });
    if (check !== 'ok')
      throw new KubedeckError(
        'db-corrupt',
        `${path}: database is damaged (integrity check: ${String(check)}); it was not changed`,
      );
    if (close) probe.close();
    return { version, appId, tables, view: probe };
  } catch (e) {
    probe?.close();
    if (e instanceof KubedeckError) throw e;
    throw new KubedeckError(
      'db-corrupt',
      `${path}: database is damaged (cannot be read: ${(e as Error).message}); it was not changed`,
    );
  }
}

/**
 * What the 100-byte header says, without SQLite and without reading the rest of the file: refuses a folder, an empty
 * file, a foreign file, another program's SQLite database, a cut-off file and a newer schema. A file that passes is
 * ours (or a blank SQLite file) and may be opened; whether its pages are sound is quick_check's question.
 */
export function probeHeader(path: string, target: number): Probe {
  refuseNonFile(path);
  const head = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  const size = statSync(path).size;
  if (size === 0) return { version: 0, appId: 0, tables: 0 }; // the database so far lives in its -wal
  // A file shorter than SQLite's 100-byte header is no SQLite database.
  refuseBadHeader(path, n < 100 ? Buffer.alloc(0) : head, size);
  const version = head.readUInt32BE(60);
  const appId = head.readUInt32BE(68);
  // The schema cookie changes with every CREATE: 0 means no table was ever made.
  const tables = head.readUInt32BE(40) === 0 ? 0 : 1;
  refuseForeignOrNewer(path, { version, appId, tables }, target);
  return { version, appId, tables };
}

/** A folder, or an empty file (which is not ours to overwrite), is refused before anything reads it. */
function refuseNonFile(path: string): void {
  const state = fileState(path);
  if (state === 'folder') throw new KubedeckError('db-not-file', `${path}: is a folder, not a database file`);
  if (state === 'empty')
    throw new KubedeckError(
      'db-empty',
      `${path}: is an empty file (0 bytes), not a Kubedeck database; refusing to use it (delete it, or give --db a path that does not exist yet)`,
    );
}

/** `head` holds the file's first bytes, `length` the file's size. */
function refuseBadHeader(path: string, head: Buffer, length: number): void {
  if (head.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC)
    throw new KubedeckError(
      'db-foreign',
      `${path}: not a Kubedeck database (not an SQLite file); refusing to touch it`,
    );
  const cut = truncation(path, head, length);
  if (cut) throw new KubedeckError('db-corrupt', `${path}: database is damaged (${cut}); it was not changed`);
}

function refuseForeignOrNewer(path: string, p: Probe, target: number): void {
  if (p.appId !== APPLICATION_ID && !(p.appId === 0 && p.tables === 0))
    throw new KubedeckError(
      'db-foreign',
      `${path}: not a Kubedeck database (application_id ${p.appId}); refusing to touch it`,
    );
  if (p.version > target)
    throw new KubedeckError(
      'db-newer',
      `${path}: database schema version ${p.version} is newer than this Kubedeck (${target}); update Kubedeck`,
    );
}
