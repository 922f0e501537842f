import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';

/** The media folder beside a database: where images imported from Anki live, named in card text as `media/NAME`. */
export const mediaDir = (dbPath: string) => join(dirname(dbPath), 'media');
export const MEDIA_PREFIX = 'media/';

const MAX_FILE = 50 * 1024 * 1024;
const sha1 = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');

/**
 * A file name another file of different content already holds gets the content's sha1 after its stem, as Anki names
 * clashing media (`diagram-<sha1>.png`), so two packages' `diagram.png` both survive and each card keeps its own.
 */
export const hashedName = (name: string, bytes: Uint8Array) => {
  const ext = extname(name);
  return `${name.slice(0, name.length - ext.length)}-${sha1(bytes)}${ext}`;
};

/** Where a card's image path points: beside its Markdown note, or into the media folder for imported cards. */
export function imageFile(src: string, card: { source_file: string | null }, dbPath: string): string | null {
  let path: string;
  try {
    path = decodeURI(src.split(/[?#]/)[0]!);
  } catch {
    return null;
  }
  if (card.source_file) return resolve(dirname(card.source_file), path);
  if (!path.startsWith(MEDIA_PREFIX)) return null;
  const dir = mediaDir(dbPath);
  const file = resolve(dir, path.slice(MEDIA_PREFIX.length));
  // An imported card's text is the package's word: it may name nothing outside the media folder.
  const rel = relative(dir, file);
  return rel && !rel.startsWith('..') && !rel.includes('\0') ? file : null;
}

/** The files an exported package carries: each image once, under a name no other image of the package has. */
export class MediaPacker {
  private readonly byFile = new Map<string, string | null>();
  private readonly byName = new Map<string, string>();
  readonly files: { name: string; bytes: Uint8Array }[] = [];

  /** The name the package gives the image at `file`, or null when it cannot be read. */
  add(file: string): string | null {
    const known = this.byFile.get(file);
    if (known !== undefined) return known;
    let name: string | null = null;
    if (existsSync(file) && statSync(file).isFile() && statSync(file).size <= MAX_FILE) {
      const bytes = readFileSync(file);
      const hash = sha1(bytes);
      name = basename(file);
      const held = this.byName.get(name);
      if (held !== undefined && held !== hash) name = hashedName(name, bytes);
      if (!this.byName.has(name)) {
        this.byName.set(name, hash);
        this.files.push({ name, bytes });
      }
    }
    this.byFile.set(file, name);
    return name;
  }
}
