import { matchesOf } from './scan.ts';
import type { CardKind, CardRule } from './types.ts';

export type LineCard = { kind: CardKind; rule: CardRule; prompt: string; answer: string };

/** `front ::: back` (both directions) and `front :: back`. Works on masked text, so code spans never split. */
export function explicitPair(text: string): LineCard[] | null {
  // The Obsidian SR plugin reads `question::answer` with or without spaces around the separator.
  if (!text.includes('::')) return null;
  const rev = text.includes(':::') ? /^(.*?\S)\s*:::\s*(\S.*)$/.exec(text) : null;
  if (rev) {
    const [, a, b] = rev as unknown as [string, string, string];
    return [
      { kind: 'reversed', rule: 'explicit-reversed', prompt: a, answer: b },
      { kind: 'reversed', rule: 'explicit-reversed', prompt: b, answer: a },
    ];
  }
  // An Anki cloze (`{{c1::…}}`) is no pair; tested first, it spares the pair regex on every cloze line.
  if (text.includes('{{c') && /\{\{c\d+::/.test(text)) return null;
  const basic = /^(.*?\S)\s*::\s*(\S.*)$/.exec(text);
  if (basic && !insideAValue(text)) {
    return [{ kind: 'basic', rule: 'explicit-basic', prompt: basic[1]!, answer: basic[2]! }];
  }
  return null;
}

/**
 * `--attach-policy-arn=arn:aws:iam::9398…:policy/x`, `fe80::1`: a `::` inside one word that holds a colon or an
 * `=` before it, or between hex digits, is part of a value (an ARN, an IPv6 address), not the pair's separator.
 */
function insideAValue(text: string): boolean {
  if (/(?:^|\s)[^\s:]*[:=][^\s]*?::\S/.test(text)) return true;
  const v6 = /(?:^|[\s(])([0-9a-f]{1,4}::[0-9a-f]{0,4})(?:[:/\s).]|$)/i.exec(text);
  return v6 !== null && /\d/.test(v6[1]!);
}

export type ClozeOptions = { bold?: boolean; curly?: boolean };

/**
 * Each cloze card holds its whole line, so N deletions on one line cost N lines of text (N = 4,000 took a minute and
 * 229 MB). The first MAX_CLOZE_CARDS_PER_LINE deletions (by number) make cards; the walker warns about the rest.
 */
export const MAX_CLOZE_CARDS_PER_LINE = 50;

const ANKI_CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;
// A highlight's text neither starts nor ends with a space, as Markdown reads emphasis: "==> A ==> B" is two arrows.
// Nor is it all `=`: "=================" under a title underlines it.
const HIGHLIGHT = /==(?=[^\s>=])([^=]*?[^\s=])==/g;

/** `{{cN::text::hint}}` gives one card per N; `==text==` gives one card per highlight (see srCloze for `;;`). */
export function explicitCloze(text: string, opts: ClozeOptions = {}): LineCard[] | null {
  const anki = text.includes('{{c') ? matchesOf(ANKI_CLOZE, text) : [];
  if (anki.length > 0) {
    const numbers =
      anki.length === 1
        ? [Number(anki[0]![1])]
        : [...new Set(anki.map((m) => Number(m[1])))]
            .sort((a, b) => a - b)
            .slice(0, MAX_CLOZE_CARDS_PER_LINE);
    return numbers.map((n) => {
      const hidden: string[] = [];
      // Each deletion numbered n is hidden (its hint shown), the others show their text.
      const prompt = spliceMatches(text, anki, (m) => {
        if (Number(m[1]) !== n) return m[2]!;
        hidden.push(m[2]!);
        return m[3] ? `[${m[3]}]` : '[...]';
      });
      return { kind: 'cloze', rule: 'explicit-cloze', prompt, answer: hidden.join(', ') };
    });
  }
  if (text.includes(';;') || opts.bold || opts.curly) {
    const sr = srCloze(text, opts);
    if (sr) return sr;
  }
  if (!text.includes('==')) return null;
  const marks = matchesOf(HIGHLIGHT, text);
  if (marks.length === 0) return null;
  return marks.slice(0, MAX_CLOZE_CARDS_PER_LINE).map((target) => {
    const prompt = spliceMatches(text, marks, (m) => (m === target ? '[...]' : m[1]!));
    return { kind: 'cloze', rule: 'explicit-cloze', prompt, answer: target[1]! };
  });
}

/** How many cloze cards the line's deletions would make before the cap: `{{cN::}}` numbers, else highlights. */
export function clozeDeletions(text: string): number {
  if (text.includes('{{c')) {
    const numbers = new Set(matchesOf(ANKI_CLOZE, text).map((m) => m[1]));
    if (numbers.size > 0) return numbers.size;
  }
  return text.includes('==') ? matchesOf(HIGHLIGHT, text).length : 0;
}

/** The text with each match (in order, from one `matchesOf`) replaced by what `by` gives for it. */
function spliceMatches(text: string, matches: RegExpExecArray[], by: (m: RegExpExecArray) => string): string {
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.index) + by(m);
    at = m.index + m[0].length;
  }
  return out + text.slice(at);
}

/**
 * The Obsidian SR plugin's cloze syntax: `==answer==`, `==1;;answer;;hint==` (deletions with the same number are
 * one card; the hint shows in place of `[...]`), and when switched on `**answer**` and `{{answer}}`.
 */
function srCloze(text: string, opts: ClozeOptions): LineCard[] | null {
  const sources = ['==(?=[^\\s>=])([^=]*?[^\\s=])=='];
  if (opts.bold) sources.push('\\*\\*(?=\\S)([^*]+?)\\*\\*');
  if (opts.curly) sources.push('\\{\\{(?!c\\d+::)([^{}]+?)\\}\\}');
  const re = new RegExp(sources.join('|'), 'g');
  const found = [...text.matchAll(re)].map((m, i) => {
    const body = m.slice(1).find((g) => g !== undefined) ?? '';
    const parts = /^(?:c?(\d+);;)?([\s\S]+?)(?:;;([\s\S]+))?$/.exec(body)!;
    return {
      index: m.index,
      length: m[0].length,
      number: parts[1] ? Number(parts[1]) : null,
      order: i,
      answer: parts[2]!,
      hint: parts[3],
    };
  });
  if (found.length === 0) return null;
  // As the plugin does: with numbered deletions on the line, an unnumbered one is plain text, and the cards come
  // in the order of their numbers (the n-th schedule of the line's comment is card n's).
  const numbered = found.some((f) => f.number !== null);
  const groupOf = (f: (typeof found)[number]) => (numbered ? f.number : -1 - f.order);
  const groups = [...new Set(found.map(groupOf).filter((g): g is number => g !== null))];
  if (numbered) groups.sort((a, b) => a - b);
  // At most this many cards a line: a line of thousands of deletions would cost the square of its length.
  groups.length = Math.min(groups.length, MAX_CLOZE_CARDS_PER_LINE);
  return groups.map((g) => {
    let prompt = '';
    let at = 0;
    const hidden: string[] = [];
    for (const f of found) {
      prompt += text.slice(at, f.index);
      if (groupOf(f) === g) {
        hidden.push(f.answer);
        prompt += f.hint ? `[${f.hint}]` : '[...]';
      } else prompt += f.answer;
      at = f.index + f.length;
    }
    prompt += text.slice(at);
    return { kind: 'cloze' as const, rule: 'explicit-cloze' as const, prompt, answer: hidden.join(', ') };
  });
}
