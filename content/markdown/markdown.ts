import MarkdownIt from 'markdown-it';

/** One configured parser: raw HTML off (note text is untrusted), no typographer rewriting of what we hide. */
export const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

export type Token = ReturnType<typeof md.parse>[number];
type Nesting = -1 | 0 | 1;

const TokenClass = new md.block.State('', md, {}, []).Token;

/**
 * A block token built by plain assignment. markdown-it 15's own Token sets each field through a
 * `defineProperty` helper, which made token construction the largest single cost of reading a note. Its
 * prototype is Token's, so `attrGet`/`attrSet` and `instanceof` still work for any code that uses them.
 */
class BlockToken {
  declare type: string;
  declare tag: string;
  declare attrs: [string, string][] | null;
  declare map: [number, number] | null;
  declare nesting: Nesting;
  declare level: number;
  declare children: Token[] | null;
  declare content: string;
  declare markup: string;
  declare info: string;
  declare meta: unknown;
  declare block: boolean;
  declare hidden: boolean;
  constructor(type: string, tag: string, nesting: Nesting, level: number) {
    this.type = type;
    this.tag = tag;
    this.attrs = null;
    this.map = null;
    this.nesting = nesting;
    this.level = level;
    this.children = null;
    this.content = '';
    this.markup = '';
    this.info = '';
    this.meta = null;
    this.block = true;
    this.hidden = false;
  }
}
Object.setPrototypeOf(BlockToken.prototype, TokenClass.prototype);

/** markdown-it's block state with a cheaper `push`; the block rules and their order are markdown-it's own. */
class BlockState extends md.block.State {
  override push(type: string, tag: string, nesting: Nesting): Token {
    if (nesting < 0) this.level--;
    const token = new BlockToken(type, tag, nesting, this.level) as unknown as Token;
    if (nesting > 0) this.level++;
    this.tokens.push(token);
    return token;
  }
}

/**
 * Block structure only. The card rules read each block's raw inline text, so markdown-it's inline pass (most of
 * md.parse's time) is skipped; `inline` tokens keep their `content`. The same tokens `md.block.parse` makes.
 */
export function blockTokens(text: string): Token[] {
  const tokens: Token[] = [];
  if (!text) return tokens;
  const state = new BlockState(text, md, {}, tokens);
  md.block.tokenize(state, state.line, state.lineMax);
  return tokens;
}
