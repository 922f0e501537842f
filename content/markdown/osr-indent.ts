import { fenceMask } from './note-text.ts';

/**
 * Markdown reads lines indented four spaces or more after a blank line as a code block; the Obsidian Spaced
 * Repetition plugin reads lines, and finds its cards there all the same. In a note written for the plugin, such a
 * run of lines that holds the plugin's syntax is moved back to the margin (in place, line for line), so its cards
 * are read. A run inside a list (its continuation) or holding none of that syntax stays code.
 */
const INDENTED = /^(?: {4,}|\t)\s*\S/;
const OSR_SYNTAX = /::|==\S|#flashcards|^\s*\?\??\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s/;

export function dedentOsrCode(lines: string[], from: number): void {
  const fence = fenceMask(lines);
  let i = from;
  while (i < lines.length) {
    const startsRun =
      !fence[i] &&
      INDENTED.test(lines[i]!) &&
      (i === from || !lines[i - 1]!.trim()) &&
      !inList(lines, i, from);
    if (!startsRun) {
      i++;
      continue;
    }
    // The run: indented lines and the blank lines between them.
    let end = i;
    let last = i;
    while (end < lines.length && !fence[end] && (INDENTED.test(lines[end]!) || !lines[end]!.trim())) {
      if (lines[end]!.trim()) last = end;
      end++;
    }
    if (lines.slice(i, last + 1).some((l) => OSR_SYNTAX.test(l)))
      for (let k = i; k <= last; k++) lines[k] = lines[k]!.trim();
    i = last + 1;
  }
}

/** The last text line above `i` belongs to a list, so indented lines here continue it. */
function inList(lines: string[], i: number, from: number): boolean {
  for (let k = i - 1; k >= from; k--) {
    const l = lines[k]!;
    if (!l.trim()) continue;
    return LIST_ITEM.test(l) || /^\s{2,}\S/.test(l);
  }
  return false;
}
