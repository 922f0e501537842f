import type { CardRule } from '../types.ts';

/**
 * Every rule that proposes cards, with what it reads and how far its cards are trusted before their own features
 * are weighed: the share of its cards that blind judges kept on real notes (quality/dev-labels and the judged bank
 * in docs/quality), rounded down. A rule never decides alone that a card exists; this is where its candidates start.
 */
export type RuleInfo = { reads: string; prior: number };

export const RULES: Record<CardRule, RuleInfo> = {
  // The learner's own card syntax: always a card, never scored away.
  'explicit-basic': { reads: '`question :: answer`', prior: 1 },
  'explicit-reversed': { reads: '`a ::: b`', prior: 1 },
  'explicit-cloze': { reads: '`==x==`, `{{c1::x}}`, bold or curly clozes when switched on', prior: 1 },
  'explicit-multiline': { reads: 'question lines, `?`, answer lines', prior: 1 },
  'question-answer': { reads: '`Q:` / `A:` lines, a question line over `=> answer` lines', prior: 0.75 },
  // Judged on the corpus: 3 in 10 kept ("DNS란?" over "Domain Name System 이다.", a question over a paragraph of
  // reasons); a short, clear answer still makes a card through its own features.
  'question-heading': {
    reads: 'a heading or list item that asks, over the paragraph or items answering it',
    prior: 0.3,
  },
  details: { reads: '`<details><summary>question</summary>answer</details>`', prior: 0.55 },
  'manifest-apiversion': { reads: 'the `apiVersion` of each kind in a manifest', prior: 0.75 },
  // Not yet judged: a field's meaning in the writer's words, asked like a term's definition.
  'manifest-comment': { reads: 'a manifest field and the comment its writer put beside it', prior: 0.5 },
  'term-definition': {
    reads: '`Term: definition`, `Term - definition`, `Term → definition`, definition lists',
    prior: 0.5,
  },
  // Not yet judged: set a little under term-definition's hand prior, since a heading's first line is not always
  // written as a definition.
  'heading-definition': { reads: 'a heading naming a term over the line that says what it is', prior: 0.45 },
  abbreviation: { reads: '`ABC (A Big Cat)`', prior: 0.5 },
  'definition-reverse': { reads: 'a term-definition asked from its definition', prior: 0.45 },
  list: { reads: 'a short title line or heading over a list', prior: 0.45 },
  table: { reads: 'table rows: the first cell and a column header ask the cell', prior: 0.45 },
  'option-list': { reads: 'a list of flags or options with what each does', prior: 0.45 },
  'task-solution': {
    reads: 'exercise steps answered by the matching part of a Solution section',
    prior: 0.45,
  },
  'code-intro': { reads: 'the line that introduces a code block, asking the command', prior: 0.4 },
  'code-comment': { reads: 'a comment in a code block and the command it describes', prior: 0.35 },
  'auto-cloze': { reads: 'a value with meaning in a line (a port, a path, a code span)', prior: 0.35 },
  enumeration: { reads: '"there are N kinds of X: a, b, c"', prior: 0.35 },
  'statement-cloze': {
    reads: 'the object or complement of what a Korean sentence says its topic is or does',
    prior: 0.45,
  },
  'sentence-cloze': { reads: 'a sentence that says what something is or does', prior: 0.25 },
  'manifest-field': { reads: 'one canonical field of a manifest, hidden in place', prior: 0.2 },
  'code-assignment': { reads: '`export do="--dry-run=client -o yaml"` and what it stands for', prior: 0.25 },
  'command-flag': { reads: 'a flag value hidden in a command', prior: 0.25 },
  manifest: { reads: 'a whole manifest, asked from what the note says it is for', prior: 0.2 },
  'heading-answer': { reads: 'a heading asked back from its section', prior: 0.1 },
  paragraph: { reads: "a paragraph's lead sentence asking the rest", prior: 0 },
  'shell-output': { reads: 'a shell command and the output pasted under it', prior: 0 },
};

export const isExplicitRule = (rule: CardRule): boolean => rule.startsWith('explicit-');
