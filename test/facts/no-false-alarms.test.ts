import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkNote } from '../../content/facts/check-note.ts';
import { loadManifestCheck } from '../../content/facts/manifest-check.ts';

// The manifest half loads on demand, as the import and check-notes load it.
beforeAll(async () => {
  await loadManifestCheck();
});

const ROOT = join(import.meta.dirname, '..', '..');

function notes(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return p.endsWith(join('fixtures', 'facts')) ? [] : notes(p);
    return p.endsWith('.md') ? [p] : [];
  });
}

describe('the Kubernetes check raises no false alarm', () => {
  for (const [name, dir] of [
    ['the bundled notes', join(ROOT, 'content', 'notes')],
    ['the fixture notes', join(ROOT, 'test', 'fixtures')],
  ] as const)
    it(`on ${name}`, () => {
      const files = notes(dir);
      expect(files.length).toBeGreaterThan(5);
      const alarms = files.flatMap((f) =>
        checkNote(readFileSync(f, 'utf8')).map((c) => `${relative(ROOT, f)}:${c.line}: ${c.id} ${c.said}`),
      );
      expect(alarms).toEqual([]);
    });
});
