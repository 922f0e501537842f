export type CardKind = 'basic' | 'reversed' | 'cloze' | 'list' | 'manifest';

export type CardRule =
  | 'explicit-basic'
  | 'explicit-reversed'
  | 'explicit-cloze'
  | 'explicit-multiline'
  | 'term-definition'
  | 'question-answer'
  | 'list'
  | 'auto-cloze'
  | 'manifest'
  // Free-form rules for notes as people write them (issue #9).
  | 'sentence-cloze'
  | 'enumeration'
  | 'paragraph'
  | 'heading-answer'
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
   * The Obsidian SR plugin's schedule for this card, when its line carried an `<!--SR:...-->` comment: one
   * `{ due: 'YYYY-MM-DD', interval: days, ease: 250 }` per card, in the plugin's order (a reversed pair's
   * second card and a cloze's n-th deletion get the n-th triple). The comment itself is never card text.
   */
  srHistory?: SrHistory[];
  /**
   * The deck of this card when it is not the note's: the Obsidian SR plugin's `#flashcards/...` tag on the
   * question's line or on a tag line above it ("cka::dns").
   */
  deck?: string;
};

export type NoteWarning = { file: string; line: number; message: string };

export type ParsedNote = {
  file: string;
  deck: string;
  lang: 'ko' | 'en';
  tags: string[];
  cards: ParsedCard[];
  warnings: NoteWarning[];
};
