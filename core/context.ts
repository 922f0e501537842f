import type { DB } from '../db/open.ts';
import type { Lang } from './i18n/index.ts';

export type { Lang };

/** A running folder watcher (core/interop/watch.ts), so watch/add and watch/remove reach it. */
export type RunningWatcher = { add(folder: string): void; remove(folder: string): void };

/**
 * The long-lived objects of one open core. Every call's context points at the same Host, whatever the call's
 * language: a call made in Korean must see the watcher a host started in English. Keep such state here, never
 * in a map keyed by the context, which is copied per call.
 */
export type Host = {
  watcher?: RunningWatcher;
  /**
   * A host that starts its watcher late (serve, once the first screen is served) starts it now; its start reads
   * the stored folders, so a folder stored before the call is watched and imported by it.
   */
  startWatcher?: () => Promise<void>;
};

/**
 * What every handler gets: the open database, the clock and the language of this one call. Handlers never read the
 * system clock themselves; the language comes with each call (HTTP header, IPC argument, CLI flag), never from
 * shared state.
 */
export type Ctx = {
  /** Replaced only when a restore reopens the database (backups/restore). */
  db: DB;
  readonly dbPath: string;
  readonly now: () => Date;
  readonly lang: Lang;
  /** Shared by every call of this core (see Host). */
  readonly host: Host;
  /** Exercises folder chosen by the local user (CLI `--dir`); unset means the bundled ones. No transport sets it. */
  exercisesDir?: string;
  /** The database file or its folder cannot be written: reads work, writes answer `db-readonly`. */
  readOnly?: boolean;
  /**
   * A long-lived host (serve, the desktop core): grading and file imports run in a worker thread with a time and
   * memory limit, so one slow request never holds up the others. A CLI run does them in place.
   */
  offThread?: boolean;
  /**
   * The call came over HTTP (`serve`): file paths it names are kept inside uploads, watched folders and the bundled
   * notes (core/safety/file-roots.ts). Set per call by the transport, never from the call's arguments.
   */
  remote?: boolean;
  /** The core's own context, when this one is a per-call copy (another language, a remote caller). */
  readonly origin?: Ctx;
};
