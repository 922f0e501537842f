import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { DB } from './open.ts';
import { openCopy } from './probe.ts';

/** Backups live in the user-data folder, beside the database. */
export const backupsDir = (dbPath: string) => join(dirname(dbPath), 'backups');

export type BackupFile = { path: string; name: string; takenAt: Date; reason: string; size: number };

const NAME_RE = /^kubedeck-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)-([a-z0-9-]+)\.sqlite$/;

export function backupName(at: Date, reason: string): string {
  return `kubedeck-${at.toISOString().replace(/[:.]/g, '-')}-${reason}.sqlite`;
}

function parseName(name: string): { takenAt: Date; reason: string } | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const [d, t] = m[1]!.split('T') as [string, string];
  const [hh, mm, ss, ms] = t.replace('Z', '').split('-');
  const takenAt = new Date(`${d}T${hh}:${mm}:${ss}.${ms}Z`);
  return Number.isNaN(takenAt.getTime()) ? null : { takenAt, reason: m[2]! };
}

/** Our backup files in the folder, newest first. Files of other names are never listed (nor ever deleted). */
export function listBackupFiles(dir: string): BackupFile[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const out: BackupFile[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseName(name);
    if (!parsed) continue;
    const path = join(dir, name);
    out.push({ path, name, ...parsed, size: statSync(path).size });
  }
  return out.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.name.localeCompare(a.name));
}

const LEFTOVER_RE = /^kubedeck-.*\.sqlite\.partial(-journal|-wal|-shm)?$/;
/** A backup still being written touches its file every moment; one untouched this long was abandoned. */
export const ABANDONED_MS = 5 * 60 * 1000;

/**
 * Removes what a killed backup leaves in the folder (`….sqlite.partial` and its journal), which is never listed as
 * a backup and never pruned. A file written to within ABANDONED_MS may be another process's backup in progress and
 * is left. Returns the names removed.
 */
export function removeAbandonedPartials(dir: string, nowMs = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // no folder (or not a folder): nothing left behind; taking a backup will say what is wrong
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!LEFTOVER_RE.test(name)) continue;
    const path = join(dir, name);
    try {
      if (nowMs - statSync(path).mtimeMs < ABANDONED_MS) continue;
      rmSync(path, { force: true });
      removed.push(name);
    } catch {
      // gone already, or not ours to remove: the next open tries again
    }
  }
  return removed;
}

/** A name not yet taken in `dir` (two backups in one millisecond get -2, -3 ...). */
export function freshBackupPath(dir: string, at: Date, reason: string): string {
  mkdirSync(dir, { recursive: true });
  let path = join(dir, backupName(at, reason));
  for (let i = 2; existsSync(path); i++) path = join(dir, backupName(at, `${reason}-${i}`));
  return path;
}

/** A backup is a plain rollback-journal file, so reading it later creates no -wal/-shm in the backups folder. */
function settle(tmp: string, dest: string): void {
  const f = new Database(tmp);
  f.pragma('journal_mode = DELETE');
  f.close();
  renameSync(tmp, dest);
}

/**
 * SQLite's online backup API: copies page by page between steps, so the app keeps answering meanwhile, and
 * restarts by itself if a write lands during the copy. Written under a temporary name and renamed when whole.
 */
export async function writeBackup(db: DB, dest: string): Promise<void> {
  const tmp = `${dest}.partial`;
  try {
    await db.backup(tmp);
    settle(tmp, dest);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** A backup of a database file nobody in this process has open (the CLI's restore saving the current state). */
export async function writeBackupOfFile(dbPath: string, dest: string): Promise<void> {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await writeBackup(db, dest);
  } finally {
    db.close();
  }
}

/** The same consistent copy, synchronously (VACUUM INTO): for the backup before a migration, taken while opening. */
export function writeBackupSync(db: DB, dest: string): void {
  const tmp = `${dest}.partial`;
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    settle(tmp, dest);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export type BackupCounts = { cards: number; reviews: number; version: number };

/** Card and review counts of a backup file, read without creating anything beside it; null if unreadable. */
export function backupCounts(path: string): BackupCounts | null {
  let db: DB | undefined;
  try {
    const wal = readFileSync(path).subarray(18, 19)[0] === 2;
    db = wal ? openCopy(path) : new Database(path, { readonly: true, fileMustExist: true });
    const n = (sql: string) => (db!.prepare(sql).get() as { n: number }).n;
    return {
      cards: n('SELECT count(*) AS n FROM cards'),
      reviews: n('SELECT count(*) AS n FROM review_log'),
      version: db.pragma('user_version', { simple: true }) as number,
    };
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/**
 * Writes the backup's pages into the live database through the backup API: connections that have it open (the app,
 * `kubedeck serve`) see the restored data on their next read instead of writing into an unlinked file.
 */
export async function restoreInto(backup: string, dbPath: string): Promise<void> {
  const src = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await src.backup(dbPath);
  } finally {
    src.close();
  }
}

/** For a database that cannot be opened at all (so nobody has it open): the backup replaces the file outright. */
export function replaceWithCopy(backup: string, dbPath: string): void {
  const tmp = join(dirname(dbPath), `.${basename(dbPath)}.restoring`);
  copyFileSync(backup, tmp);
  for (const side of ['-wal', '-shm', '-journal']) rmSync(`${dbPath}${side}`, { force: true });
  renameSync(tmp, dbPath);
}

/** Byte copies of a damaged database and its WAL, kept before a restore overwrites them. */
export function copyRaw(dbPath: string, dest: string): void {
  copyFileSync(dbPath, dest);
  if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${dest}-wal`);
}

export function removeBackup(path: string): void {
  rmSync(path, { force: true });
  rmSync(`${path}-wal`, { force: true });
}

/**
 * Whether a backup file's pages are sound (quick_check on a read-only look that creates nothing beside it). A backup
 * copies pages as they are, so one taken of a database damaged since its last check carries the damage.
 */
export function backupIsSound(path: string): boolean {
  let db: DB | undefined;
  try {
    const wal = readFileSync(path).subarray(18, 19)[0] === 2;
    db = wal ? openCopy(path) : new Database(path, { readonly: true, fileMustExist: true });
    return db.pragma('quick_check', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** Rows this connection has changed since it opened: "did this session write anything worth a backup?" */
export function connectionChanges(db: DB): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}
