import { classifyAnswer } from '../../content/markdown/auto-cloze.ts';
import type { RatingName } from './scheduler.ts';

export type AnswerKind = NonNullable<ReturnType<typeof classifyAnswer>>;

/** A card can be answered by typing when its answer is one short fact (port, path, DNS name, command, term...). */
export const typeableKind = (answer: string): AnswerKind | null => classifyAnswer(answer);

/**
 * What counts as the same answer: NFKC folds full-width digits and letters (３００００ → 30000), case and runs of
 * whitespace do not matter, surrounding backticks are markup, and a range may be written 30000-32767 or 30000~32767.
 */
export function normalizeAnswer(s: string): string {
  return s
    .normalize('NFKC')
    .trim()
    .replace(/^`+|`+$/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/(\d)\s*[~\u2013\u2014\u301c-]\s*(\d)/g, '$1-$2')
    .trim();
}

export type DiffPart = { op: 'equal' | 'missing' | 'extra'; text: string };

/** A character diff of what was typed against the answer (LCS; answers are at most 80 characters). */
export function charDiff(typed: string, expected: string): DiffPart[] {
  const a = [...typed];
  const b = [...expected];
  const n = a.length;
  const m = b.length;
  const L: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      L[i]![j] = a[i] === b[j] ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
  const out: DiffPart[] = [];
  const push = (op: DiffPart['op'], ch: string) => {
    const last = out[out.length - 1];
    if (last?.op === op) last.text += ch;
    else out.push({ op, text: ch });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      push('equal', a[i]!);
      i++;
      j++;
    } else if (j < m && (i >= n || L[i]![j + 1]! >= L[i + 1]![j]!)) push('missing', b[j++]!);
    else push('extra', a[i++]!);
  }
  return out;
}

const EXACT_KINDS = new Set<AnswerKind>(['number', 'port-range', 'ip', 'cidr']);

/**
 * Checks a typed answer. Right → good; for words, paths and commands one slip (a single edit) → hard, since the
 * learner clearly knew it; anything else → again. Numbers, ports, IPs and CIDRs must match exactly.
 */
export function checkTyped(
  typed: string,
  answer: string,
): { correct: boolean; diff: DiffPart[]; suggested: RatingName; expected: string } {
  const t = normalizeAnswer(typed);
  const e = normalizeAnswer(answer);
  const diff = charDiff(t, e);
  if (t === e) return { correct: true, diff, suggested: 'good', expected: e };
  const kind = typeableKind(answer);
  const edits = diff.filter((d) => d.op !== 'equal').reduce((k, d) => k + d.text.length, 0);
  const slip = kind !== null && !EXACT_KINDS.has(kind) && e.length >= 5 && edits <= 2 && t.length > 0;
  return { correct: false, diff, suggested: slip ? 'hard' : 'again', expected: e };
}

/** A small seeded PRNG (mulberry32) so the same card on the same day shows the same choices. */
function seeded(seed: string): () => number {
  // node:crypto loads on first use: `kubedeck next` never shuffles choices.
  let x = process.getBuiltinModule('node:crypto').createHash('sha1').update(seed).digest().readUInt32LE(0);
  return () => {
    x = (x + 0x6d2b79f5) | 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Three distractors of the same kind as the answer (ports for a port, DNS names for a DNS name), seeded by card + day. */
export function multipleChoice(
  cardId: string,
  day: number,
  answer: string,
  pool: string[],
): { kind: AnswerKind | null; options: string[]; correct: number } {
  const kind = typeableKind(answer);
  const rnd = seeded(`${cardId}:${day}`);
  const seen = new Set([normalizeAnswer(answer)]);
  const same: string[] = [];
  for (const p of [...pool].sort()) {
    const k = normalizeAnswer(p);
    if (kind === null || seen.has(k) || typeableKind(p) !== kind) continue;
    seen.add(k);
    same.push(p);
  }
  const picks: string[] = [];
  while (picks.length < 3 && same.length > 0) picks.push(same.splice(Math.floor(rnd() * same.length), 1)[0]!);
  const options = [answer, ...picks];
  for (let i = options.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [options[i], options[j]] = [options[j]!, options[i]!];
  }
  return { kind, options, correct: options.indexOf(answer) };
}
