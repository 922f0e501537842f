import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../content/markdown/parse-note.ts';

// Cards the parser made before the free-form rules of issue #9, for the bundled decks and the fixture note. The
// importer matches cards by kind + prompt + answer, so every one of them must still come out exactly the same:
// a new rule may add cards, never reword or drop an old one (that would orphan a learner's history).
const ROOT = join(import.meta.dirname, '..', '..');
const before = JSON.parse(
  readFileSync(join(ROOT, 'test', 'fixtures', 'markdown', 'cards-before-issue-9.json'), 'utf8'),
) as { file: string; kind: string; prompt: string; answer: string }[];

const sources = [
  ...['ko', 'en'].flatMap((l) =>
    readdirSync(join(ROOT, 'content', 'notes', l)).map((f) => [
      `${l}/${f}`,
      join(ROOT, 'content', 'notes', l, f),
    ]),
  ),
  ['notes/cka-networking-ko.md', join(ROOT, 'test', 'fixtures', 'notes', 'cka-networking-ko.md')],
];

describe('cards made before the new rules are made unchanged', () => {
  for (const [name, path] of sources) {
    it(name!, () => {
      const now = new Set(
        parseNote(path!, readFileSync(path!, 'utf8')).cards.map(
          (c) => `${c.kind}\u0000${c.prompt}\u0000${c.answer}`,
        ),
      );
      const missing = before
        .filter((c) => c.file === name)
        .filter((c) => !now.has(`${c.kind}\u0000${c.prompt}\u0000${c.answer}`));
      expect(missing).toEqual([]);
    });
  }

  it('the bundled decks gain only the apiVersion and field cards of their manifests', () => {
    for (const [name, path] of sources.filter(([n]) => !n!.startsWith('notes/'))) {
      const old = new Set(
        before.filter((c) => c.file === name).map((c) => `${c.kind}\u0000${c.prompt}\u0000${c.answer}`),
      );
      const added = parseNote(path!, readFileSync(path!, 'utf8')).cards.filter(
        (c) => !old.has(`${c.kind}\u0000${c.prompt}\u0000${c.answer}`),
      );
      expect(added.filter((c) => c.rule !== 'manifest-apiversion' && c.rule !== 'manifest-field')).toEqual(
        [],
      );
    }
  });
});

describe('the bundled decks hold no junk card', () => {
  // The same mechanical rules the importer is scored by: a blank never cuts a token, a number list or a link.
  const TOKEN = /[A-Za-z0-9._:/-]/;
  for (const [name, path] of sources.filter(([n]) => !n!.startsWith('notes/'))) {
    it(name!, () => {
      const bad: string[] = [];
      for (const c of parseNote(path!, readFileSync(path!, 'utf8')).cards) {
        if (!c.prompt.trim() || !c.answer.trim() || c.prompt.length > 600) bad.push(c.prompt.slice(0, 80));
        const at = c.prompt.indexOf('[...]');
        if (c.kind !== 'cloze' || at < 0) continue;
        const before = c.prompt[at - 1] ?? ' ';
        const after = c.prompt[at + 5] ?? ' ';
        if (TOKEN.test(before) || (TOKEN.test(after) && !/^[.:]$/.test(after)))
          bad.push(c.prompt.slice(0, 80));
      }
      expect(bad).toEqual([]);
    });
  }
});
