import { existsSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { backupsDir, freshBackupPath, writeBackupSync } from './backup.ts';
import { KubedeckError } from './errors.ts';
import { loadMigrations, type Migration } from './migrations.ts';
import {
  APPLICATION_ID,
  fileState,
  isReadOnlyPlace,
  openCopy,
  openWithWal,
  probeFile,
  probeHeader,
  probeView,
} from './probe.ts';
import { getSetting, setSetting } from './settings.ts';

export { APPLICATION_ID };
export type DB = Database.Database;

export type OpenResult = {
  db: DB;
  created: boolean;
  migratedFrom: number;
  backupPath: string | null;
  /** The file or its folder cannot be written: the database is open for reading only. */
  readOnly: boolean;
  /** Whether this open ran PRAGMA quick_check (a new file has nothing to check). */
  checked: boolean;
};

/** How long one statement waits for another process's write lock before the call is retried (core/app.ts). */
export const BUSY_TIMEOUT_MS = 5000;

/** Settings key holding the day (as the caller names it) of the last quick_check that passed. */
export const CHECKED_DAY_KEY = 'db.quickCheckDay';

export type OpenOptions = {
  migrations?: Migration[];
  readonly?: boolean;
  now?: () => Date;
  /**
   * The learner's day, computed from the stored settings (read through `setting`). With it, quick_check — which
   * reads every page and dominates opening a large collection — runs on the first open of each day and after an
   * unclean shutdown (a WAL left behind); other opens skip it. Without it, every open checks.
   */
  checkDay?: (setting: (key: string) => string | undefined) => string;
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
export function openDatabase(path: string, opts: OpenOptions = {}): OpenResult {
  const migrations = opts.migrations ?? loadMigrations();
  const target = migrations.length;
  const memory = path === ':memory:';
  const exists = !memory && fileState(path) !== 'missing';
  const readOnly = opts.readonly === true || (exists && isReadOnlyPlace(path));
  // SQLite removes the WAL when the last connection closes cleanly: one still here means a crash (or a killed
  // process) in the middle of a session, or another process using the file right now. Either way, check.
  const walLeft = exists && existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0;
  // Inspect first so a foreign or newer file is never modified (no WAL switch, no journal, no sidecar files). The
  // header says that much; a read-only place is read from a copy (SQLite cannot open a WAL database where it cannot
  // create its -shm), and that copy is probed whole and then used: the files are read once.
  const readOnlyView = readOnly && exists ? readOnlyCopy(path, target, walLeft) : null;
  if (exists && !readOnly) probeHeader(path, target);
  if (!exists && !memory) mkdirSync(dirname(path), { recursive: true });

  if (readOnlyView && readOnlyView.version < target) {
    readOnlyView.view.close();
    throw new KubedeckError(
      'db-readonly',
      `${path}: is read-only and from an older Kubedeck (schema ${readOnlyView.version}); copy it somewhere writable to update it`,
    );
  }
  const db = readOnlyView?.view ?? new Database(path);
  let checked = readOnly && exists;
  try {
    // The busy timeout comes first: switching to WAL takes a lock another process may hold for a moment.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (exists && !readOnly) checked = quickCheckIfDue(db, path, walLeft, opts.checkDay);
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
    if (!readOnly && !memory && opts.checkDay && (checked || !exists)) saveCheckedDay(db, opts.checkDay);
    return { db, created: from === 0, migratedFrom: from, backupPath, readOnly, checked };
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * A database in a read-only place, read from a copy in memory (SQLite cannot open a WAL database where it cannot
 * create its -shm), with the commits still in a leftover -wal. The copy is probed whole and then used as the
 * connection, so the files are read once.
 */
function readOnlyCopy(path: string, target: number, walLeft: boolean) {
  const bytes = probeFile(path);
  return probeView(path, target, () => (walLeft ? openWithWal(path) : openCopy(path, bytes)), false);
}

/**
 * Another connection to a database this app already opened (checked, migrated) in its main process: for work done
 * in a helper process, which must not run the open-time checks again.
 */
export function openSecondConnection(path: string, busyTimeoutMs: number): DB {
  const db = new Database(path, { fileMustExist: true });
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  return db;
}

/** Runs quick_check when the day changed since the last one passed, or the last session did not close; throws if bad. */
function quickCheckIfDue(db: DB, path: string, walLeft: boolean, checkDay: OpenOptions['checkDay']): boolean {
  try {
    const setting = settingReader(db);
    const due = walLeft || !checkDay || setting(CHECKED_DAY_KEY) !== JSON.stringify(checkDay(setting));
    if (!due) return false;
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok')
      throw new KubedeckError(
        'db-corrupt',
        `${path}: database is damaged (integrity check: ${String(check).split('\n')[0]}); it was not changed`,
      );
    return true;
  } catch (e) {
    if (e instanceof KubedeckError) throw e;
    throw new KubedeckError(
      'db-corrupt',
      `${path}: database is damaged (cannot be read: ${(e as Error).message}); it was not changed`,
    );
  }
}

/**
 * Remembers that today's check passed. Only bookkeeping: when another process holds the write lock (a long import),
 * it is skipped at once instead of failing the open after busy_timeout; the next open simply checks again.
 */
function saveCheckedDay(db: DB, checkDay: NonNullable<OpenOptions['checkDay']>): void {
  const day = JSON.stringify(checkDay((key) => getSetting(db, key)));
  db.pragma('busy_timeout = 0');
  try {
    setSetting(db, CHECKED_DAY_KEY, day);
  } catch (e) {
    if (!/^SQLITE_(BUSY|LOCKED)/.test(String((e as { code?: unknown }).code))) throw e;
  } finally {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/** Raw stored settings, for a database that may predate (or lack) the settings table. */
function settingReader(db: DB): (key: string) => string | undefined {
  const hasSettings = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'")
    .get();
  return hasSettings ? (key) => getSetting(db, key) : () => undefined;
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
