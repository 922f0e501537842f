import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { KubedeckError } from '../../db/errors.ts';

const NOTE_EXT = /\.(md|markdown)$/i;

/**
 * Import reads Markdown notes and folders of them, nothing else: a page that reaches `kubedeck serve` must not be
 * able to turn ~/.aws/credentials into cards. Missing paths are left to the importer's own message.
 */
export function requireMarkdownPaths(paths: string[], cwd = process.cwd()): void {
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(resolve(cwd, p)).isDirectory();
    } catch {
      continue;
    }
    if (!isDir && !NOTE_EXT.test(p))
      throw new KubedeckError(
        'not-markdown',
        `${p}: not a Markdown note; import takes .md / .markdown files and folders of them`,
        2,
      );
  }
}
