import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The folders tmpDir made in this test file, removed when the file is done (test/support/remove-tmp-dirs.ts). */
const made: string[] = [];

/** A fresh folder per test: each test owns its data, as the app refuses shared state under test. */
export function tmpDir(prefix = 'kubedeck-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder tmpDir has made so far: a run of the suite leaves nothing behind in the temp folder. */
export function removeTmpDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
}
