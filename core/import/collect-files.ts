import { type Dirent, existsSync, readdirSync, realpathSync, type Stats, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { bare, type NoteMessage } from '../../content/markdown/note-messages.ts';
import { KubedeckError } from '../../db/errors.ts';

/** `bytes`, when given, is the note's content (an upload) instead of reading `abs`. */
export type NoteFile = { abs: string; source: string; bytes?: Uint8Array };
/** A path the import passed over, with the reason a learner should hear. */
export type Skipped = { path: string; message: NoteMessage };
export type Collected = { files: NoteFile[]; folders: string[]; skipped?: Skipped[] };

const NOTE_EXT = /\.(md|markdown)$/i;

type Kind = Pick<Stats, 'isFile' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>;

/** Why a path that is not a regular file cannot be read as a note; reading a FIFO or a device would block forever. */
export function notRegular(st: Kind): NoteMessage | null {
  if (st.isFile()) return null;
  if (st.isFIFO()) return bare('skipped-fifo');
  if (st.isSocket()) return bare('skipped-socket');
  if (st.isCharacterDevice() || st.isBlockDevice()) return bare('skipped-device');
  return bare('skipped-not-regular');
}

/**
 * Expands files and folders (recursively, hidden folders and node_modules skipped) into note files, sorted.
 * Only regular files are taken (symbolic links are followed); anything else is reported in `skipped`.
 */
export function collectNoteFiles(
  paths: string[],
  cwd = process.cwd(),
  opts: { stayInside?: boolean } = {},
): Collected {
  const files: NoteFile[] = [];
  const folders: string[] = [];
  const skipped: Skipped[] = [];
  const visited = new Set<string>();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (!existsSync(abs)) throw new KubedeckError('no-such-file', `${p}: no such file or folder`);
    const st = statSync(abs);
    if (st.isDirectory()) {
      folders.push(abs);
      walk(abs, files, skipped, visited, opts.stayInside ? realpathSync(abs) : null);
    } else {
      const why = notRegular(st);
      if (why) skipped.push({ path: abs, message: why });
      else files.push({ abs, source: abs });
    }
  }
  const seen = new Set<string>();
  return {
    files: files
      .filter((f) => !seen.has(f.abs) && seen.add(f.abs))
      .sort((a, b) => a.abs.localeCompare(b.abs)),
    folders,
    skipped,
  };
}

/**
 * `root`, when given, is the real path a watched folder's walk must stay inside: a link that leads out of it (to
 * /usr/share/doc) is skipped with a message instead of importing another tree.
 */
function walk(
  dir: string,
  out: NoteFile[],
  skipped: Skipped[],
  visited: Set<string>,
  root: string | null,
): void {
  // A linked folder that leads back up the tree would otherwise be walked forever.
  const real = realpathSync(dir);
  if (visited.has(real)) return;
  visited.add(real);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const abs = join(dir, entry.name);
    const st = entry.isSymbolicLink() ? followLink(abs, skipped, entry) : entry;
    if (!st) continue;
    if (root && entry.isSymbolicLink() && !insideRoot(abs, root)) {
      skipped.push({ path: abs, message: bare('skipped-link-outside') });
      continue;
    }
    if (st.isDirectory()) walk(abs, out, skipped, visited, root);
    else if (!NOTE_EXT.test(entry.name)) continue;
    else if (st.isFile()) out.push({ abs, source: abs });
    else skipped.push({ path: abs, message: notRegular(st) ?? bare('skipped-not-regular') });
  }
}

function insideRoot(abs: string, root: string): boolean {
  try {
    const real = realpathSync(abs);
    return real === root || real.startsWith(root + sep);
  } catch {
    return false;
  }
}

function followLink(abs: string, skipped: Skipped[], entry: Dirent): Stats | null {
  try {
    return statSync(abs);
  } catch {
    if (NOTE_EXT.test(entry.name)) skipped.push({ path: abs, message: bare('skipped-dangling-link') });
    return null;
  }
}
