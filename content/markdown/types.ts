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
  | 'manifest';

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
