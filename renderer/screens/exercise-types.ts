import type { Lang } from '../i18n/index.ts';

export type LocalText = string | { ko: string; en: string };

/** Exercise texts come in both languages; show the learner's. */
export const pick = (text: LocalText | undefined, lang: Lang): string =>
  text === undefined ? '' : typeof text === 'string' ? text : (text[lang] ?? text.en);
