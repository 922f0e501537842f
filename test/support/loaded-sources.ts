import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_CHUNKS } from '../../scripts/build-cli.mjs';
import { tmpDir } from './tmp.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Runs the built `kubedeck` with a loader hook that records every module it loads, and returns the source files
 * (ours and node_modules', as esbuild's metafile names them) behind those modules.
 */
export function loadedSources(
  args: string[],
  env: Record<string, string> = {},
): { code: number; sources: string[] } {
  const out = join(tmpDir('kubedeck-loads-'), 'loads.txt');
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      join(ROOT, 'test', 'support', 'record-loads.mjs'),
      join(ROOT, 'bin', 'kubedeck.mjs'),
      ...args,
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...env, KUBEDECK_LOADS_OUT: out },
      timeout: 60_000,
    },
  );
  if (r.status !== 0 && r.status !== 1) throw new Error(`kubedeck ${args.join(' ')}: ${r.stderr}`);
  const chunks = JSON.parse(readFileSync(CLI_CHUNKS, 'utf8')) as Record<string, string[]>;
  const sources = new Set<string>();
  for (const url of readFileSync(out, 'utf8').split('\n').filter(Boolean)) {
    if (!url.startsWith('file:')) continue;
    const path = new URL(url).pathname;
    const chunk = path.match(/\/dist-cli\/([^/]+\.js)$/)?.[1];
    // A worktree whose node_modules links to another checkout's: esbuild names those files by the link's target
    // (../main/node_modules/…); they are the same packages.
    if (chunk)
      for (const s of chunks[chunk] ?? [])
        sources.add(s.replace(/^(\.\.\/)+[^/]+\/node_modules\//, 'node_modules/'));
    else {
      const nm = path.indexOf('/node_modules/');
      sources.add(nm >= 0 ? path.slice(nm + 1) : path.slice(ROOT.length + 1));
    }
  }
  return { code: r.status ?? -1, sources: [...sources].sort() };
}
