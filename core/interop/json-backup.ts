import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { KubedeckError } from '../../db/errors.ts';
import {
  BACKUP_TABLES,
  type BackupTable,
  clearForRestore,
  dumpTable,
  learnerDataCounts,
  type Row,
  restoreTable,
} from '../../db/interop.ts';
import type { Ctx } from '../context.ts';
import { readImportFile } from './read-import-file.ts';

/** Bumped when a backup's meaning changes; a Kubedeck refuses backups newer than it understands. */
export const BACKUP_FORMAT_VERSION = 1;

export type BackupCounts = Record<BackupTable, number>;

/** Tables a backup of an older Kubedeck may lack. */
const ADDED_LATER = new Set<BackupTable>(['card_decks']);

const Cell = z.union([z.string(), z.number(), z.null()]);
const Backup = z.object({
  format: z.literal('kubedeck-backup'),
  version: z.number().int().positive(),
  exportedAt: z.string(),
  tables: z.object(
    Object.fromEntries(
      BACKUP_TABLES.map((t) => {
        const rows = z.array(z.record(z.string(), Cell));
        // Backups made before cards could be in several decks have no card_decks.
        return [t, ADDED_LATER.has(t) ? rows.default([]) : rows];
      }),
    ) as {
      [K in BackupTable]: z.ZodArray<z.ZodRecord<z.ZodString, typeof Cell>>;
    },
  ),
});

/** Everything: decks, notes, cards with their schedules, the review log, exercises and attempts, settings. */
export function exportJson(ctx: Ctx, out: string): { file: string; counts: BackupCounts; ms: number } {
  const started = performance.now();
  const tables = Object.fromEntries(BACKUP_TABLES.map((t) => [t, dumpTable(ctx.db, t)])) as Record<
    BackupTable,
    Row[]
  >;
  const backup = {
    format: 'kubedeck-backup',
    version: BACKUP_FORMAT_VERSION,
    exportedAt: ctx.now().toISOString(),
    tables,
  };
  writeFileSync(out, `${JSON.stringify(backup)}\n`);
  return { file: out, counts: countsOf(tables), ms: Math.round(performance.now() - started) };
}

const countsOf = (tables: Record<BackupTable, Row[]>) =>
  Object.fromEntries(BACKUP_TABLES.map((t) => [t, tables[t].length])) as BackupCounts;

/** Restores a backup into a database that holds no learner data yet (bundled decks alone are replaced). */
export function importJson(ctx: Ctx, file: string): { counts: BackupCounts; ms: number } {
  const started = performance.now();
  const text = readImportFile(file, 'json').toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    // V8's message quotes the text around the error; only the position is kept, so no file content is echoed.
    const m = /position (\d+)/.exec((e as Error).message);
    const where = m ? `:${lineOf(text, Number(m[1]))}` : '';
    throw new KubedeckError('json-unreadable', `${file}${where}: not valid JSON`);
  }
  const head = parsed as { format?: unknown; version?: unknown };
  if (head?.format !== 'kubedeck-backup')
    throw new KubedeckError(
      'json-not-backup',
      `${file}: not a Kubedeck backup (made by kubedeck export --format json)`,
    );
  if (typeof head.version === 'number' && head.version > BACKUP_FORMAT_VERSION)
    throw new KubedeckError(
      'json-newer',
      `${file}: made by a newer Kubedeck (backup format ${head.version}; this Kubedeck reads up to ${BACKUP_FORMAT_VERSION}); update Kubedeck first`,
    );
  const r = Backup.safeParse(parsed);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new KubedeckError(
      'json-bad-backup',
      `${file}: damaged backup at ${issue?.path.join('.')}: ${issue?.message}`,
    );
  }
  refuseBadJsonColumns(file, r.data.tables as Record<BackupTable, Row[]>);
  const { db } = ctx;
  db.transaction(() => {
    const have = learnerDataCounts(db);
    if (have.reviews > 0 || have.attempts > 0 || have.ownCards > 0)
      throw new KubedeckError(
        'db-not-empty',
        `${ctx.dbPath}: already holds your own data (${have.ownCards} cards of your own, ${have.reviews} reviews, ${have.attempts} exercise attempts); a backup is restored only into a new, empty database (use --db NEW.sqlite)`,
      );
    clearForRestore(db);
    for (const t of BACKUP_TABLES) {
      try {
        restoreTable(db, t, r.data.tables[t] as Row[]);
      } catch (e) {
        // SQLite names the column ("NOT NULL constraint failed: decks.created_at"); the learner hears which one.
        const m = /constraint failed: (\w+)\.(\w+)/.exec((e as Error).message);
        if (!m) throw e;
        throw new KubedeckError(
          'json-bad-backup',
          `${file}: damaged backup: a row of ${m[1]} has no valid ${m[2]}; nothing was restored (export the backup again from the Kubedeck that made it)`,
        );
      }
    }
  }).immediate();
  return {
    counts: countsOf(r.data.tables as Record<BackupTable, Row[]>),
    ms: Math.round(performance.now() - started),
  };
}

/** Columns that hold JSON lists: a value that does not parse would make every later read of the table fail. */
const JSON_LIST_COLUMNS: Partial<Record<BackupTable, string[]>> = { cards: ['context', 'tags'] };

function refuseBadJsonColumns(file: string, tables: Record<BackupTable, Row[]>): void {
  for (const [table, cols] of Object.entries(JSON_LIST_COLUMNS) as [BackupTable, string[]][])
    (tables[table] ?? []).forEach((row, i) => {
      for (const col of cols) {
        const v = row[col];
        if (v === undefined) continue;
        let ok = false;
        try {
          ok = typeof v === 'string' && Array.isArray(JSON.parse(v));
        } catch {}
        if (!ok)
          throw new KubedeckError(
            'json-bad-backup',
            `${file}: damaged backup: ${table} row ${i + 1} (${String(row.id ?? '?')}): ${col} is not a JSON list; nothing was restored`,
          );
      }
    });
}

const lineOf = (text: string, pos: number) => text.slice(0, pos).split('\n').length;
