import { openSecondConnection } from '../../db/open.ts';
import type { Lang } from '../context.ts';
import { type InteropImportResult, importInteropFile } from '../interop/import-file.ts';

export type ImportTaskArgs = { dbPath: string; file: string; deck?: string; lang: Lang; now: number };

/**
 * One CSV / JSON / package import on its own connection. The calling thread keeps answering meanwhile; stopping this
 * worker closes the connection, so its open transaction rolls back and nothing of the file lands.
 */
export function importTask(a: ImportTaskArgs): InteropImportResult {
  // Blocking here blocks only this process: wait for another writer as long as a call may last.
  const db = openSecondConnection(a.dbPath, 20_000);
  try {
    const now = new Date(a.now);
    return importInteropFile({ db, dbPath: a.dbPath, now: () => now, lang: a.lang, host: {} }, a.file, {
      deck: a.deck,
    });
  } finally {
    db.close();
  }
}
