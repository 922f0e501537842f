import { basename, join } from 'node:path';
import { z } from 'zod';
import { backupsDir } from '../../db/backup.ts';
import { KubedeckError } from '../../db/errors.ts';
import { loadMigrations } from '../../db/migrations.ts';
import { openDatabase } from '../../db/open.ts';
import { type BackupInfo, listBackups, type RestoreResult, restoreBackup, takeBackup } from '../backups.ts';
import { defineHandlers } from '../handler.ts';

/** Backups of the open database, for the Settings screen: list, take one now, restore one (by name only). */
export const backupHandlers = defineHandlers({
  'backups/list': {
    args: z.object({}).default({}),
    run: (ctx): BackupInfo[] => (ctx.dbPath === ':memory:' ? [] : listBackups(ctx.dbPath)),
  },
  'backups/create': {
    args: z.object({}).default({}),
    run: (ctx): Promise<BackupInfo> => takeBackup(ctx.db, ctx.dbPath, ctx.now(), 'manual', ctx.lang),
  },
  /** Over HTTP a caller names a file in the backups folder, never a path: restore reads nothing else. */
  'backups/restore': {
    args: z.object({ name: z.string().min(1).max(200) }),
    run: async (ctx, a): Promise<RestoreResult> => {
      if (ctx.readOnly)
        throw new KubedeckError('db-readonly', `${ctx.dbPath}: is read-only; cannot restore into it`);
      if (basename(a.name) !== a.name)
        throw new KubedeckError('bad-args', `${a.name}: give the name of a backup, not a path`, 2);
      const file = join(backupsDir(ctx.dbPath), a.name);
      const r = await restoreBackup(ctx.dbPath, file, ctx.now(), ctx.db);
      // A backup from an older schema is brought up to date, with the usual backup before migrating.
      if ((ctx.db.pragma('user_version', { simple: true }) as number) < loadMigrations().length) {
        ctx.db.close();
        ctx.db = openDatabase(ctx.dbPath, { now: ctx.now }).db;
      }
      return r;
    },
  },
});
