import { createContext, useContext } from 'react';
import {
  translator as coreTranslator,
  type Lang,
  type MessageKey,
  type Translate,
} from '../../core/i18n/index.ts';

/** The UI's words come from the same i18next tables as the core's and the CLI's (core/i18n/{ko,en}.json). */
export type { Lang };
export type StringKey = MessageKey;
export type T = Translate;

export const translator = (lang: Lang): T => coreTranslator(lang);
/** Import warnings from their message codes, and rule names for people (identifiers stay in the data). */
export { ruleLabel, warningText } from '../../core/i18n/note-messages.ts';

export { initialLang } from './initial-lang.ts';

export const LangContext = createContext<{ lang: Lang; t: T; setLang: (l: Lang) => void }>({
  lang: 'ko',
  t: translator('ko'),
  setLang: () => {},
});

export const useI18n = () => useContext(LangContext);
