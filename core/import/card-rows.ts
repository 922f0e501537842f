import type { ParsedCard, ParsedNote } from '../../content/markdown/types.ts';
import type { CardJson } from '../cards-json.ts';
import { siblingKey } from './identity.ts';

/** The row a parsed card is stored as. */
export function rowFor(
  c: ParsedCard,
  key: string,
  n: ParsedNote,
  noteId: string,
  source: string,
  deckId: string,
  now: number,
) {
  return {
    deck_id: deckId,
    note_id: noteId,
    kind: c.kind,
    rule: c.rule,
    lang: n.lang,
    prompt: c.prompt,
    answer: c.answer,
    context: JSON.stringify(c.context),
    tags: JSON.stringify(c.tags),
    source_file: source,
    source_line: c.line,
    heading_path: c.context.join(' > '),
    content_key: key,
    sibling_key: siblingKey(c.sibling),
    exercise_id:
      c.exerciseId ?? c.tags.find((t) => t.startsWith('exercise/'))?.slice('exercise/'.length) ?? null,
    now,
  };
}

/** The card as a dry run shows it. */
export function cardJson(id: string, c: ParsedCard, n: ParsedNote, source: string): CardJson {
  const sr = c.srHistory?.[0];
  return {
    id,
    deck: c.deck ?? n.deck,
    lang: n.lang,
    kind: c.kind,
    prompt: c.prompt,
    answer: c.answer,
    context: c.context,
    tags: c.tags,
    source: { file: source, line: c.line },
    rule: c.rule,
    suspended: false,
    ...(sr ? { sr: { due: sr.due, interval: sr.interval } } : {}),
    ...(c.alsoIn?.length ? { alsoIn: c.alsoIn } : {}),
  };
}
