import { widenClozeParagraphs } from './cloze-paragraphs.ts';
import { fileCardsByTag, keepAnswerTags } from './flashcards-decks.ts';
import type { NoteText } from './note-text.ts';
import { attachSrHistory } from './sr-comments.ts';
import type { ParsedCard } from './types.ts';

/**
 * What the Obsidian Spaced Repetition plugin does with the cards the rules made, done once they are all made: a
 * deletion is asked with its paragraph (`paragraphs`: the note is written for the plugin, so a paragraph holding
 * several lines of deletions is one question, as the plugin asks it), each card takes its own schedule from the plugin's comments, and the
 * plugin's tags file the cards in decks (unless the learner named the deck).
 */
export function readAsTheSrPluginDoes(
  cards: ParsedCard[],
  note: { lines: string[]; claimed: boolean[]; text: NoteText },
  opts: {
    bold?: boolean;
    curly?: boolean;
    paragraphs: boolean;
    deck: string;
    deckNamed: boolean;
    bareTagDeck: string;
  },
): void {
  widenClozeParagraphs(cards, note.lines, note.claimed, opts);
  attachSrHistory(cards, note.text.sr, note.lines);
  if (note.text.flashcards.length === 0) return;
  // A deck named by --deck or the front matter holds every card; else the plugin's tags file each question.
  if (!opts.deckNamed) fileCardsByTag(cards, note.text.flashcards, opts.deck, (d) => d || opts.bareTagDeck);
  keepAnswerTags(cards, note.lines);
}
