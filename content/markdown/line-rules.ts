import { findFacts } from './auto-cloze.ts';
import { explicitCloze, explicitPair, type LineCard } from './explicit.ts';
import { unmask } from './inline.ts';
import { termDefinition } from './term-definition.ts';

const MAX_CLOZES_PER_LINE = 4;

/**
 * The cards one line of prose makes, first rule that fires wins: explicit pair, explicit cloze,
 * term-definition, then auto-cloze of the facts in it. Input is masked text (code spans as placeholders).
 */
export function lineCards(masked: string, spans: string[]): LineCard[] {
  const text = masked.trim();
  if (!text) return [];
  const show = (s: string) => unmask(s, spans).trim();
  const pair = explicitPair(text);
  if (pair) return pair.map((c) => ({ ...c, prompt: show(c.prompt), answer: show(c.answer) }));
  const cloze = explicitCloze(text);
  if (cloze) return cloze.map((c) => ({ ...c, prompt: show(c.prompt), answer: show(c.answer) }));
  const td = termDefinition(text);
  if (td)
    return [{ kind: 'basic', rule: 'term-definition', prompt: show(td.term), answer: show(td.definition) }];
  return autoCloze(text, spans);
}

export function autoCloze(masked: string, spans: string[]): LineCard[] {
  const facts = findFacts(masked, spans).slice(0, MAX_CLOZES_PER_LINE);
  // A line that is nothing but the fact gives no question to answer.
  if (
    facts.length === 0 ||
    (facts.length === 1 && masked.replace(/[\s\-*•:]/g, '').length <= facts[0]!.end - facts[0]!.start)
  ) {
    return [];
  }
  return facts.map((f) => ({
    kind: 'cloze' as const,
    rule: 'auto-cloze' as const,
    prompt: unmask(`${masked.slice(0, f.start)}[...]${masked.slice(f.end)}`, spans).trim(),
    answer: f.text,
  }));
}

export function hasFacts(masked: string, spans: string[]): boolean {
  return findFacts(masked, spans).length > 0;
}
