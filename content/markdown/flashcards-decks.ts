import type { ParsedCard } from './types.ts';

/**
 * The Obsidian Spaced Repetition plugin files questions in decks by `#flashcards/deck/sub` tags:
 *
 * - a tag on a question's own line is that question's deck;
 * - a line of tags only switches the deck for the questions below it, up to the next such line;
 * - a question above every tag line takes the note's deck: the first tag line's, else the first tag's.
 *
 * A line with two tags puts the plugin's card in both decks, as one question with one schedule. So does Kubedeck:
 * the first tag's deck is the card's home, the others are its other decks (`alsoIn`, stored in card_decks).
 */
export type FlashcardsTag = {
  /** 0-based line. */
  line: number;
  /** Deck paths as Kubedeck names them ("cka::dns"); "" for the bare `#flashcards`. */
  decks: string[];
  /** The line holds tags only. */
  alone: boolean;
};

const TAG = /(?:^|\s)#flashcards(?:\/([\p{L}\p{N}_/-]+))?(?=\s|$)/gu;
const ONLY_TAGS = /^\s*#[^\s#]+(?:\s+#[^\s#]+)*\s*$/;

/** The `#flashcards` tags of one line, or null when it has none. */
export function flashcardsTagsAt(l: string, line: number): FlashcardsTag | null {
  if (!l.includes('#flashcards')) return null;
  const decks = [...l.matchAll(TAG)].map((m) => (m[1] ? m[1].split('/').filter(Boolean).join('::') : ''));
  return decks.length > 0 ? { line, decks, alone: ONLY_TAGS.test(l) } : null;
}

/** The note's deck by the plugin's rule: the first tag line's first tag, else the first tag anywhere. */
export function noteFlashcardsDeck(tags: FlashcardsTag[]): string | undefined {
  return (tags.find((t) => t.alone) ?? tags[0])?.decks[0];
}

/**
 * Sets `deck` on each card whose question the plugin files elsewhere than the note's deck. `name` turns a tag's
 * deck into Kubedeck's deck name (the bare tag names the note's default deck).
 */
export function fileCardsByTag(
  cards: ParsedCard[],
  tags: FlashcardsTag[],
  noteDeck: string,
  name: (tagDeck: string) => string,
): void {
  const first = tags.find((t) => t.alone) ?? tags[0];
  if (first === undefined || tags.every((t) => t.decks.every((d) => name(d) === noteDeck))) return;
  const own = new Map(tags.filter((t) => !t.alone).map((t) => [t.line, t]));
  const switches = tags.filter((t) => t.alone);
  for (const c of cards) {
    const at = c.line - 1;
    let tag = own.get(at);
    if (tag === undefined) {
      // The last tag line above the question (a linear scan: notes hold few tag lines).
      for (const t of switches) if (t.line < at) tag = t;
    }
    const [deck, ...more] = (tag ?? first).decks;
    const named = name(deck!);
    if (named !== noteDeck) c.deck = named;
    const others = [...new Set(more.map(name))].filter((d) => d !== named);
    if (others.length > 0) c.alsoIn = others;
  }
}

const TRAILING_TAGS = /(?:\s+#flashcards(?:\/[\p{L}\p{N}_/-]+)?)+\s*$/u;

/**
 * A `#flashcards` tag written after a one-line card's answer files the card and stays in the plugin's answer
 * ("2BC #flashcards"); Kubedeck's answer keeps it too, so a vault's cards read as they did in Obsidian.
 */
export function keepAnswerTags(cards: ParsedCard[], lines: string[]): void {
  for (const c of cards) {
    if (c.rule !== 'explicit-basic') continue;
    const tail = TRAILING_TAGS.exec(lines[c.line - 1] ?? '');
    if (tail && !c.answer.endsWith(tail[0].trim())) c.answer = `${c.answer} ${tail[0].trim()}`;
  }
}
