import { type FlashcardsTag, flashcardsTagsAt } from './flashcards-decks.ts';
import { blankHtmlComments } from './html-comments.ts';
import { takeSrComments } from './sr-comments.ts';
import type { SrHistory } from './types.ts';

/**
 * Rewrites a note's lines in place (never adding or removing lines, so line numbers hold) into the Markdown the
 * card rules read: Obsidian habits (`[[link|alias]]`, `![[embed]]`, callouts, `^block-id`, `<!--SR:...-->`)
 * and HTML written inside Markdown (`<br>`, `<b>`, `<code>`, `<pre><code>`, `<img>`, `<p>`), read for text and
 * never rendered. Fenced code is left alone.
 */
export type NoteText = {
  /** Scheduling comments of the SR plugin by the 0-based line of the card text they follow (see sr-comments.ts). */
  sr: Map<number, SrHistory[]>;
  /** The note's `#flashcards/deck/sub` tags, line by line (see flashcards-decks.ts). */
  flashcards: FlashcardsTag[];
  /** HTML tables, read as rows of cell text. */
  tables: { line: number; header: string[]; rows: string[][] }[];
};

// What a line needs to hold for it to be rewritten (the per-line test below, on the whole text).
const REWRITTEN = /[<^]|\[\[|#flashcards|\[!/;
const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' ',
};

export function fenceMask(lines: string[]): boolean[] {
  const inside = new Array<boolean>(lines.length).fill(false);
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(`{3,}|~{3,})/.exec(lines[i]!);
    if (fence) {
      inside[i] = true;
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && lines[i]!.trim() === m[1])
        fence = null;
    } else if (m) {
      inside[i] = true;
      fence = m[1]!;
    }
  }
  return inside;
}

function stripTags(s: string): string {
  return s
    .replace(/<[^>]+>/g, '')
    .replace(/&[a-z]+;|&#\d+;/g, (e) => ENTITIES[e] ?? e)
    .trim();
}

// Jekyll/Liquid code blocks of blog-hosted notes: `{% highlight bash %}` … `{% endhighlight %}`.
const LIQUID_OPEN = /^\s*\{%-?\s*highlight\s+([\w+-]+)[^%]*-?%\}\s*$/;
const LIQUID_CLOSE = /^\s*\{%-?\s*endhighlight\s*-?%\}\s*$/;
const LIQUID_RAW = /^\s*\{%-?\s*(?:end)?raw\s*-?%\}\s*$/;

// Hugo shortcodes (`{{< note >}}`, `{{% heading "whatsnext" %}}`) and header ids (`## Title {#id}`).
const SHORTCODE = /\{\{[<%][^}]*?[%>]\}\}/g;
const HEADER_ID = /\s*\{#[\w-]+\}\s*$/;
const SITE_MARKUP = /\{%|\{\{[<%]|\{#/;

/**
 * Liquid `highlight` blocks become fences (line for line), so they are code to every rule; site-generator markup
 * (Liquid tags, Hugo shortcodes, header ids) is never card text.
 */
function siteMarkup(lines: string[], from: number): void {
  // Inside a Markdown fence nothing is rewritten; inside a Liquid block only its closing tag is.
  let fence: 'md' | 'liquid' | null = null;
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (fence !== 'liquid' && /^\s*(?:`{3,}|~{3,})/.test(l)) fence = fence ? null : 'md';
    if (fence === 'md') continue;
    if (l.includes('{%')) {
      const open = fence ? null : LIQUID_OPEN.exec(l);
      if (open) {
        lines[i] = `\`\`\`${open[1]}`;
        fence = 'liquid';
        continue;
      }
      if (LIQUID_CLOSE.test(l)) {
        lines[i] = '```';
        fence = null;
        continue;
      }
    }
    if (fence) continue;
    if (l.includes('{%') && LIQUID_RAW.test(l)) {
      lines[i] = '';
      continue;
    }
    if (l.includes('{{<') || l.includes('{{%')) {
      const rest = l.replace(SHORTCODE, '');
      lines[i] = rest.trim() && !/^#{1,6}\s*$/.test(rest.trim()) ? rest.replace(/\s+$/, '') : '';
    }
    if (l.includes('{#') && /^#{1,6}\s/.test(lines[i]!)) lines[i] = lines[i]!.replace(HEADER_ID, '');
  }
}

const INDENTED_FENCE = /^( +)(`{3,}|~{3,})/;
const INDENTED_FENCE_IN_TEXT = /\n +(?:`{3}|~{3})/;

/**
 * A fence indented under a list item, with the code pasted at the left margin (the writer's editor indented the
 * fence line and its first line only). Markdown reads the first outdented line as the end of the item, so the
 * code became paragraphs and lists: `role: db` a term and its definition. When the closing fence comes back at
 * the fence's own indentation, the lines between are indented to it, so the block is code again.
 */
function indentFenceBodies(lines: string[], from: number): void {
  for (let i = from; i < lines.length; i++) {
    const open = INDENTED_FENCE.exec(lines[i]!);
    if (!open) continue;
    const [, indent, marker] = open as unknown as [string, string, string];
    const n = indent.length;
    let close = -1;
    for (let j = i + 1; j < lines.length; j++) {
      const m = /^( *)(`{3,}|~{3,})\s*$/.exec(lines[j]!);
      if (m && m[2]![0] === marker[0] && m[2]!.length >= marker.length) {
        close = Math.abs(m[1]!.length - n) <= 1 ? j : -1;
        break;
      }
    }
    if (close < 0) continue;
    const body = lines.slice(i + 1, close);
    const indentOf = (l: string) => l.length - l.trimStart().length;
    if (body.some((l) => l.trim() && indentOf(l) < n)) {
      const first = body.findIndex((l) => l.trim());
      for (let k = i + 1; k < close; k++)
        if (lines[k]!.trim() && !(k === i + 1 + first && indentOf(lines[k]!) >= n))
          lines[k] = indent + lines[k]!;
    }
    i = close;
  }
}

/** `text`, when given, is the note the lines were split from: one search of it can tell there is nothing to do. */
// Korean note habits: "ㄴ 설명" (or └, ↳) under a line is a sub-item of it; "※ 참고" only marks a remark.
const KO_MARK_CHAR = /[ㄴ└↳※]/;
const KO_MARKS = /(?:^|\n)[ \t]*(?:ㄴ|└|↳|※)/;
const SUB_ITEM = /^(\s*)(?:ㄴ|└─?|↳)\s+(?=\S)/;
const LIST_ITEM = /^(\s*)(?:[-*+]|\d{1,3}[.)])\s/;

/** Sub-item marks become list items (nested under a list item above them), remark marks are dropped. */
function koreanMarks(lines: string[], from: number): void {
  const code = fenceMask(lines);
  let parent = -1;
  for (let i = from; i < lines.length; i++) {
    // A code block ends the list a sub-item could belong to.
    if (code[i]) {
      parent = -1;
      continue;
    }
    const l = lines[i]!;
    const sub = SUB_ITEM.exec(l);
    if (sub) {
      lines[i] = `${' '.repeat(parent >= 0 ? parent + 2 : 0)}- ${l.slice(sub[0].length)}`;
      continue;
    }
    if (l.includes('※')) lines[i] = l.replace(/^(\s*(?:[-*+]\s+)?)※\s*/, '$1');
    const item = LIST_ITEM.exec(lines[i]!);
    parent = item ? item[1]!.length : lines[i]!.trim() ? -1 : parent;
  }
}

export function normaliseNoteText(lines: string[], from: number, text?: string): NoteText {
  const out: NoteText = { sr: new Map(), tables: [], flashcards: [] };
  if (text === undefined || SITE_MARKUP.test(text)) siteMarkup(lines, from);
  if (text === undefined || INDENTED_FENCE_IN_TEXT.test(text)) indentFenceBodies(lines, from);
  if (text === undefined || (KO_MARK_CHAR.test(text) && KO_MARKS.test(text))) koreanMarks(lines, from);
  if (text !== undefined && !REWRITTEN.test(text)) return out;
  // Only lines holding one of these characters need rewriting.
  let any = false;
  for (let i = from; i < lines.length && !any; i++) {
    const l = lines[i]!;
    any =
      l.includes('<') || l.includes('[[') || l.includes('#flashcards') || l.includes('[!') || l.includes('^');
  }
  if (!any) return out;
  const code = fenceMask(lines);
  if (text === undefined || text.includes('<!--')) {
    blankHtmlComments(lines, from, code);
    out.sr = takeSrComments(lines, from, code);
  }
  for (let i = from; i < lines.length; i++) {
    if (code[i]) continue;
    let l = lines[i]!;
    const tags = flashcardsTagsAt(l, i);
    if (tags) out.flashcards.push(tags);
    if (l.includes('[[')) {
      l = l
        .replace(/!\[\[[^\]]*\]\]/g, '')
        .replace(/\[\[([^\]|]+)\|([^\]]+)\]\]/g, '$2')
        .replace(/\[\[([^\]]+)\]\]/g, '$1');
    }
    // Obsidian callout: "> [!tip] CKA Exam" reads as a bold title line inside the quote.
    // A type with data after `|` (PDF annotations: `[!PDF|255, 208, 0] [[book.pdf#page=10|page 10]]`) is titled
    // with a link back to its source: no card text.
    l = l.replace(/^(\s*(?:>\s*)+)\[!\w+\|[^\]]*\][+-]?.*$/, '$1');
    l = l.replace(/^(\s*(?:>\s*)+)\[!\w+\][+-]?\s*(.*)$/, (_m, q: string, title: string) =>
      title.trim() ? `${q}**${title.trim()}**` : q.trimEnd(),
    );
    l = l.replace(/\s\^[A-Za-z0-9-]+$/, '');
    if (l.includes('<')) l = htmlLine(l, lines, i, out, code);
    lines[i] = l;
  }
  return out;
}

function htmlLine(l: string, lines: string[], i: number, out: NoteText, code: boolean[]): string {
  if (/<table[\s>]/i.test(l)) {
    let end = i;
    while (end < lines.length && !/<\/table>/i.test(lines[end]!)) end++;
    const html = lines.slice(i, end + 1).join('\n');
    const rows = [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)].map((r) =>
      [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/gi)].map((c) =>
        stripTags(c[1]!.replace(/<br\s*\/?>/gi, ' ')),
      ),
    );
    if (rows.length >= 2) out.tables.push({ line: i, header: rows[0]!, rows: rows.slice(1) });
    for (let k = i + 1; k <= end && k < lines.length; k++) {
      lines[k] = '';
      code[k] = true;
    }
    return '';
  }
  let s = l
    .replace(/<pre[^>]*>\s*<code[^>]*>([^<]*)<\/code>\s*<\/pre>/gi, '`$1`')
    .replace(/^\s*<pre[^>]*>\s*(?:<code[^>]*>)?\s*$/i, '```')
    .replace(/^\s*(?:<\/code>)?\s*<\/pre>\s*$/i, '```')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?(?:b|strong)>/gi, '**')
    .replace(/<\/?(?:i|em)>/gi, '*')
    .replace(/<code>([^<]*)<\/code>/gi, '`$1`')
    .replace(/<img[^>]*>/gi, '')
    .replace(/<\/?(?:p|blockquote|span|div|u|sup|sub|kbd|mark|center|font)(?:\s[^>]*)?>/gi, '');
  if (s !== l) s = s.replace(/&[a-z]+;|&#\d+;/g, (e) => ENTITIES[e] ?? e);
  return s.trim() ? s.replace(/\s+$/, '') : '';
}
