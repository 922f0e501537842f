import type { ParsedCard, SrHistory } from './types.ts';

/**
 * The Obsidian Spaced Repetition plugin keeps a question's schedules in an HTML comment, one `!`-led segment per
 * card of the question (per deletion of a cloze, per side of a `:::` card):
 *
 * - `<!--SR:!2024-01-01,3,250!2024-01-05,5,270-->` — due day, interval in days, ease in percent (SM-2);
 * - `<!--SR:2024-01-01,3,250-->` — the older single-card form, without `!`;
 * - `!fsrs,<due ISO>,<interval>,<stability>,<difficulty>,<state>,<reps>,<lapses>,<steps>,<last review ISO>` —
 *   the FSRS form, in the same comment beside SM-2 segments;
 * - `2000-01-01` as the due day marks a card of the question not reviewed yet (it keeps its place in the list).
 *
 * The comment sits at the end of the card's last line, alone on the line after it, or (newer versions) in a
 * `> [!sr|card-metadata]` callout under the card. The plugin still reads a comment whose `-->` is missing.
 */

/** A comment on one line: its body runs to `-->`, or to the end of the line when that is missing. */
const SR_COMMENT = /[ \t]*<!--\s*SR:(.*?)(?:-->|$)/g;
const SM2 = /^(\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4}),(\d+),(\d+)/;
const CALLOUT = /^\s*>\s*\[!sr\|card-metadata\]/i;
/** The plugin writes this due day for a card of a question that has not been reviewed yet. */
export const NOT_REVIEWED = '2000-01-01';

function fsrsSegment(fields: string[]): SrHistory | null {
  const [, dueAt, interval, stability, difficulty, state, reps, lapses, steps, lastReview] = fields;
  const due = dueAt ? new Date(dueAt) : null;
  if (!due || Number.isNaN(due.getTime())) return null;
  const last = lastReview ? new Date(lastReview) : null;
  return {
    due: due.toISOString().slice(0, 10),
    interval: Number.parseFloat(interval ?? '0') || 0,
    ease: 0,
    fsrs: {
      dueAt: due.toISOString(),
      stability: Number.parseFloat(stability ?? '') || 0,
      difficulty: Number.parseFloat(difficulty ?? '') || 0,
      state: Number.parseInt(state ?? '', 10) || 0,
      reps: Number.parseInt(reps ?? '', 10) || 0,
      lapses: Number.parseInt(lapses ?? '', 10) || 0,
      learningSteps: Number.parseInt(steps ?? '', 10) || 0,
      lastReview: last && !Number.isNaN(last.getTime()) ? last.toISOString() : null,
    },
  };
}

/**
 * The schedules of one comment body, one per card in the plugin's order. A segment that cannot be read stays in
 * the list as the not-reviewed placeholder, so the segments after it still reach their own cards.
 */
export function parseSrBody(body: string): SrHistory[] {
  const out: SrHistory[] = [];
  for (const raw of body.split('!')) {
    const seg = raw.trim();
    if (!seg) continue;
    if (seg.startsWith('fsrs,')) {
      out.push(fsrsSegment(seg.split(',')) ?? { due: NOT_REVIEWED, interval: 0, ease: 0 });
      continue;
    }
    const m = SM2.exec(seg);
    out.push(
      m
        ? { due: m[1]!, interval: Number(m[2]), ease: Number(m[3]) }
        : { due: NOT_REVIEWED, interval: 0, ease: 0 },
    );
  }
  return out;
}

/**
 * Takes the plugin's schedule comments (and their callouts) out of the note's lines, in place and line for line,
 * and returns them by the 0-based line of the card text they follow: the comment's own line when text is left
 * on it, else the line above the comment or the callout. Comments inside fenced code (`code[i]`) are left alone.
 */
export function takeSrComments(lines: string[], from: number, code: boolean[]): Map<number, SrHistory[]> {
  const out = new Map<number, SrHistory[]>();
  for (let i = from; i < lines.length; i++) {
    if (code[i]) continue;
    const l = lines[i]!;
    if (CALLOUT.test(l)) {
      // `> [!sr|card-metadata]` and its quoted lines down to the one holding the comment.
      let j = i;
      let body: string | null = null;
      for (; j < lines.length && (j === i || /^\s*>/.test(lines[j]!)); j++) {
        const m = /<!--\s*SR:(.*?)(?:-->|$)/.exec(lines[j]!);
        lines[j] = '';
        if (m) {
          body = m[1]!;
          break;
        }
      }
      if (body !== null && i > from && lines[i - 1]!.trim()) out.set(i - 1, parseSrBody(body));
      i = j;
      continue;
    }
    if (!l.includes('<!--') || !/<!--\s*SR:/.test(l)) continue;
    let body: string | null = null;
    const rest = l.replace(SR_COMMENT, (_m, b: string) => {
      body ??= b;
      return '';
    });
    if (body === null) continue;
    if (rest.trim()) {
      lines[i] = rest.replace(/\s+$/, '');
      out.set(i, parseSrBody(body));
    } else {
      lines[i] = '';
      if (i > from && lines[i - 1]!.trim()) out.set(i - 1, parseSrBody(body));
    }
  }
  return out;
}

/**
 * Gives each explicit card the schedule its question's comment holds for it. A comment belongs to the question
 * whose text it follows: the card starting on that line, else (a multi-line card, a cloze paragraph) the first
 * card found going up through the same block of lines. The n-th card of the question takes the n-th schedule;
 * the plugin's not-reviewed placeholder leaves its card new.
 */
export function attachSrHistory(cards: ParsedCard[], sr: Map<number, SrHistory[]>, lines: string[]): void {
  if (sr.size === 0) return;
  const byLine = new Map<number, ParsedCard[]>();
  for (const c of cards) {
    if (!c.rule.startsWith('explicit-')) continue;
    const list = byLine.get(c.line - 1);
    if (list) list.push(c);
    else byLine.set(c.line - 1, [c]);
  }
  for (const [owner, triples] of sr) {
    let k = owner;
    while (!byLine.has(k) && k > 0 && lines[k - 1]!.trim() && (lines[k]!.trim() || k === owner)) k--;
    const group = byLine.get(k);
    if (!group) continue;
    group.forEach((card, n) => {
      const t = triples[n];
      if (t && t.due !== NOT_REVIEWED && !card.srHistory) card.srHistory = [t];
    });
  }
}
