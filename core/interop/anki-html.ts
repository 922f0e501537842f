import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import { isManifestText } from '../../content/markdown/manifest-blocks.ts';
import { escapeHtml } from './field-html.ts';

/**
 * Card text (Markdown) as the HTML an Anki field holds, so a card reads in Anki as it does in Kubedeck: the same
 * markdown-it with the app's options (raw HTML off, line breaks kept, CJK-friendly emphasis). Manifests and other
 * indented text go into <pre>, where HTML keeps the indentation that a paragraph would collapse.
 */
const md = new MarkdownIt({ html: false, linkify: false, breaks: true }).use(cjkFriendly);

/** A piece of a field: plain text, or the text of cloze number n. */
export type Segment = string | { n: number; text: string };

// Private-use characters survive markdown-it in text and code alike; they mark where a cloze opens and closes.
const OPEN = '\uE001';
const MID = '\uE002';
const CLOSE = '\uE003';

/** Multi-line text whose lines are indented (YAML, command output): a paragraph would lose the indentation. */
export const isIndentedText = (text: string) =>
  !text.includes('```') && text.includes('\n') && (isManifestText(text) || /^( {2,}|\t)\S/m.test(text));

/** Text in a code block; a manifest says it is YAML, for Anki add-ons that colour code. */
const codeHtml = (text: string, plain: string) =>
  `<pre><code${isManifestText(plain) ? ' class="language-yaml"' : ''}>${escapeHtml(text)}</code></pre>`;

type ImageName = (src: string) => string | null;

function render(text: string, imageName: ImageName): string {
  const html = md
    .render(text, { imageName })
    .replace(/\n+$/, '')
    // One paragraph needs no <p>: Anki's own fields have none, and its margins would push the card down.
    .replace(/^<p>((?:(?!<p>)[\s\S])*)<\/p>$/, '$1');
  return html.replace(/\n(?=<br>)|(?<=<br>)\n/g, '');
}

md.renderer.rules.image = (tokens, idx, _options, env) => {
  const token = tokens[idx]!;
  const src = String(token.attrGet('src') ?? '');
  const name = (env as { imageName?: ImageName } | undefined)?.imageName?.(src) ?? src;
  const alt = token.children ? md.renderer.renderInlineAsText(token.children, md.options, env) : '';
  return `<img src="${escapeHtml(name)}" alt="${escapeHtml(alt)}">`;
};

/** A field's HTML from its segments; clozes become Anki's {{cN::…}} around their rendered text. */
export function fieldHtml(segments: Segment[], opts: { code?: boolean; imageName?: ImageName } = {}): string {
  const text = segments
    .map((s) => (typeof s === 'string' ? s : `${OPEN}${s.n}${MID}${s.text}${CLOSE}`))
    .join('');
  const plain = segments.map((s) => (typeof s === 'string' ? s : s.text)).join('');
  const html =
    opts.code || isIndentedText(plain) ? codeHtml(text, plain) : render(text, opts.imageName ?? (() => null));
  return html.replace(new RegExp(`${OPEN}(\\d+)${MID}`, 'g'), '{{c$1::').replaceAll(CLOSE, '}}');
}

/** Image paths a card's Markdown names (`![alt](path)`), in order. */
export function imagePaths(text: string): string[] {
  const out = new Set<string>();
  for (const t of md.parse(text, {}))
    for (const c of t.children ?? []) if (c.type === 'image') out.add(String(c.attrGet('src') ?? ''));
  return [...out].filter((s) => s && !/^[a-z][a-z0-9+.-]*:/i.test(s));
}
