import i18next from 'i18next';
import en from './en.json' with { type: 'json' };
import ko from './ko.json' with { type: 'json' };
import type { Lang } from './lang.ts';

export { isLang, LANGS, type Lang, langFromLocales } from './lang.ts';

/**
 * The one set of ko/en tables for the renderer, the CLI and the core's messages. Keys are flat ("tui.done",
 * "core.leech"); `en.json` defines them and `ko.json` must have every one (a compile error otherwise).
 */
export type MessageKey = keyof typeof en;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

const koTable: Record<MessageKey, string> = ko;
export const tables: Record<Lang, Record<MessageKey, string>> = { ko: koTable, en };

const i18n = i18next.createInstance();
void i18n.init({
  resources: { ko: { translation: koTable }, en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  keySeparator: false,
  nsSeparator: false,
  // React and the terminal escape for themselves; messages are plain text.
  interpolation: { escapeValue: false },
  initAsync: false,
});

const fixed = new Map<Lang, Translate>();
/** A translator bound to one language; cheap to ask for on every call. */
export function translator(lang: Lang): Translate {
  let t = fixed.get(lang);
  if (!t) {
    const raw = i18n.getFixedT(lang) as unknown as (key: string, vars?: Vars) => string;
    t = (key, vars) => raw(key, vars);
    fixed.set(lang, t);
  }
  return t;
}

export const tr = (lang: Lang, key: MessageKey, vars?: Vars): string => translator(lang)(key, vars);
