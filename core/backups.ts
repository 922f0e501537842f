import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type BackupCounts,
  backupCounts,
  backupsDir,
  copyRaw,
  freshBackupPath,
  listBackupFiles,
  removeBackup,
  replaceWithCopy,
  restoreInto,
  writeBackup,
  writeBackupOfFile,
} from '../db/backup.ts';
import { KubedeckError } from '../db/errors.ts';
import { loadMigrations } from '../db/migrations.ts';
import type { DB } from '../db/open.ts';
import { fileState, probeDatabase } from '../db/probe.ts';
import { backupDue, backupsToPrune } from './backup-policy.ts';

export type BackupInfo = {
  name: string;
  path: string;
  takenAt: string;
  reason: string;
  size: number;
  cards: number | null;
  reviews: number | null;
};

export function listBackups(dbPath: string, counts = true): BackupInfo[] {
  return listBackupFiles(backupsDir(dbPath)).map((b) => {
    const c: BackupCounts | null = counts ? backupCounts(b.path) : null;
    return {
      name: b.name,
      path: b.path,
      takenAt: b.takenAt.toISOString(),
      reason: b.reason,
      size: b.size,
      cards: c?.cards ?? null,
      reviews: c?.reviews ?? null,
    };
  });
}

/** Takes one backup now through the online backup API, then thins the folder to 12 daily / 10 weekly / 9 monthly. */
export async function takeBackup(db: DB, dbPath: string, now: Date, reason: string): Promise<BackupInfo> {
  if (dbPath === ':memory:')
    throw new KubedeckError('no-file', 'an in-memory database has nothing to back up');
  const dir = backupsDir(dbPath);
  const path = freshBackupPath(dir, now, reason);
  await writeBackup(db, path);
  for (const old of backupsToPrune(listBackupFiles(dir), now)) if (old.path !== path) removeBackup(old.path);
  const info = listBackups(dbPath).find((b) => b.path === path);
  if (!info)
    throw new KubedeckError('backup-lost', `${path}: the backup vanished right after it was written`);
  return info;
}

/** The automatic backup: at most every 30 minutes of use, only when something changed. Returns null when not due. */
export async function backupIfDue(db: DB, dbPath: string, now: Date, changed: boolean) {
  if (dbPath === ':memory:' || db.readonly) return null;
  const newest = listBackupFiles(backupsDir(dbPath))[0]?.takenAt ?? null;
  if (!backupDue(now, newest, changed)) return null;
  return takeBackup(db, dbPath, now, 'auto');
}

/** One line for a damaged database: where the newest backup is and the command that restores it. */
export function restoreHint(dbPath: string): string {
  const newest = listBackupFiles(backupsDir(dbPath))[0];
  if (!newest) return `no backups in ${backupsDir(dbPath)}`;
  return `newest backup ${newest.path} (${newest.takenAt.toISOString()}); restore it with: kubedeck restore "${newest.path}"`;
}

export type RestoreResult = { restored: string; savedCurrent: string | null };

/**
 * Puts a backup in place of the database. The current state is saved first (a backup if it opens, a byte copy if it
 * is damaged), and a file that is not a Kubedeck database is refused before anything changes.
 */
export async function restoreBackup(
  dbPath: string,
  file: string,
  now: Date,
  live?: DB,
): Promise<RestoreResult> {
  const src = resolve(file);
  if (src === resolve(dbPath))
    throw new KubedeckError('usage', `${file}: is the database itself; name a backup file`, 2);
  if (!existsSync(src)) throw new KubedeckError('no-such-file', `${file}: no such file`, 2);
  try {
    probeDatabase(src, loadMigrations().length);
  } catch (e) {
    const why = e instanceof KubedeckError ? e.message.replace(`${src}: `, '') : (e as Error).message;
    throw new KubedeckError('not-a-backup', `${file}: cannot restore it: ${why}`);
  }
  const dir = backupsDir(dbPath);
  let healthy = live !== undefined;
  if (!healthy && fileState(dbPath) === 'file') {
    try {
      probeDatabase(dbPath, loadMigrations().length);
      healthy = true;
    } catch {
      healthy = false;
    }
  }
  let savedCurrent: string | null = null;
  if (healthy) {
    if (live) savedCurrent = (await takeBackup(live, dbPath, now, 'before-restore')).path;
    else {
      savedCurrent = freshBackupPath(dir, now, 'before-restore');
      await writeBackupOfFile(dbPath, savedCurrent);
    }
    await restoreInto(src, dbPath);
  } else {
    if (fileState(dbPath) !== 'missing') {
      savedCurrent = freshBackupPath(dir, now, 'damaged');
      copyRaw(dbPath, savedCurrent);
    }
    replaceWithCopy(src, dbPath);
  }
  return { restored: src, savedCurrent };
}
