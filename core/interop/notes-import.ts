import type { Ctx } from '../context.ts';
import type { Progress } from '../handler.ts';
import {
  type ImportOptions,
  type ImportResult,
  runImport,
  runImportStreaming,
} from '../import/run-import.ts';
import { applyObsidianSr } from './obsidian-sr.ts';

export type NotesImportResult = ImportResult & { srScheduled: number };

/**
 * The note importer, then the Obsidian Spaced Repetition schedules of the notes it wrote, in one transaction (the
 * importer's own transaction nests as a savepoint): a note never lands without its schedules.
 */
export function importNotes(ctx: Ctx, opts: ImportOptions): NotesImportResult {
  if (opts.dryRun) return { ...runImport(ctx, opts), srScheduled: 0 };
  const at = ctx.now();
  const fixed: Ctx = { ...ctx, now: () => at };
  return ctx.db
    .transaction((): NotesImportResult => {
      const { srCards, ...result } = runImport(fixed, opts);
      return { ...result, srScheduled: applyObsidianSr(fixed, srCards ?? []) };
    })
    .immediate();
}

/** The same, streaming progress events (the Import screen's progress bar); still one transaction. */
export async function importNotesStreaming(
  ctx: Ctx,
  opts: ImportOptions,
  progress: Progress,
): Promise<NotesImportResult> {
  if (opts.dryRun) return { ...(await runImportStreaming(ctx, opts, progress)), srScheduled: 0 };
  const at = ctx.now();
  const fixed: Ctx = { ...ctx, now: () => at };
  let srScheduled = 0;
  const { srCards: _, ...result } = await runImportStreaming(fixed, opts, progress, (srCards) => {
    srScheduled = applyObsidianSr(fixed, srCards);
  });
  return { ...result, srScheduled };
}
