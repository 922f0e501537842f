import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type BackupCounts,
  backupCounts,
  backupIsSound,
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
import type { Lang } from './context.ts';
import { say } from './safety/messages.ts';

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
export async function takeBackup(
  db: DB,
  dbPath: string,
  now: Date,
  reason: string,
  lang: Lang = 'en',
): Promise<BackupInfo> {
  if (dbPath === ':memory:')
    throw new KubedeckError('no-file', 'an in-memory database has nothing to back up');
  const dir = backupsDir(dbPath);
  let path: string;
  try {
    path = freshBackupPath(dir, now, reason);
    await writeBackup(db, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code))
      throw new KubedeckError('backup-folder', say(lang, 'backupFolderReadOnly', { dir, why: code }));
    throw e;
  }
  // Verified before it can replace (prune) an older good backup or be recommended: damage that appeared after the
  // day's first check would otherwise be copied into every new backup while the good ones age out.
  if (!backupIsSound(path)) {
    removeBackup(path);
    throw new KubedeckError('db-corrupt', say(lang, 'backupDamaged', { file: dbPath }));
  }
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
  const all = listBackupFiles(backupsDir(dbPath));
  if (all.length === 0) return `no backups in ${backupsDir(dbPath)}`;
  // Only a backup that passes its own integrity check is worth recommending (restore would refuse the others).
  const newest = all.find((b) => backupIsSound(b.path));
  if (!newest) return `none of the ${all.length} backups in ${backupsDir(dbPath)} passes an integrity check`;
  return `newest backup ${newest.path} (${newest.takenAt.toISOString()}); restore it with: kubedeck restore "${newest.path}"`;
}

/** The state a restore replaces: a verified backup, or (damaged since it was opened) a byte copy of it. */
async function saveLiveBeforeRestore(live: DB, dbPath: string, now: Date): Promise<string> {
  try {
    return (await takeBackup(live, dbPath, now, 'before-restore')).path;
  } catch (e) {
    if (!(e instanceof KubedeckError) || e.code !== 'db-corrupt') throw e;
    const raw = freshBackupPath(backupsDir(dbPath), now, 'damaged');
    copyRaw(dbPath, raw);
    return raw;
  }
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
    if (live) savedCurrent = await saveLiveBeforeRestore(live, dbPath, now);
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
