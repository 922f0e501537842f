import type { ApiResult } from '../../core/api.ts';
import type { CardCheck } from '../../core/review/card-checks.ts';

/** What the Review screen shows, read from `review/next`; the mapping lives here so the screen stays simple. */
export type RatingName = 'again' | 'hard' | 'good' | 'easy';
export const RATINGS: RatingName[] = ['again', 'hard', 'good', 'easy'];

export type Next = ApiResult<'review/next'>;
export type CheckResult = ApiResult<'review/check-answer'>;
export type Counts = Next['counts'];

export type DueView = {
  cardId: string;
  prompt: string;
  answer: string;
  deck: string;
  context: string[];
  source: string | null;
  /** Interval labels on the rating buttons ("10m", "3일"). */
  previews: Partial<Record<RatingName, string>>;
  /** The answer is one short fact, so it can be typed, compared and offered as multiple choice. */
  typeable: boolean;
  /** Cloze cards draw their gap in place and fill it in when the answer shows. */
  cloze: boolean;
  /** A whole-manifest card's manifest as the note wrote it: the learner may write it and have it graded against this. */
  manifest: string | null;
  /** What the Kubernetes check found in the card's note line (issue #18), not dismissed. */
  checks: CardCheck[];
};

/** What one session has done so far, for the summary at its end. */
export type SessionTally = { cards: number; again: number; ms: number };
export const emptyTally = (): SessionTally => ({ cards: 0, again: 0, ms: 0 });
export const addRating = (t: SessionTally, rating: RatingName, ms: number): SessionTally => ({
  cards: t.cards + 1,
  again: t.again + (rating === 'again' ? 1 : 0),
  ms: t.ms + ms,
});

/** An undone rating leaves the session as if it had never been given. */
export const removeRating = (t: SessionTally, rating: RatingName, ms: number): SessionTally => ({
  cards: Math.max(0, t.cards - 1),
  again: Math.max(0, t.again - (rating === 'again' ? 1 : 0)),
  ms: Math.max(0, t.ms - ms),
});

/** "12:05" for minutes and seconds, "1:02:05" past an hour. */
export function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm}:${ss}` : `${Math.floor(s / 60)}:${ss}`;
}

const isManifestPrompt = (p: string) =>
  /^kind:\s*\S/m.test(p) &&
  (p.match(/^\s*(?:- )?[\w.-]+:/gm)?.length ?? 0) >= 3 &&
  !p.trimStart().startsWith('```');

const fileName = (p: string) => p.split(/[\\/]/).pop() ?? p;

export function toDueView(next: Next): DueView | null {
  const c = next.card;
  if (!c) return null;
  const previews: DueView['previews'] = {};
  for (const r of RATINGS) if (next.previews?.[r]) previews[r] = next.previews[r].label;
  return {
    cardId: c.id,
    // A manifest field cloze shows its manifest as YAML, indentation and all, with the gap inside it.
    prompt: c.kind === 'cloze' && isManifestPrompt(c.prompt) ? `\`\`\`yaml\n${c.prompt}\n\`\`\`` : c.prompt,
    // A manifest card's answer is the YAML itself: show it as a YAML code block (highlighted).
    answer:
      c.kind === 'manifest' && !c.answer.trimStart().startsWith('```')
        ? `\`\`\`yaml\n${c.answer}\n\`\`\``
        : c.answer,
    deck: c.deck,
    context: c.context,
    source: c.source.file ? `${fileName(c.source.file)}${c.source.line ? `:${c.source.line}` : ''}` : null,
    previews,
    typeable: c.answerKind !== null,
    cloze: c.kind === 'cloze',
    manifest: c.kind === 'manifest' ? c.answer : null,
    checks: c.checks ?? [],
  };
}

/**
 * A multiple-choice option in pieces that may start a new line: after "/", ".", "-", "=" or ":", so a long path
 * or flag breaks between its parts (`/var/lib/kubelet/` `config.yaml`), never inside one.
 */
export const optionPieces = (text: string): string[] =>
  text.replace(/^`+|`+$/g, '').split(/(?<=[/.=:-])(?=[^/.=:-])/);

/** One column of the typed-answer comparison: the same text in both, or what differs, side by side. */
export type DiffColumn = { same: boolean; typed: string; expected: string };

/**
 * The typed answer over the card's answer, column by column: equal runs once in each row, and a change (what was
 * typed instead, or left out) as one column padded to the same width, so 6444 typed against 6443 shows
 * `644[4]` over `644[3]`, not a merged `64434`.
 */
export function diffColumns(diff: CheckResult['diff']): DiffColumn[] {
  const cols: DiffColumn[] = [];
  for (const part of diff) {
    const last = cols[cols.length - 1];
    if (part.op === 'equal') cols.push({ same: true, typed: part.text, expected: part.text });
    else if (last && !last.same) {
      if (part.op === 'extra') last.typed += part.text;
      else last.expected += part.text;
    } else
      cols.push({
        same: false,
        typed: part.op === 'extra' ? part.text : '',
        expected: part.op === 'missing' ? part.text : '',
      });
  }
  for (const c of cols) {
    const w = Math.max([...c.typed].length, [...c.expected].length);
    c.typed = c.typed.padEnd(w, '\u00a0');
    c.expected = c.expected.padEnd(w, '\u00a0');
  }
  return cols;
}
