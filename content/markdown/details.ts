import { fenceMask } from './note-text.ts';

/**
 * `<details><summary>question</summary>answer</details>`: a question with its hidden answer. A summary that only
 * says "show" / "Solution" / "정답" asks the heading or line just above the block instead. The tag lines are
 * blanked so the answer's own lines (code, lists) are still read by the other rules.
 */
export type DetailsCard = { line: number; prompt: string; answer: string };

// `(?![A-Za-z])`, not `\b`: after a Hangul word there is no word boundary in a JS regex.
const GENERIC =
  /^(?:show|show answer|answer|answers|solution|solutions|hint|hints|click.*|stuck.*|reveal.*|details|more|expand|정답|답|풀이|해설|힌트|보기|펼치기|더보기|코드)(?![A-Za-z])/i;

const TITLE = /^(?:\*{2,3}[^*]{1,120}\*{2,3}|__\*?[^_]{1,120}?\*?__)\s*[:：?？]?$/;

function clean(text: string): string {
  return text
    .replace(/<[^>]+>/g, '')
    .replace(/^#{1,6}\s+/, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/\*\*|^__\*?|\*?__$/g, '')
    .replace(/[:：]\s*$/, '')
    .trim();
}

export function findDetails(lines: string[], claimed: boolean[]): DetailsCard[] {
  const out: DetailsCard[] = [];
  if (!lines.some((l) => l.includes('<details'))) return out;
  const code = fenceMask(lines);
  for (let i = 0; i < lines.length; i++) {
    if (code[i] || claimed[i] || !/<details[\s>]/i.test(lines[i]!)) continue;
    let end = i;
    while (end < lines.length && !(!code[end] && /<\/details>/i.test(lines[end]!))) end++;
    if (end >= lines.length) continue;
    const block = lines.slice(i, end + 1).join('\n');
    const summary =
      /<summary[^>]*>([\s\S]*?)<\/summary>/i
        .exec(block)?.[1]
        ?.replace(/<[^>]+>/g, '')
        .trim() ?? '';
    let prompt = summary;
    if (!summary || GENERIC.test(summary)) {
      prompt = '';
      let nearest = '';
      for (let k = i - 1; k >= 0; k--) {
        const t = lines[k]!.trim();
        // Past quotes, HTML, code and breadcrumb lines ("Docs > Concepts > ...") to the task the block answers.
        if (!t || code[k] || /^<\/?\w+[^>]*>$/.test(t) || /^>/.test(t) || (t.match(/ > /g)?.length ?? 0) >= 2)
          continue;
        if (/^(?:-{3,}|\*{3,}|_{3,})$/.test(t) || /<\/details>/i.test(t) || i - k > 12) break;
        // The first title line or the heading of the section asks the question; lines under it explain it.
        if (/^#{1,6}\s/.test(t)) {
          prompt = clean(t);
          break;
        }
        if (TITLE.test(t)) prompt = clean(t);
        nearest ||= clean(t);
      }
      prompt ||= nearest;
    }
    const answer = block
      .replace(/<summary[^>]*>[\s\S]*?<\/summary>/i, '')
      .replace(/<\/?details[^>]*>/gi, '')
      .replace(/<\/?p>/gi, '')
      .split('\n')
      .map((l) => l.replace(/<[^>]+>/g, '').replace(/\s+$/, ''))
      .filter((l, k, all) => l.trim() || (k > 0 && all[k - 1]!.trim()))
      .join('\n')
      .trim();
    // An empty block ("```bash\n```") answers nothing.
    const said = answer.replace(/^\s*(?:`{3,}|~{3,})[\w+-]*\s*$/gm, '').trim();
    if (prompt && said && prompt.length <= 400)
      out.push({ line: i + 1, prompt, answer: answer.slice(0, 4000) });
    // Blank the tag lines (not the content) so Markdown reads the answer as ordinary lines.
    for (let k = i; k <= end; k++) {
      if (code[k]) continue;
      lines[k] = lines[k]!.replace(/<summary[^>]*>[\s\S]*?<\/summary>/gi, '')
        .replace(/<\/?details[^>]*>/gi, '')
        .replace(/<\/?p>/gi, '');
      if (!lines[k]!.trim()) lines[k] = '';
    }
    i = end;
  }
  return out;
}
