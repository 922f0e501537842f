/**
 * Every warning the importer gives about a note, as a code and its parameters. The words are not here: they are in
 * the ko and en tables (core/i18n/{ko,en}.json, key `note.<code>`), so the Import screen and the CLI say them in the
 * learner's language and a new language is a table, not a change to the parser. The file and line travel beside the
 * code (NoteProblem), never inside the words, so every rendering names them.
 */

export { YAML_PROBLEMS, type YamlProblem, yamlProblem } from '../yaml-problems.ts';

import type { YamlProblem } from '../yaml-problems.ts';

/**
 * The parameters of each code. A parameter named `yaml` holds a YamlProblem, rendered through the tables too
 * (content/yaml-problems.ts) before it is put into the sentence.
 */
export type NoteMessageParams = {
  /** A fenced block with no closing fence. */
  'fence-unclosed': { fence: string };
  'nesting-too-deep': { max: number };
  'duplicate-card': { first: number };
  'image-missing': { src: string };
  'list-too-long': { title: string; items: number; max: number };
  'cloze-cap': { deletions: number; max: number };
  /** `fence` is the line that opened it: `---` (YAML) or `+++` (TOML). */
  'front-matter-unclosed': { fence: string };
  /** `detail` is the YAML library's own English sentence, kept for logs and `--json`; the tables say `yaml`. */
  'front-matter-yaml': { yaml: YamlProblem; detail: string };
  /**
   * `detail` is the TOML library's own words, in English: the Korean sentence says what to look at on the line and
   * gives them in brackets (the file and line travel beside the message).
   */
  'front-matter-toml': { detail: string };
  'density-unknown': { value: string; allowed: string };
  'utf8-invalid': Record<string, never>;
  /** Not UTF-8, read as Korean EUC-KR/CP949: nothing lost, but other tools may show it garbled. */
  'legacy-korean-encoding': Record<string, never>;
  'note-too-large': { mb: string };
  'note-binary': Record<string, never>;
  'note-empty': Record<string, never>;
  /** `why` is the system's error code (ENOENT, EACCES, …). */
  'note-cannot-open': { why: string };
  'note-cannot-read': { why: string };
  'note-failed': { why: string };
  'not-markdown': Record<string, never>;
  'switch-not-list': { key: string };
  'switch-not-boolean': { key: string };
  'unknown-rule': { key: string; rule: string; known: string };
  'skipped-link-outside': Record<string, never>;
  'skipped-dangling-link': Record<string, never>;
  'skipped-fifo': Record<string, never>;
  'skipped-socket': Record<string, never>;
  'skipped-device': Record<string, never>;
  'skipped-not-regular': Record<string, never>;
};
export type NoteMessageCode = keyof NoteMessageParams;
/** One message: its code and that code's parameters. */
export type NoteMessage = {
  [C in NoteMessageCode]: { code: C; params: NoteMessageParams[C] };
}[NoteMessageCode];

/** Every code, for the tests that check both tables have each one (a missing entry fails to compile). */
export const NOTE_MESSAGE_CODES = Object.keys({
  'fence-unclosed': 1,
  'nesting-too-deep': 1,
  'duplicate-card': 1,
  'image-missing': 1,
  'list-too-long': 1,
  'cloze-cap': 1,
  'front-matter-unclosed': 1,
  'front-matter-yaml': 1,
  'front-matter-toml': 1,
  'density-unknown': 1,
  'utf8-invalid': 1,
  'legacy-korean-encoding': 1,
  'note-too-large': 1,
  'note-binary': 1,
  'note-empty': 1,
  'note-cannot-open': 1,
  'note-cannot-read': 1,
  'note-failed': 1,
  'not-markdown': 1,
  'switch-not-list': 1,
  'switch-not-boolean': 1,
  'unknown-rule': 1,
  'skipped-link-outside': 1,
  'skipped-dangling-link': 1,
  'skipped-fifo': 1,
  'skipped-socket': 1,
  'skipped-device': 1,
  'skipped-not-regular': 1,
} satisfies Record<NoteMessageCode, 1>) as NoteMessageCode[];

/** A message about one line of one note. */
export type NoteProblem = { file: string; line: number } & NoteMessage;

/** Builds a message with its parameters checked against its code. */
export const noteMessage = <C extends NoteMessageCode>(code: C, params: NoteMessageParams[C]): NoteMessage =>
  ({ code, params }) as NoteMessage;

const none: Record<string, never> = {};
/** A message without parameters. */
export const bare = (
  code: {
    [C in NoteMessageCode]: NoteMessageParams[C] extends Record<string, never> ? C : never;
  }[NoteMessageCode],
): NoteMessage => ({ code, params: none }) as NoteMessage;

/** How the readers report: a line of the note and what is wrong with it. */
export type Warn = (line: number, message: NoteMessage) => void;
