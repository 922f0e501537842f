import TurndownService from 'turndown';

/**
 * Anki fields are HTML; Kubedeck card text is Markdown. Fields Kubedeck writes use a tiny, exactly invertible subset
 * (escaped text, <br> for line breaks, <pre><code> for manifests), so a round trip gives back the same characters.
 * Fields written by Anki go through turndown.
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

/** Card text → field: escaped, line breaks as <br>. */
export const textToField = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

/** A manifest: a code block keeps its indentation and needs no <br>. */
export const codeField = (text: string) =>
  `<pre><code class="language-yaml">${escapeHtml(text)}</code></pre>`;

/** The context line Kubedeck puts above a card's front so a card read in Anki still says where it comes from. */
export const contextField = (context: string[]) =>
  context.length ? `<div class="kd-context">${escapeHtml(context.join(' › '))}</div>` : '';
const CONTEXT_DIV = /^<div class="kd-context">([^<]*)<\/div>/;

/** The inverse of textToField / codeField / contextField, for fields Kubedeck wrote. */
export function kubedeckFieldToText(html: string): { text: string; context: string[] | null } {
  let rest = html;
  let context: string[] | null = null;
  const m = CONTEXT_DIV.exec(rest);
  if (m) {
    context = unescapeHtml(m[1]!).split(' › ');
    rest = rest.slice(m[0].length);
  }
  const code = /^<pre><code[^>]*>([\s\S]*)<\/code><\/pre>$/.exec(rest);
  if (code) return { text: unescapeHtml(code[1]!), context };
  return { text: unescapeHtml(rest.replace(/<br\s*\/?>/gi, '\n')), context };
}

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

/** An Anki field written by Anki → Markdown (b, i, br, div, code, pre, img, a; images point into `mediaPrefix`). */
export function ankiHtmlToMarkdown(html: string, mediaPrefix = 'media/'): string {
  if (!/[<&]/.test(html)) return html.trim();
  let td = cache.get(mediaPrefix);
  if (!td) {
    td = makeTurndown(mediaPrefix);
    cache.set(mediaPrefix, td);
  }
  return td
    .turndown(html)
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
