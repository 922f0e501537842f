import { extractTags } from './inline.ts';
import { TAG_LINE } from './multiline.ts';
import type { ParsedCard } from './types.ts';

/**
 * The Obsidian Spaced Repetition plugin asks a deletion (`==…==`, `**…**`, `{{…}}`) with the whole paragraph
 * around it, not only its line: "A NodePort Service\nopens a port from [...]\non every node". The lines joined
 * here are the text lines next to the deletion's line, up to a blank line or a line that is something else (a
 * heading, list item, quote, table row, code, a tag line) or that makes a card of its own (a line that is a fact by
 * itself for any rule). Anki clozes (`{{c1::…}}`) stay one line.
 *
 * Lines that hold deletions of their own are where the two readings part:
 * - in any note, such a line stays its own question, so notes written one fact per line keep one card per line;
 * - in a note written for the plugin (`paragraphs`: a `#flashcards` tag or the plugin's schedule comments), the
 *   paragraph is one question as in the plugin: each deletion is asked with every line of it, the other deletions
 *   shown as text, and the paragraph's cards are siblings. Such a card keeps the identity of its line's question
 *   (`keyPrompt`), so a card stored before keeps its key and history whichever way its note is read.
 */
const OTHER_BLOCK = /^\s*(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>|\||```|~~~|\?\??\s*$)/;
const OTHER_CARD = /::|\{\{c\d+::|<!--/;

const joins = (l: string) =>
  l.trim() !== '' && !OTHER_BLOCK.test(l) && !OTHER_CARD.test(l) && !TAG_LINE.test(l);

export function widenClozeParagraphs(
  cards: ParsedCard[],
  lines: string[],
  claimed: boolean[],
  opts: { bold?: boolean; curly?: boolean; paragraphs?: boolean },
): void {
  const marks = [String.raw`==(?=\S)[^=]+?==`];
  if (opts.bold) marks.push(String.raw`\*\*(?=\S)[^*]+?\*\*`);
  if (opts.curly) marks.push(String.raw`\{\{(?!c\d+::)[^{}]+?\}\}`);
  const deletion = new RegExp(marks.join('|'));
  const deletions = new RegExp(marks.join('|'), 'g');
  // Lines holding a card that is not one of their deletions.
  const facts = new Set<number>();
  for (const c of cards) if (c.rule !== 'explicit-cloze') facts.add(c.line - 1);
  const textAt = (k: number) => !claimed[k] && !facts.has(k) && joins(lines[k]!);
  const plainAt = (k: number) => textAt(k) && !deletion.test(lines[k]!);
  // A neighbouring line as the card shows it: without its tags, its deletions as plain text.
  const shown = (k: number) =>
    extractTags(lines[k]!.trim())
      .text.trim()
      .replace(deletions, (m) => m.slice(2, -2));
  const around = (at: number, joinsAt: (k: number) => boolean) => {
    let top = at;
    while (top > 0 && joinsAt(top - 1)) top--;
    let bottom = at;
    while (bottom + 1 < lines.length && joinsAt(bottom + 1)) bottom++;
    return { top, bottom };
  };
  const widen = (c: ParsedCard, line: string, { top, bottom }: { top: number; bottom: number }) => {
    const at = c.line - 1;
    const above: string[] = [];
    for (let k = top; k < at; k++) above.push(shown(k));
    const below: string[] = [];
    for (let k = at + 1; k <= bottom; k++) below.push(shown(k));
    c.prompt = [...above, line, ...below].join('\n');
  };
  for (const c of cards) {
    if (c.rule !== 'explicit-cloze' || c.prompt.includes('\n')) continue;
    const at = c.line - 1;
    if (!joins(lines[at] ?? '')) continue;
    const own = around(at, plainAt);
    const line = c.prompt;
    if (own.top !== at || own.bottom !== at) widen(c, line, own);
    if (!opts.paragraphs) {
      c.line = own.top + 1;
      continue;
    }
    const paragraph = around(at, textAt);
    if (paragraph.top !== own.top || paragraph.bottom !== own.bottom) {
      c.keyPrompt = c.prompt;
      widen(c, line, paragraph);
      c.sibling = lines.slice(paragraph.top, paragraph.bottom + 1).join('\n');
    }
    c.line = paragraph.top + 1;
  }
}
