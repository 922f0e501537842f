import TurndownService from 'turndown';

/**
 * Anki fields are HTML; Kubedeck card text is Markdown. Fields Kubedeck writes carry their Markdown with them
 * (anki-note-source.ts); fields written or edited in Anki go through turndown.
 */
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ESC[c]!);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
export const unescapeHtml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });

/** How the Context field joins a card's headings, so a card read in Anki still says where it comes from. */
export const CONTEXT_SEPARATOR = ' › ';

const SAFE_HREF = /^(https?:|mailto:)/i;

function makeTurndown(mediaPrefix: string): TurndownService {
  const td = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', emDelimiter: '_' });
  // Anki text is literal: a "*" a learner typed is a star, not emphasis to escape.
  td.escape = (s: string) => s;
  td.addRule('br', { filter: 'br', replacement: () => '\n' });
  td.addRule('div', { filter: 'div', replacement: (content) => `${content.replace(/\n+$/, '')}\n` });
  td.addRule('img', {
    filter: 'img',
    replacement: (_c, node) => {
      const el = node as HTMLElement;
      const src = el.getAttribute('src') ?? '';
      if (!src) return '';
      const target = /^[a-z]+:/i.test(src) ? src : `${mediaPrefix}${src}`;
      return `![${el.getAttribute('alt') ?? ''}](${target.replace(/ /g, '%20')})`;
    },
  });
  td.addRule('link', {
    filter: 'a',
    replacement: (content, node) => {
      const href = (node as HTMLElement).getAttribute('href') ?? '';
      return SAFE_HREF.test(href) ? `[${content}](${href})` : content;
    },
  });
  return td;
}

const cache = new Map<string, TurndownService>();

/**
 * Anki's editor writes the lines of a code block as <br> (or <div>s) inside <pre>; turndown reads a code block's
 * text only, where those would vanish and the block collapse to one line. They become newlines first.
 */
const codeLineBreaks = (html: string) =>
  html.replace(/<pre\b[^>]*>[\s\S]*?<\/pre>/gi, (pre) =>
    pre
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/div>\s*<div[^>]*>/gi, '\n')
      .replace(/<\/?div[^>]*>/gi, ''),
  );

/** An Anki field written by Anki → Markdown (b, i, br, div, code, pre, img, a; images point into `mediaPrefix`). */
export function ankiHtmlToMarkdown(html: string, mediaPrefix = 'media/'): string {
  if (!/[<&]/.test(html)) return html.trim();
  let td = cache.get(mediaPrefix);
  if (!td) {
    td = makeTurndown(mediaPrefix);
    cache.set(mediaPrefix, td);
  }
  return td
    .turndown(codeLineBreaks(html))
    .replace(/\u00a0/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Anki's sort field and checksum read the first field as Anki's strip_html_preserving_media_filenames does: image
 * tags become their file names, other tags are dropped (no space in their place), entities are decoded.
 */
export function fieldPlainText(html: string): string {
  return unescapeHtml(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<img[^>]*src=["']?([^"'>\s]+)[^>]*>/gi, ' $1 ')
      .replace(/<[^>]*>/g, ''),
  );
}
