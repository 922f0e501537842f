import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getSetting, setSetting } from '../db/settings.ts';
import type { Ctx } from './context.ts';
import type { NoteFile } from './import/collect-files.ts';
import { readImportSettings } from './import/import-settings.ts';
import { parserVersion } from './import/parser-version.ts';
import { runImport } from './import/run-import.ts';

export const BUNDLED_NOTES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'content', 'notes');
const HASH_KEY = 'bundled.notesHash';

function bundledFiles(dir: string): NoteFile[] {
  if (!existsSync(dir)) return [];
  const out: NoteFile[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.name.endsWith('.md'))
        out.push({ abs, source: `bundled:${relative(dir, abs).split(sep).join('/')}` });
    }
  };
  walk(dir);
  return out;
}

/**
 * Loads the decks Kubedeck ships into a new database, and refreshes them when a new version ships changed notes
 * (the importer keeps every card's history). Cheap when nothing changed: one hash over the files.
 */
export function loadBundledDecks(ctx: Ctx, dir = BUNDLED_NOTES_DIR) {
  // A corrupt import setting is reported by `kubedeck import`; opening the app (and fixing it) must still work.
  const settings = importSettingsOrNone(ctx);
  if (settings === null) return null;
  const files = bundledFiles(dir);
  const hash = createHash('sha1');
  // A new parser or other import settings read the same files differently: the decks are refreshed then too.
  hash.update(JSON.stringify([parserVersion(), settings]));
  for (const f of files) hash.update(f.source).update(readFileSync(f.abs));
  const digest = hash.digest('hex');
  if (getSetting(ctx.db, HASH_KEY) === JSON.stringify(digest)) return null;
  const result = runImport(ctx, { collected: { files, folders: ['bundled:'] }, bundled: true });
  // Sources under bundled: are one scope: a note removed from a new version gets its cards suspended.
  setSetting(ctx.db, HASH_KEY, JSON.stringify(digest));
  return result;
}

function importSettingsOrNone(ctx: Ctx) {
  try {
    return readImportSettings(ctx.db);
  } catch {
    return null;
  }
}
