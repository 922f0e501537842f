import type { DB } from './open.ts';

export function recordImportRun(
  db: DB,
  r: {
    startedAt: number;
    finishedAt: number;
    sources: string[];
    new: number;
    updated: number;
    unchanged: number;
    suspended: number;
    warnings: unknown[];
  },
): void {
  db.prepare(
    `INSERT INTO import_runs (started_at, finished_at, sources, new_count, updated_count, unchanged_count, suspended_count, warnings)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.startedAt,
    r.finishedAt,
    JSON.stringify(r.sources),
    r.new,
    r.updated,
    r.unchanged,
    r.suspended,
    JSON.stringify(r.warnings),
  );
}
