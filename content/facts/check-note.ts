/**
 * The whole check of one note: its manifests against the grader's validator, every other line against the facts
 * base. It reads the note's text, not the cards, so it is the same whichever rules made the cards.
 */
import { checkProseLine } from './check-prose.ts';
import { type FactsBase, factsBase } from './facts-base.ts';
import { blankUrls, frontMatterEnd, frontMatterTitle, HEADING } from './line-text.ts';
import { type ManifestCheck, manifestCheck, mayHoldManifest } from './manifest-check.ts';
import type { NoteCheck } from './types.ts';

/** Lines past this are not read for facts: a note this long is a log or a dump, not something to learn. */
const MAX_LINE = 2000;

export type NoteCheckResult = {
  checks: NoteCheck[];
  /** The note has a manifest and the manifest check was not loaded: its manifests are still to be checked. */
  manifestsDeferred: boolean;
};

/** The check of one note; its manifests only if the manifest check is loaded (see manifest-check.ts). */
export function checkNote(text: string, base: FactsBase = factsBase()): NoteCheck[] {
  return checkNoteParts(text, base, manifestCheck()).checks;
}

export function checkNoteParts(
  text: string,
  base: FactsBase,
  manifests: ManifestCheck | null,
): NoteCheckResult {
  // A note with no manifest and no line the prose checks read is not even split into lines.
  const hasManifest = mayHoldManifest(text);
  const prose = base.relevantText.test(text);
  const manifestsDeferred = hasManifest && !manifests;
  if (!(hasManifest && manifests) && !prose) return { checks: [], manifestsDeferred };
  const lines = text.split(/\r?\n/);
  const out: NoteCheck[] = hasManifest && manifests ? manifests(base, lines) : [];
  if (!prose) return { checks: dedupe(out), manifestsDeferred };
  const start = frontMatterEnd(lines);
  const title = frontMatterTitle(lines, start);
  const headings: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const raw = lines[i]!;
    if (HEADING.test(raw)) noteHeading(headings, raw);
    if (raw.length > MAX_LINE || !base.relevant.test(raw)) continue;
    const found = checkProseLine(base, blankUrls(raw), i + 1, {
      headings: () => headings.join('\n'),
      title,
      above: () => lines.slice(Math.max(start, i - 5), i).join('\n'),
    });
    if (found.length > 0) out.push(...found);
  }
  return { checks: dedupe(out), manifestsDeferred };
}

function noteHeading(headings: string[], raw: string) {
  const level = /^\s*(#+)/.exec(raw)![1]!.length;
  headings.length = Math.min(headings.length, level - 1);
  headings[level - 1] = raw;
}

/** One warning per fact and line: a flag written twice on a line (`--cni-bin-dir … --cni-conf-dir`) is one mistake. */
function dedupe(checks: NoteCheck[]): NoteCheck[] {
  const seen = new Set<string>();
  return checks
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .filter((c) => {
      const key = `${c.line}\u0000${c.id}\u0000${c.kind === 'manifest' ? c.column : ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
