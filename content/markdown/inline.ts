/**
 * Inline code spans and link targets must never be read as card syntax. We swap them for placeholders
 * (private-use characters that never occur in notes), run the rules, then put the original text back.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';

export type Masked = { text: string; spans: string[] };

function placeholder(spans: string[], hidden: string): string {
  return `${OPEN}${spans.push(hidden) - 1}${CLOSE}`;
}

export function maskInline(line: string): Masked {
  // Most lines hold no code, link or address: nothing to mask.
  if (!line.includes('`') && !line.includes('](') && !line.includes('://')) return { text: line, spans: [] };
  const spans: string[] = [];
  let text = line.includes('`')
    ? line.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (m) => placeholder(spans, m))
    : line;
  // Images whole (their alt text is no fact), then link targets: `[x](url)` keeps x readable, hides url.
  if (text.includes('!['))
    text = text.replace(/!\[[^\]]*\]\([^)\s]*(?:\s+"[^"]*")?\)(?:\{[^}]*\})?/g, (m) => placeholder(spans, m));
  if (text.includes('](')) text = text.replace(/\]\(([^)\s]+)(\s+"[^"]*")?\)/g, (m) => placeholder(spans, m));
  // Bare URLs: nothing inside an address is a fact to hide.
  if (text.includes('://'))
    text = text.replace(/\b(?:https?|ftp):\/\/[^\s<>()]+/g, (m) => placeholder(spans, m));
  return { text, spans };
}

export function unmask(text: string, spans: string[]): string {
  if (spans.length === 0 || !text.includes(OPEN)) return text;
  return text.replace(/\uE000(\d+)\uE001/g, (_, i) => spans[Number(i)] ?? '');
}

export const PLACEHOLDER_RE = /\uE000(\d+)\uE001/g;

/** A code span's inner text (without backticks), or null when the placeholder is a link target. */
export function codeSpanText(span: string): string | null {
  const m = /^(`+)([\s\S]*)\1$/.exec(span);
  return m ? m[2]!.trim() : null;
}

/** `#tag` words (not headings, not inside code), returned without the hash and removed from the text. */
export function extractTags(masked: string): { text: string; tags: string[] } {
  if (!masked.includes('#')) return { text: masked.trimEnd(), tags: [] };
  const tags: string[] = [];
  const text = masked
    // A tag starts with a letter; a nested one may start with digits (`#2024/03-11`, as daily-note vaults write).
    .replace(
      /(^|\s)#([\p{L}_][\p{L}\p{N}_\-/]*|\p{N}+\/[\p{L}\p{N}_\-/]*)/gu,
      (_m, pre: string, tag: string) => {
        tags.push(tag);
        return pre;
      },
    )
    .replace(/\s+$/, '');
  return { text, tags };
}

/** A line's readable text without its `#tag` words (tags inside code spans stay text), and the tags. */
export function splitTags(line: string): { text: string; tags: string[] } {
  const masked = maskInline(line);
  const { text, tags } = extractTags(masked.text);
  return { text: unmask(text, masked.spans).trim(), tags };
}
