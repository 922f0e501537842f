import { checkNoteSafely } from '../../content/facts/check-warnings.ts';
import { loadManifestCheck } from '../../content/facts/manifest-check.ts';
import type { NoteCheck } from '../../content/facts/types.ts';
import { decodeNote } from '../../content/markdown/decode.ts';
import type { Ctx } from '../context.ts';
import { readNote } from './read-note.ts';
import type { ImportResult } from './run-import.ts';
import { storeNoteChecks } from './store-checks.ts';

/**
 * The manifest half of the Kubernetes check, after the import: the grader it needs is loaded only when a note has a
 * manifest, and an import runs synchronously, so those notes are checked again here, whole, once it is loaded.
 * Their warnings replace the ones the import gave (prose only), and their stored findings are replaced too.
 */
export async function finishDeferredChecks<R extends ImportResult>(
  ctx: Ctx,
  result: R,
  dryRun: boolean,
): Promise<Omit<R, 'deferredChecks'>> {
  const { deferredChecks, ...rest } = result;
  if (!deferredChecks?.length) return rest;
  await loadManifestCheck();
  let warnings = rest.warnings;
  const found: { noteId: string; checks: NoteCheck[] }[] = [];
  for (const d of deferredChecks) {
    const read = readNote(d.note);
    if ('error' in read) continue;
    const checked = checkNoteSafely(d.file, decodeNote(read.bytes).text);
    warnings = [...warnings.filter((w) => w.file !== d.file || !('kind' in w)), ...checked.warnings];
    found.push({ noteId: d.noteId, checks: checked.checks });
  }
  if (!dryRun)
    ctx.db.transaction(() => {
      for (const f of found) storeNoteChecks(ctx.db, f.noteId, f.checks);
    })();
  return { ...rest, warnings };
}
