import type { NoteMessage, NoteProblem } from './note-messages.ts';
export type CardKind = 'basic' | 'reversed' | 'cloze' | 'list' | 'manifest';

export type CardRule =
  | 'explicit-basic'
  | 'explicit-reversed'
  | 'explicit-cloze'
  | 'explicit-multiline'
  | 'term-definition'
  | 'question-answer'
  | 'question-heading'
  | 'list'
  | 'auto-cloze'
  | 'manifest'
  // Free-form rules for notes as people write them (issue #9).
  | 'sentence-cloze'
  | 'statement-cloze'
  | 'enumeration'
  | 'paragraph'
  | 'heading-answer'
  | 'heading-definition'
  | 'details'
  | 'table'
  | 'code-comment'
  | 'code-intro'
  | 'code-assignment'
  | 'shell-output'
  | 'command-flag'
  | 'option-list'
  | 'abbreviation'
  | 'definition-reverse'
  | 'manifest-apiversion'
  | 'manifest-comment'
  | 'task-solution'
  | 'manifest-field';

/**
 * One card's schedule from the Obsidian Spaced Repetition plugin's `<!--SR:!2024-01-01,3,250-->` (see
 * sr-comments.ts); `fsrs` is set when the plugin scheduled the card with FSRS and wrote its memory state.
 */
export type SrHistory = {
  due: string;
  interval: number;
  ease: number;
  fsrs?: {
    dueAt: string;
    stability: number;
    difficulty: number;
    state: number;
    reps: number;
    lapses: number;
    learningSteps: number;
    lastReview: string | null;
  };
};

/** A card as read from one note, before it meets the database. */
export type ParsedCard = {
  kind: CardKind;
  rule: CardRule;
  prompt: string;
  answer: string;
  context: string[];
  tags: string[];
  line: number;
  /** Cards made from the same source item (a cloze sentence, a reversed pair) share this; siblings are buried together. */
  sibling: string;
  /** For manifest cards, the exercise this card points to, if the note names one. */
  exerciseId?: string;
  /**
   * For a list card, how many of its items carry a list of their own. In an outline most do: its items are the
   * titles of sections ("구성", "CNI List", "CNI Plugin"), each over the facts, not facts themselves.
   */
  itemsWithSublists?: number;
  /** A value the Kubernetes check found wrong or removed, which this card's answer would teach (known-errors.ts). */
  teaches?: string;
  /**
   * The Obsidian SR plugin's schedule for this card, when its line carried an `<!--SR:...-->` comment: one
   * `{ due: 'YYYY-MM-DD', interval: days, ease: 250 }` per card, in the plugin's order (a reversed pair's
   * second card and a cloze's n-th deletion get the n-th triple). The comment itself is never card text.
   */
  srHistory?: SrHistory[];
  /**
   * The prompt the card's identity (its content key) is made from, when it is not the prompt shown: a deletion
   * asked with its whole paragraph in a note written for the SR plugin keeps the key of its line's question, so a
   * card stored before keeps its history (cloze-paragraphs.ts).
   */
  keyPrompt?: string;
  /**
   * The deck of this card when it is not the note's: the Obsidian SR plugin's `#flashcards/...` tag on the
   * question's line or on a tag line above it ("cka::dns").
   */
  deck?: string;
  /**
   * The card's other decks: a line under two `#flashcards/...` tags puts its question in both (the plugin shows it
   * in each). One card, one schedule; `deck` (or the note's deck) is its home.
   */
  alsoIn?: string[];
};

/**
 * How many cards the importer makes: the score line a candidate must reach to become a card. `fewer` keeps only
 * the surest cards, `more` lets in weaker ones. Set per collection (`import.density`), per note (front matter
 * `density:`) or per import.
 */
/** How many of a note's candidates become cards; `all` is for notes written as cards, line by line. */
export type Density = 'fewer' | 'standard' | 'more' | 'all';

/** One named reason a candidate card scored what it did: see content/markdown/select/features.ts. */
export type ScoreFeature = { name: string; weight: number };

/**
 * A candidate card with its score. The rules propose candidates; one selection step
 * (content/markdown/select/select-cards.ts) scores them and decides which become cards and which suggestions.
 */
export type ScoredCard = ParsedCard & {
  score: number;
  /** About the share of such cards judges threw away (select/weights.ts); at the density's cap, no card. */
  junkRisk: number;
  features: ScoreFeature[];
  /** card: kept; suggestion: under the density line but over the floor; dropped: under the floor or not the best for its fact. */
  verdict: 'card' | 'suggestion' | 'dropped';
  /** Why it was dropped when another candidate won its fact: that candidate's prompt. */
  lostTo?: string;
  /** A suggestion over its density's line, held back because such cards are often thrown away (the junk cap). */
  heldBack?: 'junk-risk';
};

/**
 * A warning as every way in shows it: `message` is its English text (logs, `--json`); `code` and `params`, when
 * set, let the UI and the CLI say it in the learner's language (see note-messages.ts).
 */
export type NoteWarning = {
  file: string;
  line: number;
  message: string;
  code?: NoteMessage['code'];
  params?: NoteMessage['params'];
};

export type ParsedNote = {
  file: string;
  deck: string;
  lang: 'ko' | 'en';
  tags: string[];
  /** The cards the note makes: explicit cards, and the free-form candidates the selection kept. */
  cards: ParsedCard[];
  /**
   * Free-form candidates under the density line but over the floor: offered to the learner (unticked in the
   * import preview, a filter in Browse), never scheduled or counted until accepted.
   */
  suggestions: ScoredCard[];
  /** What the reader found wrong, as codes: the core renders their words (core/i18n/note-messages.ts). */
  warnings: NoteProblem[];
};
