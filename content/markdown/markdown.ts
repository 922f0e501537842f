import MarkdownIt from 'markdown-it';

/** One configured parser: raw HTML off (note text is untrusted), no typographer rewriting of what we hide. */
export const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

export type Token = ReturnType<typeof md.parse>[number];

/**
 * Block structure only. The card rules read each block's raw inline text, so markdown-it's inline pass (most of
 * md.parse's time) is skipped; `inline` tokens keep their `content`.
 */
export function blockTokens(text: string): Token[] {
  const tokens: Token[] = [];
  md.block.parse(text, md, {}, tokens);
  return tokens;
}
