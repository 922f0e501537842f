import { fenceMask } from './note-text.ts';

/**
 * The explicit multi-line card (Obsidian SR plugin style): question lines, a line holding only `?` (or `??` for
 * both directions), answer lines, ended by a blank line or `---`. The answer may be a fenced code block (blank
 * lines inside it included) or a manifest. Found before Markdown parsing, because Markdown would read
 * `answer\n---` as a heading.
 */
export type MultilineCard = {
  start: number;
  end: number;
  questionLine: number;
  question: string;
  answer: string;
  reversed: boolean;
};

const FENCE = /^\s*(`{3,}|~{3,})/;
/** A line of tags only (`#flashcards/cka`, `#2024/03-11`): it names a deck or a date, it asks nothing. */
export const TAG_LINE = /^\s*#[^\s#]+(?:\s+#[^\s#]+)*\s*$/;

const isMark = (l: string) => {
  const t = l.trim();
  return t === '?' || t === '??';
};

/** Where a question's lines end going up: a blank line, `---`, a heading, a tag line, another card's mark. */
function endsQuestionAbove(l: string): boolean {
  const t = l.trim();
  return t === '' || t === '---' || /^#{1,6}\s/.test(l) || TAG_LINE.test(l) || isMark(l) || /\S\s*::/.test(l);
}

export function findMultilineCards(lines: string[], claimed: boolean[]): MultilineCard[] {
  const out: MultilineCard[] = [];
  if (!lines.some((l) => l.length <= 8 && (l.trim() === '?' || l.trim() === '??'))) return out;
  const code = fenceMask(lines);
  let floor = 0;
  for (let i = 0; i < lines.length; i++) {
    const mark = lines[i]!.trim();
    if (claimed[i] || code[i] || (mark !== '?' && mark !== '??')) continue;
    let qStart = i;
    while (
      qStart > floor &&
      !claimed[qStart - 1] &&
      !code[qStart - 1] &&
      !endsQuestionAbove(lines[qStart - 1]!)
    ) {
      qStart--;
    }
    // Lines run on from an earlier `?` up to this one: that card's answer, and then this card's question, which
    // the plugin takes to be the one line above the mark.
    if (qStart > 0 && qStart < i - 1 && isMark(lines[qStart - 1]!)) qStart = i - 1;
    let end = i + 1;
    while (end < lines.length && !claimed[end]) {
      const t = lines[end]!.trim();
      if (FENCE.test(lines[end]!) && code[end]) {
        // A fenced answer runs to its closing fence, blank lines and all.
        end++;
        while (end < lines.length && code[end] && !FENCE.test(lines[end]!)) end++;
        if (end < lines.length && code[end]) end++;
        continue;
      }
      if (t === '' || t === '---') break;
      // The line above another `?` is that card's question, not this card's answer.
      if (end + 1 < lines.length && isMark(lines[end + 1]!) && !code[end + 1]) break;
      end++;
    }
    const question = lines
      .slice(qStart, i)
      .map((l) => l.trim())
      .join('\n');
    const answer = lines
      .slice(i + 1, end)
      .map((l) => l.replace(/\s+$/, ''))
      .join('\n')
      .trim();
    if (!question || !answer) continue;
    const stop = end < lines.length && lines[end]!.trim() === '---' ? end + 1 : end;
    out.push({
      start: qStart,
      end: stop,
      questionLine: qStart + 1,
      question,
      answer,
      reversed: mark === '??',
    });
    i = stop - 1;
    floor = stop;
  }
  return out;
}
