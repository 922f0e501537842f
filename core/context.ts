import type { DB } from '../db/open.ts';

export type Lang = 'ko' | 'en';

/** What every handler gets: the open database and the clock. Handlers never read the system clock themselves. */
export type Ctx = {
  db: DB;
  dbPath: string;
  now: () => Date;
  lang: Lang;
  /** Exercises folder chosen by the local user (CLI `--dir`); unset means the bundled ones. No transport sets it. */
  exercisesDir?: string;
  /** The database file or its folder cannot be written: reads work, writes answer `db-readonly`. */
  readOnly?: boolean;
};
