import { frontMatterEnd, frontMatterSettings } from '../../content/markdown/front-matter.ts';
import { type NoteMessage, noteMessage } from '../../content/markdown/note-messages.ts';
import type { NoteWarning, ParsedCard } from '../../content/markdown/types.ts';
import { noteWarning } from '../i18n/note-messages.ts';
import { isKnownRule, KNOWN_RULES, unknownRuleMessage } from './known-rules.ts';

export { isKnownRule, KNOWN_RULES, unknownRuleMessage };

/** The warning for a rule name the parser does not know, under the key (or setting) that named it. */
export const unknownRule = (key: string, rule: string): NoteMessage =>
  noteMessage('unknown-rule', { key, rule, known: KNOWN_RULES.join(', ') });

/** Parse options the learner can set for the collection and per note (the parser reads them when it has them). */
export type ClozeOptions = { boldCloze?: boolean; curlyCloze?: boolean };

/** What a note's front matter says about rules: `rules-off`, `rules-on`, `bold-cloze`, `curly-cloze`. */
export type NoteSwitches = ClozeOptions & { off: string[]; on: string[] };

// `key:` in YAML, `key =` in TOML.
const KEYS = /^"?(rules-off|rules-on|bold-cloze|curly-cloze)"?\s*[:=]/m;

/**
 * Reads the rule switches from a note's leading `---` (YAML) or `+++` (TOML) block. Most notes have none, so the
 * block is parsed only when one of the keys appears. Bad values are warnings at the key's line; the note still
 * imports.
 */
export function readNoteSwitches(text: string, file: string, warnings: NoteWarning[]): NoteSwitches {
  const none: NoteSwitches = { off: [], on: [] };
  if (!text.startsWith('---') && !text.startsWith('+++')) return none;
  const lines = text.split('\n', 400).map((l) => l.replace(/\r$/, ''));
  const end = frontMatterEnd(lines);
  if (end < 0) return none;
  if (!KEYS.test(lines.slice(1, end).join('\n'))) return none;
  // A block that does not parse is warned about by the note's parser already.
  const d = frontMatterSettings(lines, end);
  if (!d) return none;
  const lineOf = (key: string) => 2 + lines.slice(1, end).findIndex((l) => l.startsWith(`${key}`));
  const names = (key: 'rules-off' | 'rules-on'): string[] => {
    const v = d[key];
    if (v === undefined || v === null) return [];
    const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[\s,]+/) : null;
    if (!list) {
      warnings.push(noteWarning(file, lineOf(key), noteMessage('switch-not-list', { key })));
      return [];
    }
    const out: string[] = [];
    for (const item of list.map((x) => String(x).trim()).filter(Boolean)) {
      if (isKnownRule(item)) out.push(item);
      else warnings.push(noteWarning(file, lineOf(key), unknownRule(key, item)));
    }
    return out;
  };
  const flag = (key: 'bold-cloze' | 'curly-cloze'): boolean | undefined => {
    const v = d[key];
    if (v === undefined) return undefined;
    if (typeof v === 'boolean') return v;
    warnings.push(noteWarning(file, lineOf(key), noteMessage('switch-not-boolean', { key })));
    return undefined;
  };
  const out: NoteSwitches = { off: names('rules-off'), on: names('rules-on') };
  const bold = flag('bold-cloze');
  const curly = flag('curly-cloze');
  if (bold !== undefined) out.boldCloze = bold;
  if (curly !== undefined) out.curlyCloze = curly;
  return out;
}

/** Where a switched-off rule was switched off: the collection setting or the note itself. */
export type OffBy = 'setting' | 'front matter' | 'note setting';

/**
 * The rules off for one note: the collection's, plus the note's `rules-off` (or, for a note that cannot be
 * written, its per-note setting), minus its `rules-on`.
 */
export function rulesOffFor(
  collection: readonly string[],
  note: NoteSwitches,
  noteSetting: readonly string[] = [],
): Map<string, OffBy> {
  const off = new Map<string, OffBy>();
  for (const r of collection) off.set(r, 'setting');
  for (const r of noteSetting) off.set(r, 'note setting');
  for (const r of note.off) off.set(r, 'front matter');
  for (const r of note.on) off.delete(r);
  return off;
}

/** Drops the cards of switched-off rules, after parsing, so it works for whatever rules the parser has. */
export function dropSwitchedOff(
  cards: ParsedCard[],
  off: Map<string, OffBy>,
): { kept: ParsedCard[]; dropped: ParsedCard[] } {
  if (off.size === 0) return { kept: cards, dropped: [] };
  const kept: ParsedCard[] = [];
  const dropped: ParsedCard[] = [];
  for (const c of cards) (off.has(c.rule) ? dropped : kept).push(c);
  return { kept, dropped };
}
