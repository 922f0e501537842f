/**
 * `kubedeck validate` and `kubedeck grade` (without --db) must start without the database or the scheduler: the
 * grader modules stay independent of core/review and ts-fsrs. Checked on the real import graph, bundled by esbuild.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

async function importGraph(entry: string): Promise<{ files: string[]; packages: string[] }> {
  const r = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const out = Object.values(r.metafile.outputs)[0]!;
  return {
    files: Object.keys(r.metafile.inputs),
    packages: out.imports.filter((i) => i.external).map((i) => i.path),
  };
}

// The words of the YAML library's problems are shared with the importer's warnings: one leaf module, no imports.
const SHARED_WORDS = 'content/yaml-problems.ts';
const ownOrShared = (f: string) => f.startsWith('content/grader/') || f === SHARED_WORDS;

describe('what the grader and validate command load', () => {
  it('content/grader imports no core, db or scheduler module', async () => {
    const g = await importGraph('content/grader/index.ts');
    expect(g.files.filter((f) => !ownOrShared(f))).toEqual([]);
    expect(g.packages.filter((p) => /ts-fsrs|better-sqlite3|fsrs/.test(p))).toEqual([]);
  });

  it('cli/commands/validate.ts loads only the grader (and the error type)', async () => {
    const g = await importGraph('cli/commands/validate.ts');
    expect(g.files.filter((f) => !ownOrShared(f) && !f.startsWith('cli/commands/'))).toEqual([
      'db/errors.ts',
    ]);
    expect(g.packages.some((p) => p.includes('ts-fsrs'))).toBe(false);
  });

  it('cli/commands/grade.ts reaches the core only through the lazily opened --db handle', async () => {
    const g = await importGraph('cli/commands/grade.ts');
    expect(g.files.filter((f) => f.startsWith('core/') || f.startsWith('db/'))).toEqual(['db/errors.ts']);
    expect(g.packages.some((p) => p.includes('ts-fsrs'))).toBe(false);
  });
});
