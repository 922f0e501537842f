import { closeSync, openSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Damages the b-tree pages of `table` and its indexes in a closed database file, the way a bad sector or a stray
 * write would: each root page claims 65,535 cells. The header and the other tables stay readable, so the day's
 * already-passed check lets the file open, and only calls touching `table` meet the damage.
 */
export function damageTable(dbPath: string, table: string): void {
  const db = new Database(dbPath, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const roots = (
    db.prepare('SELECT rootpage FROM sqlite_master WHERE tbl_name = ? AND rootpage > 0').all(table) as {
      rootpage: number;
    }[]
  ).map((r) => r.rootpage);
  db.close();
  const fd = openSync(dbPath, 'r+');
  try {
    for (const page of roots) {
      // Page 1 starts after the 100-byte file header; the cell count is bytes 3-4 of the page header.
      const at = (page - 1) * pageSize + (page === 1 ? 100 : 0) + 3;
      writeSync(fd, Buffer.from([0xff, 0xff]), 0, 2, at);
    }
  } finally {
    closeSync(fd);
  }
}
