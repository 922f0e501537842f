import { readFileSync } from 'node:fs';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { decodeNote } from '../../content/markdown/decode.ts';
import { KubedeckError } from '../../db/errors.ts';
import { BUNDLED_NOTES_DIR } from '../bundled.ts';
import type { Ctx } from '../context.ts';
import { readRoots, realPath, requireInside } from '../safety/file-roots.ts';
import { uploadsDir } from './uploads.ts';

export type Excerpt = { file: string; path: string; from: number; lines: string[]; line: number };

/** Where a source as stored or shown lives on disk: bundled notes, uploads (shown relative) or a learner's file. */
export function notePath(ctx: Ctx, file: string): string {
  if (file.startsWith('bundled:')) {
    const abs = normalize(join(BUNDLED_NOTES_DIR, ...file.slice('bundled:'.length).split('/')));
    // "bundled:../../x.md" must not climb out of the bundled notes.
    if (!abs.startsWith(BUNDLED_NOTES_DIR + sep))
      throw new KubedeckError('bad-path', `${file}: not a note Kubedeck knows`);
    return abs;
  }
  if (isAbsolute(file)) return normalize(file);
  const base = uploadsDir(ctx);
  const abs = normalize(join(base, file));
  if (!abs.startsWith(base + sep)) throw new KubedeckError('bad-path', `${file}: not a note Kubedeck knows`);
  return abs;
}

/** Only Markdown notes are read back, so the API cannot be used to read other files on the machine. */
export function readNote(ctx: Ctx, file: string): { path: string; text: string } {
  const path = notePath(ctx, file);
  // The real path too: a link named x.md that leads to /etc/passwd is not a note.
  if (!/\.(md|markdown)$/i.test(path) || !/\.(md|markdown)$/i.test(realPath(path)))
    throw new KubedeckError('bad-path', `${file}: not a Markdown note`);
  requireInside(ctx, path, readRoots);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new KubedeckError('no-such-file', `${file}: no such note (moved or deleted?)`);
  }
  const d = decodeNote(bytes);
  if (d.refuse) throw new KubedeckError('bad-note', `${file}: ${d.refuse}`);
  return { path, text: d.text };
}

export function noteExcerpt(ctx: Ctx, file: string, line: number, around: number): Excerpt {
  const { path, text } = readNote(ctx, file);
  const all = text.split('\n');
  const from = Math.max(1, line - around);
  const to = Math.min(all.length, line + around);
  return { file, path, from, line, lines: all.slice(from - 1, to) };
}
