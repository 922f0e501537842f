import type {
  NoteMessage,
  NoteMessageCode,
  NoteProblem,
  YamlProblem,
} from '../../content/markdown/note-messages.ts';
import type { NoteWarning } from '../../content/markdown/types.ts';
import { YAML_PROBLEM_WORDS } from '../../content/yaml-problems.ts';
import { type Lang, type MessageKey, tables, tr } from './index.ts';

/**
 * The words of the importer's message codes (content/markdown/note-messages.ts), from the ko and en tables: the
 * Import screen and the CLI render a warning in the learner's language from its code; `message` keeps the English
 * for logs and `--json`.
 */
export function noteMessageText(lang: Lang, m: { code: NoteMessageCode; params?: object }): string {
  const vars: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) vars[k] = typeof v === 'number' ? v : String(v);
  // A YAML problem is itself a code: its words go into the sentence.
  if (typeof vars.yaml === 'string') vars.yaml = YAML_PROBLEM_WORDS[vars.yaml as YamlProblem][lang];
  return tr(lang, `note.${m.code}`, vars);
}

/** A warning's text in `lang`: from its code when it has one, else the text it came with. */
export function warningText(
  lang: Lang,
  w: { message: string; code?: string; params?: object; ko?: { message: string } },
): string {
  if (w.code && `note.${w.code}` in tables.en)
    return noteMessageText(lang, w as { code: NoteMessageCode; params?: object });
  return lang === 'ko' && w.ko ? w.ko.message : w.message;
}

/** A reader's problem as the warning every way in carries: code and params, and the English words. */
export const toNoteWarning = (p: NoteProblem): NoteWarning => ({
  file: p.file,
  line: p.line,
  message: noteMessageText('en', p),
  code: p.code,
  params: p.params,
});

/** A warning about a line of a file, made from a message code. */
export const noteWarning = (file: string, line: number, m: NoteMessage): NoteWarning =>
  toNoteWarning({ file, line, ...m });

/** A rule's name for people (`sentence-cloze` → "Sentence cloze" / "문장 빈칸"); the identifier stays in the data. */
export function ruleLabel(lang: Lang, rule: string): string {
  const key = `rule.${rule}` as MessageKey;
  return key in tables.en ? tr(lang, key) : rule;
}
