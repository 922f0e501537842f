// What decides whether unchanged notes must be read again, apart from the importer so that the start-up check of
// the bundled decks reads it without loading markdown-it or yaml.

/**
 * Bump whenever the parser reads the same text differently, so unchanged files are parsed again. 5: the card
 * selection of issue #17's third round (question headings, empty Korean endings, spelled-out commands …). 6: its
 * fourth (sentence pieces, lists of pairs, iptables names, apiVersion cards without the example's name …). 7: served
 * apiVersions and system paths are facts, no card drills a value the Kubernetes check found wrong, a blank hiding an
 * everyday networking word (IP, DNS) is no card. 8: habits of notes the rules were never tuned on (five judged sets,
 * docs/quality/unseen): `+++` TOML front matter, EUC-KR notes, fences indented with their code at the margin, output
 * pasted as comments, outlines, reading lists, a note's own labels, phrases as terms, Korean comma clauses. 9: the
 * selection's weights fitted to every judged label (select/fitted-weights.json), a lower standard line, `density: all`.
 */
export const PARSER_VERSION = '9';

/** The collection-wide import settings' keys. */
export const IMPORT_SETTING_KEYS = [
  'import.rulesOff',
  'import.boldCloze',
  'import.curlyCloze',
  'import.density',
] as const;
export type ImportSettingKey = (typeof IMPORT_SETTING_KEYS)[number];

/**
 * Rules switched off per note where the note itself cannot say so (a bundled or read-only note): a JSON object,
 * note source → rule names. Part of what re-reads notes, like the settings above.
 */
export const NOTE_RULES_OFF_KEY = 'import.noteRulesOff';
