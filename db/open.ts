import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { KubedeckError } from './errors.ts';
import { loadMigrations, type Migration } from './migrations.ts';

export type DB = Database.Database;

/** PRAGMA application_id marks a file as ours: "KDCK". */
export const APPLICATION_ID = 0x4b44434b;
const SQLITE_MAGIC = 'SQLite format 3\0';

export type OpenResult = { db: DB; created: boolean; migratedFrom: number; backupPath: string | null };

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

function looksLikeSqlite(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens (or creates) a Kubedeck database. A foreign or damaged file is refused before anything writes to it;
 * a file from an older schema is backed up next to itself, then migrated in one transaction.
 */
export function openDatabase(
  path: string,
  opts: { migrations?: Migration[]; readonly?: boolean } = {},
): OpenResult {
  const migrations = opts.migrations ?? loadMigrations();
  const target = migrations.length;
  const exists = path !== ':memory:' && existsSync(path) && statSync(path).size > 0;
  if (exists) {
    if (statSync(path).isDirectory())
      throw new KubedeckError('db-not-file', `${path}: is a folder, not a database file`);
    if (!looksLikeSqlite(path)) {
      throw new KubedeckError(
        'db-foreign',
        `${path}: not a Kubedeck database (not an SQLite file); refusing to touch it`,
      );
    }
  } else if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true });
  }

  // Inspect read-only first so a foreign or corrupt file is never modified (no WAL switch, no journal).
  if (exists) {
    let probe: DB | undefined;
    try {
      probe = new Database(path, { readonly: true, fileMustExist: true });
      const appId = probe.pragma('application_id', { simple: true }) as number;
      const version = probe.pragma('user_version', { simple: true }) as number;
      const tables = probe.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
        n: number;
      };
      if (appId !== APPLICATION_ID && !(appId === 0 && tables.n === 0)) {
        throw new KubedeckError(
          'db-foreign',
          `${path}: not a Kubedeck database (application_id ${appId}); refusing to touch it`,
        );
      }
      if (version > target) {
        throw new KubedeckError(
          'db-newer',
          `${path}: database schema version ${version} is newer than this Kubedeck (${target}); update Kubedeck`,
        );
      }
      const check = probe.pragma('quick_check', { simple: true });
      if (check !== 'ok') {
        throw new KubedeckError(
          'db-corrupt',
          `${path}: database failed its integrity check (${String(check)}); restore a backup`,
        );
      }
    } catch (e) {
      if (e instanceof KubedeckError) throw e;
      throw new KubedeckError(
        'db-corrupt',
        `${path}: database cannot be read (${(e as Error).message}); restore a backup`,
      );
    } finally {
      probe?.close();
    }
  }

  const db = new Database(path, { readonly: opts.readonly ?? false });
  try {
    if (path !== ':memory:' && !opts.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    // Checkpoints run when the app is idle (checkpointWhenIdle); this high mark is only a backstop, so a rating
    // never pays for copying the WAL back (8 ms at p99 with the default 1,000 pages).
    db.pragma('wal_autocheckpoint = 10000');
    const from = db.pragma('user_version', { simple: true }) as number;
    let backupPath: string | null = null;
    if (from < target && !opts.readonly) {
      if (exists && from > 0) {
        backupPath = `${path}.v${from}-${Date.now()}.bak`;
        db.pragma('wal_checkpoint(TRUNCATE)');
        copyFileSync(path, backupPath);
      }
      migrate(db, migrations, from);
    }
    return { db, created: from === 0, migratedFrom: from, backupPath };
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
  if (db.open && !db.inTransaction) db.pragma('wal_checkpoint(PASSIVE)');
}
