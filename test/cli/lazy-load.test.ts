import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubedeck } from '../support/cli.ts';
import { loadedSources } from '../support/loaded-sources.ts';
import { tmpDir } from '../support/tmp.ts';

const NOW = '2026-03-02T10:00:00+09:00';
const ANSWER = 'content/exercises/service-nodeport/solution.yaml';
const has = (sources: string[], prefix: string) => sources.some((s) => s.startsWith(prefix));
/** The loaded files under any of these folders: what a test expects to be none. */
const loadedUnder = (sources: string[], prefixes: string[]) =>
  sources.filter((s) => prefixes.some((p) => s.startsWith(p)));

/** A database that already holds the bundled decks, as a learner's would after the first run. */
function existingDb(): string {
  const db = join(tmpDir(), 'k.sqlite');
  expect(kubedeck(['decks', '--db', db, '--now', NOW], { env: { KUBEDECK_NO_BUNDLED: '' } }).code).toBe(0);
  return db;
}

describe('each command loads only what it needs (built CLI, modules recorded by a loader hook)', () => {
  it('decks on an existing database loads neither the importer (markdown-it) nor the grader nor the scheduler', () => {
    const db = existingDb();
    const { code, sources } = loadedSources(['decks', '--db', db, '--now', NOW]);
    expect(code).toBe(0);
    expect(sources).toContain('core/handlers/decks.ts');
    expect(has(sources, 'node_modules/better-sqlite3/')).toBe(true);
    expect(
      loadedUnder(sources, [
        'node_modules/markdown-it/',
        'content/markdown/',
        'core/import/',
        'content/grader/',
        'node_modules/kubernetes-models/',
        'node_modules/yaml/',
        'node_modules/ts-fsrs/',
        'core/review/',
        'node_modules/ink/',
      ]),
    ).toEqual([]);
  });

  it('decks on a new database imports the bundled notes, so it does load the importer', () => {
    const db = join(tmpDir(), 'new.sqlite');
    const { code, sources } = loadedSources(['decks', '--db', db, '--now', NOW]);
    expect(code).toBe(0);
    expect(has(sources, 'node_modules/markdown-it/')).toBe(true);
    expect(sources).toContain('core/import/run-import.ts');
  });

  it('grade loads the grader but not the scheduler (ts-fsrs), the importer or the terminal UI', () => {
    const { code, sources } = loadedSources(['grade', 'service-nodeport', ANSWER], { KUBEDECK_DB: '' });
    expect(code).toBe(0);
    expect(sources).toContain('content/grader/verdict.ts');
    expect(
      loadedUnder(sources, [
        'node_modules/ts-fsrs/',
        'core/review/scheduler.ts',
        'node_modules/markdown-it/',
        'node_modules/ink/',
      ]),
    ).toEqual([]);
  });

  it('grading a Gateway API answer loads the CEL evaluator for the CRD rules', () => {
    const id = 'httproute-prefix';
    const { code, sources } = loadedSources(['grade', id, `content/exercises/${id}/solution.yaml`], {
      KUBEDECK_DB: '',
    });
    expect(code).toBe(0);
    expect(has(sources, 'node_modules/@bufbuild/cel/')).toBe(true);
  });

  it('next and rate load the scheduler but not the grader or markdown-it', () => {
    const db = existingDb();
    const next = loadedSources(['next', '--db', db, '--now', NOW]);
    expect(next.code).toBe(0);
    expect(next.sources).toContain('core/review/scheduler.ts');
    // Nor the YAML parser (a note's rule switches, read only when a card is thrown away): serve's first card
    // runs the same review/next and waited for it.
    expect(
      loadedUnder(next.sources, [
        'content/grader/',
        'node_modules/kubernetes-models/',
        'node_modules/markdown-it/',
        'node_modules/yaml/',
        'content/markdown/select/card-view.ts',
      ]),
    ).toEqual([]);
  });

  it('settings (what every first screen asks for) loads neither the YAML parser nor the card scorer', () => {
    const db = existingDb();
    const { code, sources } = loadedSources(['settings', '--db', db, '--now', NOW]);
    expect(code).toBe(0);
    expect(sources).toContain('core/handlers/settings.ts');
    expect(
      loadedUnder(sources, [
        'node_modules/yaml/',
        'content/markdown/select/select-cards.ts',
        'node_modules/markdown-it/',
      ]),
    ).toEqual([]);
  });
});

describe('the Kubernetes check loads the grader only for notes with manifests', () => {
  it('importing prose notes checks their facts without loading the grader; a manifest loads it', () => {
    const dir = tmpDir();
    writeFileSync(join(dir, 'ports.md'), '# 포트\n\nkubelet 포트 :: 19250\n');
    const db = join(dir, 'k.sqlite');
    const prose = loadedSources(['import', join(dir, 'ports.md'), '--db', db, '--now', NOW]);
    expect(prose.code).toBe(0);
    expect(prose.sources).toContain('content/facts/check-prose.ts');
    expect(prose.sources.filter((s) => s.startsWith('content/grader/'))).toEqual([]);
    // (includes: in a worktree node_modules is a link and the paths read ../main/node_modules/…)
    expect(prose.sources.filter((s) => s.includes('node_modules/kubernetes-models/'))).toEqual([]);
    writeFileSync(
      join(dir, 'svc.md'),
      '```yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n```\n',
    );
    const manifest = loadedSources(['import', join(dir, 'svc.md'), '--db', db, '--now', NOW]);
    expect(manifest.code).toBe(0);
    expect(manifest.sources).toContain('content/grader/verdict.ts');
  });
});
