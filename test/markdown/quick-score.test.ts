import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateCards } from '../../content/markdown/parse-note.ts';
import { DENSITIES, selectCards } from '../../content/markdown/select/select-cards.ts';

// An import scores candidates quickly: a candidate that cannot reach the suggestion floor is not read to the end.
// `--explain` scores every candidate in full. Both must make the same cards and offer the same suggestions, or a
// learner's import would differ from what `--explain` says of it. The bundled notes and the fixtures, ko and en.
const ROOT = join(import.meta.dirname, '..', '..');
const notes = [
  ...['ko', 'en'].flatMap((l) =>
    readdirSync(join(ROOT, 'content', 'notes', l)).map((f) => join(ROOT, 'content', 'notes', l, f)),
  ),
  join(ROOT, 'test', 'fixtures', 'notes', 'cka-networking-ko.md'),
].filter((f) => f.endsWith('.md'));

describe('the quick score of an import and the full score of --explain make the same selection', () => {
  it('has notes to compare, with candidates dropped under the floor', () => {
    expect(notes.length).toBeGreaterThanOrEqual(10);
    const all = notes.flatMap((f) => candidateCards(f, readFileSync(f, 'utf8')));
    const full = selectCards(all, 'standard', { explain: true }).scored;
    // Without candidates under the floor the quick score would have nothing to skip, and this test no edge.
    expect(full.filter((s) => s.score < 0.25).length).toBeGreaterThan(10);
  });

  for (const f of notes)
    it(f.slice(ROOT.length + 1), () => {
      const candidates = candidateCards(f, readFileSync(f, 'utf8'));
      for (const density of DENSITIES) {
        const quick = selectCards(candidates, density);
        const full = selectCards(candidates, density, { explain: true });
        expect(quick.cards).toEqual(full.cards);
        expect(quick.suggestions).toEqual(full.suggestions);
        expect(quick.scored).toEqual([]);
      }
    });
});
