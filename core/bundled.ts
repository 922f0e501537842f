import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getSetting, setSetting } from '../db/settings.ts';
import type { Ctx } from './context.ts';
import type { NoteFile } from './import/collect-files.ts';
import type { ImportResult } from './import/run-import.ts';
import { IMPORT_SETTING_KEYS, NOTE_RULES_OFF_KEY, PARSER_VERSION } from './import-stamp.ts';

export const BUNDLED_NOTES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'content', 'notes');
const HASH_KEY = 'bundled.notesHash';
const STAT_KEY = 'bundled.notesStat';

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
 * (the importer keeps every card's history). Cheap when nothing changed: the files' sizes and times, the parser's
 * version and the stored import settings match the last check's; when they do not, a hash over the contents and
 * the parser's output decides, and only a real change loads the importer (and markdown-it).
 */
export async function loadBundledDecks(ctx: Ctx, dir = BUNDLED_NOTES_DIR): Promise<ImportResult | null> {
  // Names, sizes and times as at the last check that found the notes imported: the files are not even read.
  const stat = JSON.stringify([PARSER_VERSION, rawImportSettings(ctx), statSignature(dir)]);
  if (getSetting(ctx.db, HASH_KEY) !== undefined && getSetting(ctx.db, STAT_KEY) === stat) return null;
  const { readImportSettings } = await import('./import/import-settings.ts');
  // A corrupt import setting is reported by `kubedeck import`; opening the app (and fixing it) must still work.
  let settings: unknown;
  try {
    settings = readImportSettings(ctx.db);
  } catch {
    return null;
  }
  const { parserVersion } = await import('./import/parser-version.ts');
  const files = bundledFiles(dir);
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha1');
  // A new parser or other import settings read the same files differently: the decks are refreshed then too.
  hash.update(JSON.stringify([parserVersion(), settings]));
  for (const f of files) hash.update(f.source).update(readFileSync(f.abs));
  const digest = JSON.stringify(hash.digest('hex'));
  if (getSetting(ctx.db, HASH_KEY) === digest) {
    setSetting(ctx.db, STAT_KEY, stat); // same notes, touched (a fresh checkout): remember the new times
    return null;
  }
  const { runImport } = await import('./import/run-import.ts');
  const result = runImport(ctx, { collected: { files, folders: ['bundled:'] }, bundled: true });
  // Sources under bundled: are one scope: a note removed from a new version gets its cards suspended.
  setSetting(ctx.db, HASH_KEY, digest);
  setSetting(ctx.db, STAT_KEY, stat);
  return result;
}

/** The import settings as stored (unparsed): a change to them re-reads the bundled notes. */
function rawImportSettings(ctx: Ctx): (string | undefined)[] {
  return [...IMPORT_SETTING_KEYS, NOTE_RULES_OFF_KEY].map((k) => getSetting(ctx.db, k));
}

// A walk by hand: readdirSync's `recursive` option costs 5 ms on its first call, 30 times this whole walk.
function statSignature(dir: string): string {
  if (!existsSync(dir)) return '';
  const rows: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else if (e.name.endsWith('.md')) {
        const s = statSync(join(d, e.name));
        rows.push(`${rel}${e.name}\t${s.size}\t${s.mtimeMs}`);
      }
    }
  };
  walk(dir, '');
  return rows.sort().join('\n');
}
