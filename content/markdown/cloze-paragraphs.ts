import { extractTags } from './inline.ts';
import { TAG_LINE } from './multiline.ts';
import type { ParsedCard } from './types.ts';

/**
 * The Obsidian Spaced Repetition plugin asks a deletion (`==…==`, `**…**`, `{{…}}`) with the whole paragraph
 * around it, not only its line: "A NodePort Service\nopens a port from [...]\non every node". The lines joined
 * here are the text lines next to the deletion's line, up to a blank line or a line that is something else (a
 * heading, list item, quote, table row, code, a tag line) or that makes a card of its own (any rule: a line that
 * is a fact by itself, or holds deletions of its own), so notes written one fact per line keep one card per line
 * (the plugin would make one question of a run of such lines). Anki clozes (`{{c1::…}}`) stay one line.
 */
const OTHER_BLOCK = /^\s*(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>|\||```|~~~|\?\??\s*$)/;
const OTHER_CARD = /::|\{\{c\d+::|<!--/;

const joins = (l: string) =>
  l.trim() !== '' && !OTHER_BLOCK.test(l) && !OTHER_CARD.test(l) && !TAG_LINE.test(l);

export function widenClozeParagraphs(
  cards: ParsedCard[],
  lines: string[],
  claimed: boolean[],
  opts: { bold?: boolean; curly?: boolean },
): void {
  const marks = [String.raw`==(?=\S)[^=]+?==`];
  if (opts.bold) marks.push(String.raw`\*\*(?=\S)[^*]+?\*\*`);
  if (opts.curly) marks.push(String.raw`\{\{(?!c\d+::)[^{}]+?\}\}`);
  const deletion = new RegExp(marks.join('|'));
  // Lines holding a card that is not one of their deletions.
  const facts = new Set<number>();
  for (const c of cards) if (c.rule !== 'explicit-cloze') facts.add(c.line - 1);
  const joinsAt = (k: number) =>
    !claimed[k] && !facts.has(k) && joins(lines[k]!) && !deletion.test(lines[k]!);
  // A neighbouring line as the card shows it, without its tags.
  const shown = (k: number) => extractTags(lines[k]!.trim()).text.trim();
  for (const c of cards) {
    if (c.rule !== 'explicit-cloze' || c.prompt.includes('\n')) continue;
    const at = c.line - 1;
    const own = lines[at] ?? '';
    if (!joins(own)) continue;
    let top = at;
    while (top > 0 && joinsAt(top - 1)) top--;
    let bottom = at;
    while (bottom + 1 < lines.length && joinsAt(bottom + 1)) bottom++;
    if (top === at && bottom === at) continue;
    const above: string[] = [];
    for (let k = top; k < at; k++) above.push(shown(k));
    const below: string[] = [];
    for (let k = at + 1; k <= bottom; k++) below.push(shown(k));
    c.prompt = [...above, c.prompt, ...below].join('\n');
    c.line = top + 1;
  }
}
