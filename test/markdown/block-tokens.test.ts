import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockTokens, md, type Token } from '../../content/markdown/markdown.ts';

// blockTokens builds its tokens without markdown-it's Token constructor (for speed); the block rules are
// markdown-it's own, so the tokens must be exactly those `md.block.parse` makes, field for field.
const ROOT = join(import.meta.dirname, '..', '..');
const FIELDS = [
  'type',
  'tag',
  'attrs',
  'map',
  'nesting',
  'level',
  'children',
  'content',
  'markup',
  'info',
  'meta',
  'block',
  'hidden',
] as const;
const plain = (tokens: Token[]) => tokens.map((t) => Object.fromEntries(FIELDS.map((f) => [f, t[f]])));

function reference(text: string): Token[] {
  const tokens: Token[] = [];
  md.block.parse(text, md, {}, tokens);
  return tokens;
}

const notes = [
  ...['ko', 'en'].flatMap((l) =>
    readdirSync(join(ROOT, 'content', 'notes', l)).map((f) => join(ROOT, 'content', 'notes', l, f)),
  ),
  join(ROOT, 'test', 'fixtures', 'notes', 'cka-networking-ko.md'),
];

const shapes = [
  '# 제목\n\n본문 :: 답\n둘째 줄\n',
  'Setext title\n===\n\npara\n---\n',
  '- a\n  - b\n    1. c\n    2. d\n- e\n\n3. three\n4. four\n',
  '> quoted\n> - item\n>\n> > deeper\n',
  '| a | b |\n|:--|--:|\n| 1 | 2 |\n',
  '```yaml\nkind: Service\n```\n\n    indented code\n\n~~~\nunterminated\n',
  '[ref]: https://example.com "title"\n\n<div>html off</div>\n\n***\n',
  `${'- '.repeat(40)}too deep\n`,
  '',
  '\n\n\n',
];

describe('blockTokens', () => {
  for (const path of notes)
    it(`makes md.block.parse's tokens for ${path.slice(ROOT.length + 1)}`, () => {
      const text = readFileSync(path, 'utf8');
      expect(plain(blockTokens(text))).toEqual(plain(reference(text)));
    });

  it("makes md.block.parse's tokens for every block shape", () => {
    for (const text of shapes) expect(plain(blockTokens(text))).toEqual(plain(reference(text)));
  });

  it("keeps markdown-it's Token methods on its tokens", () => {
    const list = blockTokens('3. three\n4. four\n').find((t) => t.type === 'ordered_list_open')!;
    expect(list.attrGet('start')).toBe(3);
    list.attrSet('class', 'steps');
    expect(list.attrs).toEqual([
      ['start', 3],
      ['class', 'steps'],
    ]);
  });
});
