import type { Statement } from 'better-sqlite3';
import type { DB } from './open.ts';

const cache = new WeakMap<DB, Map<string, Statement<unknown[]>>>();

/** A prepared statement per database and SQL text: preparing costs more than running on the rating path. */
export function stmt(db: DB, sql: string): Statement<unknown[]> {
  let m = cache.get(db);
  if (!m) {
    m = new Map();
    cache.set(db, m);
  }
  let s = m.get(sql);
  if (!s) {
    s = db.prepare(sql);
    m.set(sql, s);
  }
  return s;
}
