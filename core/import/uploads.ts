import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { KubedeckError } from '../../db/errors.ts';
import type { Ctx } from '../context.ts';
import type { Collected, NoteFile } from './collect-files.ts';

/** An upload: Markdown texts with their paths relative to what the learner picked. */
export type Upload = {
  /** The picked folder's name (a folder upload), or null for loose files. */
  root: string | null;
  files: { path: string; text: string }[];
};

export const MAX_UPLOAD_FILES = 10_000;
const NOTE_EXT = /\.(md|markdown)$/i;
const LOOSE_FILES = 'files';

/** Uploaded notes live beside the database, so re-imports, edits in place and the review all find them. */
export const uploadsDir = (ctx: Ctx) => join(dirname(ctx.dbPath), 'uploads');

function checkSegment(name: string, what: string): void {
  if (name === '' || name === '.' || name === '..' || /[\\/\0:]/.test(name) || name.length > 255)
    throw new KubedeckError('bad-upload', `${what} "${name}" is not a plain file or folder name`);
}

/**
 * Where an upload is kept: `uploads/<root>/<relative path>`, so uploading the same folder again lands on the same
 * sources and the importer treats it as a re-import (history kept, removed notes suspended).
 */
export function placeUpload(
  ctx: Ctx,
  u: Upload,
): { collected: Collected; skipped: string[]; show: (s: string) => string } {
  if (u.files.length > MAX_UPLOAD_FILES)
    throw new KubedeckError(
      'bad-upload',
      `${u.files.length} files; an upload holds ${MAX_UPLOAD_FILES} at most`,
    );
  const base = uploadsDir(ctx);
  if (u.root !== null) checkSegment(u.root, 'folder');
  const rootDir = join(base, u.root ?? LOOSE_FILES);
  const files: NoteFile[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const f of u.files) {
    const parts = f.path.split('/');
    for (const p of parts) checkSegment(p, 'path part');
    if (!NOTE_EXT.test(f.path)) {
      skipped.push(f.path);
      continue;
    }
    const abs = join(rootDir, ...parts);
    if (seen.has(abs)) throw new KubedeckError('bad-upload', `${f.path} is uploaded twice`);
    seen.add(abs);
    files.push({ abs, source: abs, bytes: Buffer.from(f.text, 'utf8') });
  }
  files.sort((a, b) => a.abs.localeCompare(b.abs));
  return {
    // A folder upload is the whole folder: notes missing from it were deleted by the learner.
    collected: { files, folders: u.root === null ? [] : [rootDir] },
    skipped,
    show: (s) => (s.startsWith(base + sep) ? relative(base, s).split(sep).join('/') : s),
  };
}

/** Writes the uploaded notes after their import committed; a folder upload also drops notes no longer in it. */
export function keepUpload(collected: Collected): void {
  for (const f of collected.files) {
    mkdirSync(dirname(f.abs), { recursive: true });
    writeFileSync(f.abs, f.bytes ?? new Uint8Array());
  }
  const keep = new Set(collected.files.map((f) => f.abs));
  for (const folder of collected.folders) pruneNotes(folder, keep);
}

function pruneNotes(dir: string, keep: Set<string>): void {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const abs = join(dir, e.name);
    if (e.isDirectory()) pruneNotes(abs, keep);
    else if (NOTE_EXT.test(e.name) && !keep.has(abs)) rmSync(abs, { force: true });
  }
}
