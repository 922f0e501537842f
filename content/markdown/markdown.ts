import MarkdownIt from 'markdown-it';

/** One configured parser: raw HTML off (note text is untrusted), no typographer rewriting of what we hide. */
export const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

export type Token = ReturnType<typeof md.parse>[number];
type Nesting = -1 | 0 | 1;
type StateBlock = InstanceType<typeof md.block.State>;

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
 * A BlockState with the fields and line table markdown-it's StateBlock constructor gives it, set by plain
 * assignment: that constructor also goes through the defineProperty helper, for 13 fields per note. The line
 * table is computed as markdown-it computes it (test/markdown/block-tokens.test.ts holds the tokens equal).
 */
function blockState(src: string, tokens: Token[]): StateBlock {
  const state = Object.create(BlockState.prototype) as StateBlock;
  const bMarks: number[] = [];
  const eMarks: number[] = [];
  const tShift: number[] = [];
  const sCount: number[] = [];
  const bsCount: number[] = [];
  state.bMarks = bMarks;
  state.eMarks = eMarks;
  state.tShift = tShift;
  state.sCount = sCount;
  state.bsCount = bsCount;
  state.blkIndent = 0;
  state.line = 0;
  state.lineMax = 0;
  state.tight = false;
  state.listIndent = -1;
  state.parentType = 'root';
  state.level = 0;
  state.Token = TokenClass;
  state.src = src;
  state.md = md;
  state.env = {};
  state.tokens = tokens;
  // Per line: where it starts and ends, its indent in characters and in columns (a tab to the next stop of 4).
  const len = src.length;
  let start = 0;
  let indent = 0;
  let offset = 0;
  let indentFound = false;
  for (let pos = 0; pos < len; pos++) {
    const ch = src.charCodeAt(pos);
    if (!indentFound) {
      if (ch === 9 || ch === 32) {
        indent++;
        if (ch === 9) offset += 4 - (offset % 4);
        else offset++;
        continue;
      }
      indentFound = true;
    }
    if (ch === 10 || pos === len - 1) {
      if (ch !== 10) pos++;
      bMarks.push(start);
      eMarks.push(pos);
      tShift.push(indent);
      sCount.push(offset);
      bsCount.push(0);
      indentFound = false;
      indent = 0;
      offset = 0;
      start = pos + 1;
    }
  }
  bMarks.push(len);
  eMarks.push(len);
  tShift.push(0);
  sCount.push(0);
  bsCount.push(0);
  state.lineMax = bMarks.length - 1;
  return state;
}

/**
 * Block structure only. The card rules read each block's raw inline text, so markdown-it's inline pass (most of
 * md.parse's time) is skipped; `inline` tokens keep their `content`. The same tokens `md.block.parse` makes.
 */
export function blockTokens(text: string): Token[] {
  const tokens: Token[] = [];
  if (!text) return tokens;
  const state = blockState(text, tokens);
  md.block.tokenize(state, state.line, state.lineMax);
  return tokens;
}
