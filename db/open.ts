import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { backupsDir, freshBackupPath, writeBackupSync } from './backup.ts';
import { KubedeckError } from './errors.ts';
import { loadMigrations, type Migration } from './migrations.ts';
import { APPLICATION_ID, fileState, isReadOnlyPlace, openCopy, probeDatabase } from './probe.ts';

export { APPLICATION_ID };
export type DB = Database.Database;

export type OpenResult = {
  db: DB;
  created: boolean;
  migratedFrom: number;
  backupPath: string | null;
  /** The file or its folder cannot be written: the database is open for reading only. */
  readOnly: boolean;
};

/** The OS user-data folder, as Electron's app.getPath('userData') would give it. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KUBEDECK_DB) return env.KUBEDECK_DB;
  const home = homedir();
  let base: string;
  if (process.platform === 'win32') base = env.APPDATA ?? join(home, 'AppData', 'Roaming');
  else if (process.platform === 'darwin') base = join(home, 'Library', 'Application Support');
  else base = env.XDG_CONFIG_HOME || join(home, '.config');
  return join(base, 'kubedeck', 'kubedeck.sqlite');
}

/**
 * Opens (or creates, when the path does not exist) a Kubedeck database. A foreign, empty or damaged file is refused
 * before anything writes to it or beside it; a file from an older schema is backed up, then migrated in one
 * transaction; a file on a read-only mount or in a read-only folder is opened for reading.
 */
export function openDatabase(
  path: string,
  opts: { migrations?: Migration[]; readonly?: boolean; nativeBinding?: string; now?: () => Date } = {},
): OpenResult {
  // Electron loads a second better-sqlite3 build made for its ABI (npm start sets KUBEDECK_SQLITE_BINDING).
  const nativeBinding = opts.nativeBinding ?? (process.env.KUBEDECK_SQLITE_BINDING || undefined);
  const migrations = opts.migrations ?? loadMigrations();
  const target = migrations.length;
  const memory = path === ':memory:';
  const exists = !memory && fileState(path) !== 'missing';
  // Inspect first so a foreign or corrupt file is never modified (no WAL switch, no journal, no sidecar files).
  const probe = exists ? probeDatabase(path, target, nativeBinding) : null;
  if (!exists && !memory) mkdirSync(dirname(path), { recursive: true });

  const readOnly = opts.readonly === true || (exists && isReadOnlyPlace(path));
  if (readOnly && probe && probe.version < target)
    throw new KubedeckError(
      'db-readonly',
      `${path}: is read-only and from an older Kubedeck (schema ${probe.version}); copy it somewhere writable to update it`,
    );
  // SQLite cannot open a WAL database where it cannot create its -shm; a read-only place is read from a copy.
  const db = readOnly && exists ? openCopy(path, nativeBinding) : new Database(path, { nativeBinding });
  try {
    // The busy timeout comes first: switching to WAL takes a lock another process may hold for a moment.
    db.pragma('busy_timeout = 5000');
    if (!memory && !readOnly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    if (!readOnly) db.pragma('synchronous = NORMAL');
    // Checkpoints run when the app is idle (checkpointWhenIdle); this high mark is only a backstop, so a rating
    // never pays for copying the WAL back (8 ms at p99 with the default 1,000 pages).
    db.pragma('wal_autocheckpoint = 10000');
    const from = db.pragma('user_version', { simple: true }) as number;
    let backupPath: string | null = null;
    if (from < target && !readOnly) {
      if (exists && from > 0) {
        const at = opts.now?.() ?? new Date();
        backupPath = freshBackupPath(backupsDir(path), at, `before-v${target}`);
        writeBackupSync(db, backupPath);
      }
      migrate(db, migrations, from);
    }
    return { db, created: from === 0, migratedFrom: from, backupPath, readOnly };
  } catch (e) {
    db.close();
    throw e;
  }
}

function migrate(db: DB, migrations: Migration[], from: number): void {
  const run = db.transaction(() => {
    for (const m of migrations.slice(from)) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
  });
  run.immediate();
}

/** Copies what it can of the WAL back into the database without waiting on readers; for idle moments. */
export function checkpointWhenIdle(db: DB): void {
  if (db.open && !db.inTransaction && !db.readonly) db.pragma('wal_checkpoint(PASSIVE)');
}
