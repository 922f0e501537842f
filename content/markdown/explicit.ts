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
  const basic = /^(.*?\S)\s*::\s*(\S.*)$/.exec(text);
  if (basic && !/\{\{c\d+::/.test(text)) {
    return [{ kind: 'basic', rule: 'explicit-basic', prompt: basic[1]!, answer: basic[2]! }];
  }
  return null;
}

export type ClozeOptions = { bold?: boolean; curly?: boolean };

const ANKI_CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;
const HIGHLIGHT = /==(?=\S)([^=]+?)==/g;

/** `{{cN::text::hint}}` gives one card per N; `==text==` gives one card per highlight (see srCloze for `;;`). */
export function explicitCloze(text: string, opts: ClozeOptions = {}): LineCard[] | null {
  if (ANKI_CLOZE.test(text)) {
    ANKI_CLOZE.lastIndex = 0;
    const numbers = [...new Set([...text.matchAll(ANKI_CLOZE)].map((m) => Number(m[1])))].sort(
      (a, b) => a - b,
    );
    return numbers.map((n) => {
      const hidden: string[] = [];
      const prompt = text.replace(ANKI_CLOZE, (_m, num: string, body: string, hint?: string) => {
        if (Number(num) !== n) return body;
        hidden.push(body);
        return hint ? `[${hint}]` : '[...]';
      });
      return { kind: 'cloze', rule: 'explicit-cloze', prompt, answer: hidden.join(', ') };
    });
  }
  if (text.includes(';;') || opts.bold || opts.curly) {
    const sr = srCloze(text, opts);
    if (sr) return sr;
  }
  const marks = [...text.matchAll(HIGHLIGHT)];
  if (marks.length === 0) return null;
  return marks.map((target) => {
    let i = 0;
    const prompt = text.replace(HIGHLIGHT, (_m, body: string) =>
      i++ === marks.indexOf(target) ? '[...]' : body,
    );
    return { kind: 'cloze', rule: 'explicit-cloze', prompt, answer: target[1]! };
  });
}

/**
 * The Obsidian SR plugin's cloze syntax: `==answer==`, `==1;;answer;;hint==` (deletions with the same number are
 * one card; the hint shows in place of `[...]`), and when switched on `**answer**` and `{{answer}}`.
 */
function srCloze(text: string, opts: ClozeOptions): LineCard[] | null {
  const sources = ['==(?=\\S)([^=]+?)=='];
  if (opts.bold) sources.push('\\*\\*(?=\\S)([^*]+?)\\*\\*');
  if (opts.curly) sources.push('\\{\\{(?!c\\d+::)([^{}]+?)\\}\\}');
  const re = new RegExp(sources.join('|'), 'g');
  const found = [...text.matchAll(re)].map((m, i) => {
    const body = m.slice(1).find((g) => g !== undefined) ?? '';
    const parts = /^(?:c?(\d+);;)?([\s\S]+?)(?:;;([\s\S]+))?$/.exec(body)!;
    return {
      index: m.index,
      length: m[0].length,
      group: parts[1] ? `n${parts[1]}` : `u${i}`,
      answer: parts[2]!,
      hint: parts[3],
    };
  });
  if (found.length === 0) return null;
  const groups = [...new Set(found.map((f) => f.group))];
  return groups.map((g) => {
    let prompt = '';
    let at = 0;
    const hidden: string[] = [];
    for (const f of found) {
      prompt += text.slice(at, f.index);
      if (f.group === g) {
        hidden.push(f.answer);
        prompt += f.hint ? `[${f.hint}]` : '[...]';
      } else prompt += f.answer;
      at = f.index + f.length;
    }
    prompt += text.slice(at);
    return { kind: 'cloze' as const, rule: 'explicit-cloze' as const, prompt, answer: hidden.join(', ') };
  });
}
