// What decides whether unchanged notes must be read again, apart from the importer so that the start-up check of
// the bundled decks reads it without loading markdown-it or yaml.

/** Bump whenever the parser reads the same text differently, so unchanged files are parsed again. */
export const PARSER_VERSION = '3';

/** The collection-wide import settings' keys. */
export const IMPORT_SETTING_KEYS = ['import.rulesOff', 'import.boldCloze', 'import.curlyCloze'] as const;
export type ImportSettingKey = (typeof IMPORT_SETTING_KEYS)[number];
