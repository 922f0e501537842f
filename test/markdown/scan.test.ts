import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSpaceCode, matchesOf, splitCount } from '../../content/markdown/scan.ts';

const asMatches = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => [m.index, ...m]);

describe('matchesOf', () => {
  const regexes = [
    /\uE000(\d+)\uE001/g,
    /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g,
    /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}(?![\w.])/g,
    /x*/g,
    /(?:)/gu,
    /\p{L}*/gu,
  ];

  it('finds what matchAll finds, empty matches and surrogate pairs included', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'x', '1', '.', '/', '{', 'c', ':', '}', '한', '😀', ' '),
    });
    fc.assert(
      fc.property(text, fc.constantFrom(...regexes), (s, re) => {
        expect(asMatches(matchesOf(re, s))).toEqual(asMatches(s.matchAll(re)));
        expect(re.lastIndex).toBe(0);
      }),
    );
  });

  it('refuses a regex without the g flag, as matchAll does', () => {
    expect(() => matchesOf(/a/, 'a')).toThrow(/global/);
  });
});

describe('isSpaceCode', () => {
  it('agrees with \\s on every UTF-16 code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});

describe('splitCount', () => {
  it('counts the parts split(/\\s+/) makes', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', '한', ' ', '\t', '\n', '\u3000', '\u00a0', '-', ''),
    });
    fc.assert(
      fc.property(text, (s) => {
        expect(splitCount(s)).toBe(s.split(/\s+/).length);
      }),
    );
  });
});
