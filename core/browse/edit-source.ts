import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { browseCard, noteDeckName } from '../../db/browse.ts';
import { KubedeckError } from '../../db/errors.ts';
import type { Ctx } from '../context.ts';
import { notePath } from '../import/note-excerpt.ts';
import { type ImportSummary, runImport } from '../import/run-import.ts';

export type EditResult = { file: string; line: number; summary: ImportSummary; cardId: string | null };

/**
 * Edits a note-made card where it lives: rewrites its line in the note (only if the line still says what the
 * learner saw, so an edit made meanwhile in another editor is never overwritten), then re-imports that note, which
 * keeps the card's id and history when it matches.
 */
export function editSourceLine(ctx: Ctx, id: string, expected: string, text: string): EditResult {
  const row = browseCard(ctx.db, id);
  if (!row) throw new KubedeckError('unknown-card', `no card with id "${id}"`);
  const file = row.source_file;
  const line = row.source_line;
  if (file?.startsWith('bundled:'))
    throw new KubedeckError(
      'read-only',
      'cards from the bundled decks are read-only; suspend the card instead',
    );
  if (!file || line === null) throw new KubedeckError('no-source', `card "${id}" was not made from a note`);
  if (/[\r\n]/.test(text)) throw new KubedeckError('bad-edit', 'the edited line must stay one line');
  const path = notePath(ctx, file);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    throw new KubedeckError('no-such-file', `${file}: no such note (moved or deleted?)`);
  }
  const lines = raw.split('\n');
  const at = lines[line - 1];
  const current = at?.replace(/\r$/, '');
  if (current === undefined || current !== expected)
    throw new KubedeckError(
      'source-changed',
      `${file}:${line} changed since it was shown (it now says "${current ?? ''}"); nothing was written`,
    );
  lines[line - 1] = text + (at?.endsWith('\r') ? '\r' : '');
  // Write beside it and rename: a crash mid-write never leaves half a note.
  const tmp = `${path}.kubedeck-edit`;
  writeFileSync(tmp, lines.join('\n'));
  renameSync(tmp, path);
  // The note's own deck: an import with --deck put it there, and the re-import must not move it.
  const deck = row.note_id === null ? undefined : noteDeckName(ctx.db, row.note_id);
  const { summary } = runImport(ctx, { paths: [path], deck });
  const after = browseCard(ctx.db, id);
  return { file, line, summary, cardId: after && after.orphaned === 0 ? id : null };
}
