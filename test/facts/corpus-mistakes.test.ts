import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkNote } from '../../content/facts/check-note.ts';
import { loadManifestCheck } from '../../content/facts/manifest-check.ts';
import list from '../fixtures/facts/corpus-mistakes.json' with { type: 'json' };

/**
 * The real mistakes of the development corpus (listed by hand in the fixture) are reported on their line, and
 * the checker says nothing about the rest: at most one false alarm per 1,000 lines.
 */
const CORPUS = list.corpus;
const files = [...new Set(list.mistakes.map((m) => m.file))];

describe.skipIf(!existsSync(CORPUS))('the Kubernetes check on the development corpus', () => {
  const reported = new Map<string, Set<number>>();
  let lines = 0;
  beforeAll(async () => {
    await loadManifestCheck();
    const allFiles = ['en', 'ko'].flatMap((lang) =>
      readdirNotes(join(CORPUS, lang)).map((f) => `${lang}/${f}`),
    );
    for (const f of allFiles) {
      const text = readFileSync(join(CORPUS, f), 'utf8');
      lines += text.split('\n').length;
      reported.set(f, new Set(checkNote(text).map((c) => c.line)));
    }
  });

  it('reports at least 80 % of the listed mistakes on their line', () => {
    const missed = list.mistakes.filter((m) => !reported.get(m.file)?.has(m.line));
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(missed.map((m) => `${m.file}:${m.line}`)).toEqual([]);
    expect(list.mistakes.length - missed.length).toBeGreaterThanOrEqual(
      Math.ceil(0.8 * list.mistakes.length),
    );
  });

  it('raises at most one false alarm per 1,000 lines', () => {
    const listed = new Set(list.mistakes.map((m) => `${m.file}:${m.line}`));
    const alarms = [...reported]
      .flatMap(([f, at]) => [...at].map((l) => `${f}:${l}`))
      .filter((k) => !listed.has(k));
    expect(lines).toBeGreaterThan(5000);
    expect(alarms.length).toBeLessThanOrEqual(Math.floor(lines / 1000));
    expect(alarms).toEqual([]);
  });
});

function readdirNotes(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort();
}
