import { describe, expect, it } from 'vitest';
import { parseNote } from '../../content/markdown/parse-note.ts';

// parseNote drops repeated cards by first sorting them into buckets by length and a few characters; cards that
// share a bucket but not their text must all stay, and only exact repeats go.
describe('duplicate cards', () => {
  it('keeps cards that differ only where the bucket hash does not look', () => {
    const lines: string[] = [];
    // Same lengths, same middle and last characters, same answer: one bucket, forty different cards.
    for (let k = 0; k < 40; k++) lines.push(`p${String(k).padStart(2, '0')}-same-Z :: answer`, '');
    const note = parseNote('buckets.md', lines.join('\n'));
    expect(note.cards.map((c) => c.prompt)).toEqual(
      Array.from({ length: 40 }, (_, k) => `p${String(k).padStart(2, '0')}-same-Z`),
    );
    expect(note.warnings).toEqual([]);
  });

  it('drops exact repeats among them, keeping the first and naming its line', () => {
    const text = ['p01-same-Z :: answer', '', 'p02-same-Z :: answer', '', 'p01-same-Z :: answer', ''].join(
      '\n',
    );
    const note = parseNote('repeat.md', text);
    expect(note.cards.map((c) => [c.prompt, c.line])).toEqual([
      ['p01-same-Z', 1],
      ['p02-same-Z', 3],
    ]);
    expect(note.warnings).toEqual([
      { file: 'repeat.md', line: 5, code: 'duplicate-card', params: { first: 1 } },
    ]);
  });

  it('tells kinds apart: the same prompt and answer as a cloze and as a basic card are two cards', () => {
    const note = parseNote('kinds.md', ['x ==y== z', '', 'x [...] z :: y', ''].join('\n'));
    expect(note.cards.map((c) => [c.kind, c.prompt, c.answer])).toEqual([
      ['cloze', 'x [...] z', 'y'],
      ['basic', 'x [...] z', 'y'],
    ]);
  });
});
