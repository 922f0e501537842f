import { scoreNote } from '../../content/markdown/parse-note.ts';
import { DENSITY_LINE } from '../../content/markdown/select/select-cards.ts';

/**
 * The prompt and answer of every candidate whose score wins its fact at the standard line: the cards of a note as
 * its features weigh them, before the junk cap offers some of them as suggestions instead. What a rule's features
 * are worth is tested with this; the cap is tested on its own (test/markdown/fitted-weights.test.ts).
 */
export function overTheLine(text: string): [prompt: string, answer: string][] {
  return scoreNote('note.md', text)
    .filter((s) => s.verdict !== 'dropped' && s.lostTo === undefined && s.score >= DENSITY_LINE.standard)
    .map((s) => [s.prompt, s.answer]);
}
