import type { DB } from '../db/open.ts';
import type { Lang } from './i18n/index.ts';

export type { Lang };

/**
 * What every handler gets: the open database, the clock and the language of this one call. Handlers never read the
 * system clock themselves; the language comes with each call (HTTP header, IPC argument, CLI flag), never from
 * shared state.
 */
export type Ctx = {
  readonly db: DB;
  readonly dbPath: string;
  readonly now: () => Date;
  readonly lang: Lang;
};
