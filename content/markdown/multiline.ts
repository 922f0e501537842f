/**
 * The explicit multi-line card: question lines, a line holding only `?`, answer lines, ended by a blank line
 * or `---`. Found before Markdown parsing, because Markdown would read `answer\n---` as a heading.
 */
export type MultilineCard = {
  start: number;
  end: number;
  questionLine: number;
  question: string;
  answer: string;
};

export function findMultilineCards(lines: string[], claimed: boolean[]): MultilineCard[] {
  const out: MultilineCard[] = [];
  let floor = 0;
  for (let i = 0; i < lines.length; i++) {
    if (claimed[i] || lines[i]!.trim() !== '?') continue;
    let qStart = i;
    while (
      qStart > floor &&
      !claimed[qStart - 1] &&
      lines[qStart - 1]!.trim() !== '' &&
      lines[qStart - 1]!.trim() !== '---' &&
      !/^#{1,6}\s/.test(lines[qStart - 1]!)
    ) {
      qStart--;
    }
    let end = i + 1;
    while (end < lines.length && !claimed[end] && lines[end]!.trim() !== '' && lines[end]!.trim() !== '---')
      end++;
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
    out.push({ start: qStart, end: stop, questionLine: qStart + 1, question, answer });
    i = stop - 1;
    floor = stop;
  }
  return out;
}
