import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkNoteSafely, knownErrorsOf } from '../../content/facts/check-warnings.ts';
import type { NoteCheck } from '../../content/facts/types.ts';
import { decodeNote } from '../../content/markdown/decode.ts';
import { bare, noteMessage } from '../../content/markdown/note-messages.ts';
import { type ParseOptions, parseNote } from '../../content/markdown/parse-note.ts';
import type { Density, NoteWarning, ParsedCard, ParsedNote } from '../../content/markdown/types.ts';
import { noteWarning, toNoteWarning } from '../i18n/note-messages.ts';
import type { NoteFile } from './collect-files.ts';
import { readNote } from './read-note.ts';
import {
  type ClozeOptions,
  dropSwitchedOff,
  type OffBy,
  readNoteSwitches,
  rulesOffFor,
} from './rule-switches.ts';

const isBundled = (source: string) => source.startsWith('bundled:');

export type Read = {
  parsed: ParsedNote;
  dropped: { card: ParsedCard; by: OffBy }[];
  hash: string;
  /** The rules off for this note, and where each was switched off. */
  off: Map<string, OffBy>;
  /** What the Kubernetes check found (issue #18), stored for the cards to show. */
  checks: NoteCheck[];
  /** The note's manifests wait for the manifest check to load (core/import/deferred-checks.ts). */
  manifestsDeferred: boolean;
};

/**
 * Decodes, parses and applies the rule switches to one note. Whatever goes wrong in here is a warning naming the
 * file and the note is left as it was in the database: one bad note never costs the import of the others.
 */
export function readAndParse(
  f: NoteFile,
  file: string,
  opts: { deck?: string; density?: Density; noteOff?: readonly string[] },
  collectionOff: readonly string[],
  collectionCloze: ClozeOptions,
  warnings: NoteWarning[],
): Read | null {
  const read = readNote(f);
  if ('error' in read) {
    warnings.push(noteWarning(file, 1, read.error));
    return null;
  }
  const d = decodeNote(read.bytes);
  if (d.refuse) {
    warnings.push(noteWarning(file, 1, d.refuse));
    return null;
  }
  const own: NoteWarning[] = [];
  try {
    if (d.problem) own.push(noteWarning(file, d.problem.line, d.problem.message));
    if (!d.text.trim()) own.push(noteWarning(file, 1, bare('note-empty')));
    const switches = readNoteSwitches(d.text, file, own);
    // The cloze options reach a parser that reads them; until then they are simply not looked at.
    const parseOpts: ParseOptions & ClozeOptions = {
      deck: opts.deck,
      dir: isBundled(f.source) ? undefined : dirname(f.abs),
      fileExists: existsSync,
      boldCloze: switches.boldCloze ?? collectionCloze.boldCloze,
      curlyCloze: switches.curlyCloze ?? collectionCloze.curlyCloze,
      density: opts.density,
    };
    // Facts checked against Kubernetes (issue #18): warnings, and no card drills a value they found wrong.
    const checked = isBundled(f.source)
      ? { checks: [], warnings: [], manifestsDeferred: false }
      : checkNoteSafely(file, d.text);
    const parsed = parseNote(file, d.text, { ...parseOpts, knownErrors: knownErrorsOf(checked.checks) });
    own.push(...parsed.warnings.map(toNoteWarning));
    own.push(...checked.warnings);
    const off = rulesOffFor(collectionOff, switches, opts.noteOff);
    const { kept, dropped } = dropSwitchedOff(parsed.cards, off);
    // A switched-off rule offers nothing either.
    const suggestions = parsed.suggestions.filter((c) => !off.has(c.rule));
    warnings.push(...own);
    return {
      off,
      parsed: { ...parsed, cards: kept, suggestions },
      dropped: dropped.map((card) => ({ card, by: off.get(card.rule)! })),
      hash: read.hash,
      checks: checked.checks,
      manifestsDeferred: checked.manifestsDeferred,
    };
  } catch (e) {
    warnings.push(noteWarning(file, 1, noteMessage('note-failed', { why: (e as Error).message })));
    return null;
  }
}
