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

export type ImportRunRow = {
  id: number;
  startedAt: number;
  sources: string[];
  new: number;
  updated: number;
  unchanged: number;
  suspended: number;
  warnings: number;
};

/** The latest import runs, newest first; `since` (ms) keeps only the ones after a moment. */
export function recentImportRuns(db: DB, since: number, limit: number): ImportRunRow[] {
  const rows = db
    .prepare(
      `SELECT id, started_at, sources, new_count, updated_count, unchanged_count, suspended_count,
              json_array_length(warnings) AS warnings
       FROM import_runs WHERE started_at > ? ORDER BY id DESC LIMIT ?`,
    )
    .all(since, limit) as {
    id: number;
    started_at: number;
    sources: string;
    new_count: number;
    updated_count: number;
    unchanged_count: number;
    suspended_count: number;
    warnings: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.started_at,
    sources: JSON.parse(r.sources) as string[],
    new: r.new_count,
    updated: r.updated_count,
    unchanged: r.unchanged_count,
    suspended: r.suspended_count,
    warnings: r.warnings,
  }));
}
