import { describe, expect, it } from 'vitest';
import { parseNote } from '../../content/markdown/parse-note.ts';

describe('parser limits (issue #12)', () => {
  it('reads 3,000 plain lines without recursing per line', () => {
    const text = 'just some plain text line without markers\n'.repeat(3000);
    expect(() => parseNote('p.md', text)).not.toThrow();
  });

  it('reads 100,000 identical lines in bounded time and memory', () => {
    const text = 'just some plain text line without markers\n'.repeat(100_000);
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    const t = performance.now();
    const n = parseNote('p.md', text);
    const ms = performance.now() - t;
    const grown = process.memoryUsage().heapUsed - before;
    expect(n.warnings).toEqual([]);
    expect(ms).toBeLessThan(15_000);
    expect(grown).toBeLessThan(400 * 1024 * 1024);
  });

  it('warns at the line of 1,000-deep nesting on one line and still makes its card', () => {
    const text = `intro :: one\n${'- '.repeat(1000)}x :: y\n`;
    const n = parseNote('deep.md', text);
    expect(n.cards.map((c) => [c.prompt, c.answer])).toEqual([
      ['intro', 'one'],
      ['x', 'y'],
    ]);
    expect(n.warnings).toEqual([
      { file: 'deep.md', line: 2, code: 'nesting-too-deep', params: { max: expect.any(Number) } },
    ]);
  });
});
