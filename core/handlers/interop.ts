import { sep } from 'node:path';
import { z } from 'zod';
import { recentImportRuns } from '../../db/import-runs.ts';
import type { Ctx } from '../context.ts';
import { defineHandlers } from '../handler.ts';
import { addWatchedFolder, removeWatchedFolder, watchedFolders } from '../interop/watch-folders.ts';
import { importFile } from '../offthread/heavy.ts';
import { checkExportTarget, writeFailure } from '../safety/export-target.ts';
import { readRoots, requireInside, userRoots } from '../safety/file-roots.ts';

// The exporters and importers load on first use: every CLI command reads this table, few of them need turndown.

type ExportArgs = { format: 'apkg' | 'csv' | 'json'; out: string; deck?: string; withHistory?: boolean };

async function exportTo(ctx: Ctx, a: ExportArgs) {
  if (a.format === 'apkg') {
    const { exportApkg } = await import('../interop/anki-export.ts');
    const r = exportApkg(ctx, { deck: a.deck, out: a.out, withHistory: a.withHistory ?? false });
    return {
      format: a.format,
      file: r.file,
      cards: r.cards,
      notes: r.notes,
      reviews: r.revlog,
      ms: r.ms,
    };
  }
  if (a.format === 'csv') {
    const { exportCsv } = await import('../interop/csv.ts');
    const r = exportCsv(ctx, { deck: a.deck, out: a.out });
    return { format: a.format, file: r.file, cards: r.cards, notes: r.cards, reviews: 0, ms: r.ms };
  }
  const { exportJson } = await import('../interop/json-backup.ts');
  const r = exportJson(ctx, a.out);
  return {
    format: a.format,
    file: r.file,
    cards: r.counts.cards,
    notes: r.counts.notes,
    reviews: r.counts.review_log,
    ms: r.ms,
  };
}

export const interopHandlers = defineHandlers({
  /** Writes an Anki package, a CSV table or a JSON backup of everything to `out`. */
  'export/run': {
    args: z.object({
      format: z.enum(['apkg', 'csv', 'json']),
      out: z.string().min(1),
      deck: z.string().min(1).optional(),
      withHistory: z.boolean().optional(),
    }),
    run: async (ctx, a) => {
      requireInside(ctx, a.out, userRoots);
      checkExportTarget(a.out, ctx.dbPath, ctx.lang, a.format);
      try {
        return await exportTo(ctx, a);
      } catch (e) {
        throw writeFailure(e, a.out, ctx.lang);
      }
    },
  },
  /** Imports an .apkg/.colpkg, .csv or Kubedeck .json backup; each file is one transaction. */
  'interop/import': {
    args: z.object({ path: z.string().min(1), deck: z.string().min(1).optional() }),
    run: (ctx, a) => {
      requireInside(ctx, a.path, readRoots);
      return importFile(ctx, a.path, a.deck);
    },
  },
  'watch/list': { args: z.object({}).default({}), run: (ctx) => ({ folders: watchedFolders(ctx) }) },
  'watch/add': {
    args: z.object({ folder: z.string().min(1) }),
    run: async (ctx, a) => {
      requireInside(ctx, a.folder, userRoots);
      return { folders: await addWatchedFolder(ctx, a.folder) };
    },
  },
  'watch/remove': {
    args: z.object({ folder: z.string().min(1) }),
    run: (ctx, a) => ({ folders: removeWatchedFolder(ctx, a.folder) }),
  },
  /** What changed since the last sync: recent import runs with their new / updated / suspended counts per file. */
  'watch/changes': {
    args: z
      .object({
        since: z.number().int().nonnegative().optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .default({}),
    /**
     * The syncs of the watched folders that changed something: other imports (bundled decks, uploads, a folder
     * imported once) and syncs that found nothing new are not what "changes since the last sync" means.
     */
    run: (ctx, a) => {
      const folders = watchedFolders(ctx);
      const watched = (src: string) => folders.some((f) => src === f || src.startsWith(f + sep));
      const limit = a.limit ?? 50;
      const runs = recentImportRuns(ctx.db, a.since ?? 0, Math.min(5000, limit * 20))
        .filter((r) => r.sources.some(watched) && r.new + r.updated + r.suspended > 0)
        .slice(0, limit);
      return { runs };
    },
  },
});
