import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KubedeckError } from '../../db/errors.ts';

/** `bytes`, when given, is the note's content (an upload) instead of reading `abs`. */
export type NoteFile = { abs: string; source: string; bytes?: Uint8Array };
export type Collected = { files: NoteFile[]; folders: string[] };

const NOTE_EXT = /\.(md|markdown)$/i;

/** Expands files and folders (recursively, hidden folders and node_modules skipped) into note files, sorted. */
export function collectNoteFiles(paths: string[], cwd = process.cwd()): Collected {
  const files: NoteFile[] = [];
  const folders: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (!existsSync(abs)) throw new KubedeckError('no-such-file', `${p}: no such file or folder`);
    if (statSync(abs).isDirectory()) {
      folders.push(abs);
      walk(abs, files);
    } else {
      files.push({ abs, source: abs });
    }
  }
  const seen = new Set<string>();
  return {
    files: files
      .filter((f) => !seen.has(f.abs) && seen.add(f.abs))
      .sort((a, b) => a.abs.localeCompare(b.abs)),
    folders,
  };
}

function walk(dir: string, out: NoteFile[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) walk(abs, out);
    else if (entry.isFile() && NOTE_EXT.test(entry.name)) out.push({ abs, source: abs });
  }
}
