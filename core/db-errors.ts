import { KubedeckError } from '../db/errors.ts';
import type { Lang } from './context.ts';
import { say } from './safety/messages.ts';

/** SQLite result codes better-sqlite3 puts on SqliteError.code. */
const BUSY = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_LOCKED']);
const READONLY = /^SQLITE_READONLY/;
const FULL = new Set(['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC']);

const CORRUPT = /^SQLITE_(CORRUPT|NOTADB)/;

const codeOf = (e: unknown): string => String((e as { code?: unknown })?.code ?? '');

/** Another connection holds the write lock past busy_timeout: worth waiting and trying the whole call again. */
export const isBusy = (e: unknown): boolean => BUSY.has(codeOf(e));

/**
 * Turns SQLite's own wording ("database is locked", "attempt to write a readonly database") into one line a learner
 * can act on. Anything else passes through unchanged.
 */
export function learnerDbError(e: unknown, dbPath: string, lang: Lang = 'en'): unknown {
  const code = codeOf(e);
  // Damage found while a call ran: its transaction rolled back; `check` says what is wrong and which backup is good.
  if (CORRUPT.test(code) || (code.startsWith('SQLITE') && /malformed/i.test((e as Error).message)))
    return new KubedeckError(
      'db-corrupt',
      say(lang, 'dbDamagedWrite', { file: dbPath, why: (e as Error).message }),
    );
  if (BUSY.has(code))
    return new KubedeckError(
      'db-busy',
      `${dbPath}: another Kubedeck window or command kept the database busy too long; nothing was changed, try again`,
    );
  if (READONLY.test(code))
    return new KubedeckError(
      'db-readonly',
      `${dbPath}: the database is read-only (its file or folder cannot be written); nothing was changed`,
    );
  if (code === 'SQLITE_CANTOPEN')
    return new KubedeckError(
      'db-cantopen',
      `${dbPath}: cannot open or create the database file there (is the folder writable?)`,
    );
  if (FULL.has(code) || (code === 'SQLITE_IOERR' && /full|space/i.test((e as Error).message)))
    return new KubedeckError(
      'disk-full',
      `${dbPath}: the disk is full; nothing was changed (free some space and try again)`,
    );
  return e;
}
