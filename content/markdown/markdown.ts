import MarkdownIt from 'markdown-it';

/** One configured parser: raw HTML off (note text is untrusted), no typographer rewriting of what we hide. */
export const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
