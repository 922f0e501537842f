import { factsBase } from '../facts/facts-base.ts';
import type { ParsedCard } from './types.ts';

/**
 * "Exact → if path: /app so /app/v1 … won't match", "Local → The traffic hits one of the nodes": a value of a field
 * with a fixed set of values, asked bare, leaves the learner to guess which field the note is about; judges asked
 * for "pathType: Exact" and "externalTrafficPolicy: Local". The prompt names the field from what Kubedeck knows
 * (kubernetes-facts.json's fieldEnums). When two fields take the value (`Local` is a value of externalTrafficPolicy
 * and of internalTrafficPolicy), the one named in the card's headings or the lines above it is meant; a value no
 * field is named near, or two are, is left as it was. The card keeps the key it was stored under.
 */

// Rules whose basic cards ask a term for what the note says about it.
const NAMING_RULES = new Set<ParsedCard['rule']>(['term-definition', 'heading-definition']);

/** "`Local`", "👉`ImplementationSpecific`", "Cluster(Default)": the value a prompt asks about, if it is only that. */
function bareValue(prompt: string): string {
  return prompt
    .replace(/[`*_]|\p{Extended_Pictographic}/gu, '')
    .replace(/\s*[(（][^)）]*[)）]\s*$/, '')
    .trim();
}

/** Lines above a card that may name the field its value belongs to: the section around it, as writers keep it. */
const NEARBY_LINES = 30;

export function nameTheField(cards: ParsedCard[], lines: readonly string[]): void {
  for (const c of cards) {
    if (c.kind !== 'basic' || !NAMING_RULES.has(c.rule)) continue;
    const value = bareValue(c.prompt);
    const fields = factsBase().fieldsByEnumValue.get(value);
    if (!fields) continue;
    // "Default" or "None" may be any word: the field has to be named in the card's headings or the lines above it.
    const around = [...c.context, ...lines.slice(Math.max(0, c.line - NEARBY_LINES), c.line)].join('\n');
    const named = fields.filter((f) => new RegExp(`(?<![\\w-])${f}(?![\\w-])`, 'i').test(around));
    if (named.length !== 1) continue;
    c.keyPrompt ??= c.prompt;
    c.prompt = `${named[0]}: ${value}`;
  }
}
