import type { CardRule } from '../../content/markdown/types.ts';

// On its own, without the YAML parser rule-switches.ts needs: settings/get checks rule names on every first screen.

/**
 * Every rule name a learner may switch off. The check below fails to compile when the parser gains a rule that is
 * missing here, so a new rule is never "unknown" to the switches.
 */
export const KNOWN_RULES = [
  'explicit-basic',
  'explicit-reversed',
  'explicit-cloze',
  'explicit-multiline',
  'term-definition',
  'question-answer',
  'question-heading',
  'list',
  'auto-cloze',
  'manifest',
  'sentence-cloze',
  'statement-cloze',
  'enumeration',
  'paragraph',
  'heading-answer',
  'heading-definition',
  'details',
  'table',
  'code-comment',
  'code-intro',
  'code-assignment',
  'shell-output',
  'command-flag',
  'option-list',
  'abbreviation',
  'definition-reverse',
  'manifest-apiversion',
  'manifest-comment',
  'task-solution',
  'manifest-field',
] as const satisfies readonly CardRule[];
type Missing = Exclude<CardRule, (typeof KNOWN_RULES)[number]>;
const everyRuleListed: [Missing] extends [never] ? true : Missing = true;
void everyRuleListed;

export const isKnownRule = (name: string) => (KNOWN_RULES as readonly string[]).includes(name);
export const unknownRuleMessage = (name: string) =>
  `unknown rule "${name}" (known: ${KNOWN_RULES.join(', ')})`;
