import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import json from 'highlight.js/lib/languages/json';
import yaml from 'highlight.js/lib/languages/yaml';
import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';

hljs.registerLanguage('yaml', yaml);
hljs.registerLanguage('bash', bash);
hljs.registerLanguage('json', json);
hljs.registerAliases(['yml'], { languageName: 'yaml' });
hljs.registerAliases(['sh', 'shell', 'console', 'zsh'], { languageName: 'bash' });

/** The language of a fence: its info string, else a guess (manifests are YAML, `$ kubectl …` is shell). */
function fenceLanguage(info: string, code: string): string | null {
  const lang = info.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (lang && hljs.getLanguage(lang)) return lang;
  if (/^(apiVersion|kind|metadata):/m.test(code)) return 'yaml';
  if (/^\s*(\$ )?(kubectl|ip|ss|iptables|curl|nslookup|dig|crictl|kubeadm) /m.test(code)) return 'bash';
  return null;
}

/**
 * Note text is untrusted: raw HTML is off, and markdown-it's validateLink already drops javascript:,
 * vbscript:, file: and data: (non-image) URLs. Remaining links open outside the app (see Markdown.tsx).
 * highlight.js escapes the code it colours, so its output is as safe as markdown-it's own.
 */
const md = new MarkdownIt({
  html: false,
  linkify: false,
  breaks: true,
  highlight: (code, info) => {
    const lang = fenceLanguage(info, code);
    if (!lang) return '';
    return `<pre class="hljs"><code class="language-${lang}">${hljs.highlight(code, { language: lang, ignoreIllegals: true }).value}</code></pre>`;
  },
}).use(cjkFriendly);

const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  token.attrSet('target', '_blank');
  token.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

// Images in notes are files next to the note: the page asks the core for them (media/image) by the path written,
// so the <img> carries it in data-src and loads nothing by itself.
const defaultImage = md.renderer.rules.image!;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const src = String(token.attrGet('src') ?? '');
  if (!/^(https?|data):/i.test(src)) {
    token.attrSet('data-src', src);
    token.attrSet('src', '');
  }
  return defaultImage(tokens, idx, options, env, self);
};

export const renderMarkdown = (text: string): string => md.render(text);

// A private-use character survives markdown-it untouched (NUL would be replaced), in text and in code alike.
const GAP = '\uE000';
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A cloze prompt with its gap marked: before the answer `[...]` shows as a gap; after, the hidden text appears in
 * its place, highlighted. Only the first `[...]` is the card's gap (the others were left visible by the note).
 */
export function renderCloze(prompt: string, answer: string | null): string {
  const at = prompt.indexOf('[...]');
  if (at < 0) return renderMarkdown(prompt);
  const html = renderMarkdown(`${prompt.slice(0, at)}${GAP}${prompt.slice(at + 5)}`);
  // A block filled into a manifest keeps its place: its later lines start at the gap's column.
  const lineStart = prompt.lastIndexOf('\n', at) + 1;
  const lead = /^[ \t]*/.exec(prompt.slice(lineStart, at))?.[0] ?? '';
  const filled = answer === null ? '' : answer.replace(/\n/g, `\n${lead}`);
  const fill =
    answer === null
      ? '<span class="cloze-gap">[…]</span>'
      : `<mark class="cloze-fill" data-testid="cloze-fill">${escapeHtml(filled)}</mark>`;
  return html.replace(GAP, fill);
}

/** Only https links leave the app; anything else is ignored. */
export const isSafeExternal = (href: string): boolean => {
  try {
    return new URL(href).protocol === 'https:';
  } catch {
    return false;
  }
};
