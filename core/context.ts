import type { DB } from '../db/open.ts';

export type Lang = 'ko' | 'en';

/** What every handler gets: the open database and the clock. Handlers never read the system clock themselves. */
export type Ctx = {
  db: DB;
  dbPath: string;
  now: () => Date;
  lang: Lang;
};
