import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';

/**
 * Note text is untrusted: raw HTML is off, and markdown-it's validateLink already drops javascript:,
 * vbscript:, file: and data: (non-image) URLs. Remaining links open outside the app (see Markdown.tsx).
 */
const md = new MarkdownIt({ html: false, linkify: false, breaks: true }).use(cjkFriendly);

const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  token.attrSet('target', '_blank');
  token.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export const renderMarkdown = (text: string): string => md.render(text);

/** Only https links leave the app; anything else is ignored. */
export const isSafeExternal = (href: string): boolean => {
  try {
    return new URL(href).protocol === 'https:';
  } catch {
    return false;
  }
};
