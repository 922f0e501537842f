import { type Lang, translator } from '../../core/i18n/index.ts';

const KEYS = [
  'new',
  'learning',
  'review',
  'again',
  'hard',
  'good',
  'easy',
  'done',
  'keysQuestion',
  'keysAnswer',
  'keysTyping',
  'typeHere',
  'correct',
  'wrong',
  'suggested',
  'undone',
  'nothingToUndo',
] as const;

export type Strings = Record<(typeof KEYS)[number], string>;

/** The terminal review's words in the learner's language, from the shared tables (keys `tui.*`). */
export function tuiStrings(lang: Lang): Strings {
  const t = translator(lang);
  return Object.fromEntries(KEYS.map((k) => [k, t(`tui.${k}`)])) as Strings;
}
