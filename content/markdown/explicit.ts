import type { CardKind, CardRule } from './types.ts';

export type LineCard = { kind: CardKind; rule: CardRule; prompt: string; answer: string };

/** `front ::: back` (both directions) and `front :: back`. Works on masked text, so code spans never split. */
export function explicitPair(text: string): LineCard[] | null {
  const rev = /^(.*?\S)\s+:::\s+(\S.*)$/.exec(text);
  if (rev) {
    const [, a, b] = rev as unknown as [string, string, string];
    return [
      { kind: 'reversed', rule: 'explicit-reversed', prompt: a, answer: b },
      { kind: 'reversed', rule: 'explicit-reversed', prompt: b, answer: a },
    ];
  }
  const basic = /^(.*?\S)\s+::\s+(\S.*)$/.exec(text);
  if (basic && !/\{\{c\d+::/.test(text)) {
    return [{ kind: 'basic', rule: 'explicit-basic', prompt: basic[1]!, answer: basic[2]! }];
  }
  return null;
}

const ANKI_CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;
const HIGHLIGHT = /==(?=\S)([^=]+?)==/g;

/** `{{cN::text::hint}}` gives one card per N; `==text==` gives one card per highlight. */
export function explicitCloze(text: string): LineCard[] | null {
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
