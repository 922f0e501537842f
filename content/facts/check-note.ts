/**
 * The whole check of one note: its manifests against the grader's validator, every other line against the facts
 * base. It reads the note's text, not the cards, so it is the same whichever rules made the cards.
 */
import { checkManifest } from './check-manifests.ts';
import { checkProseLine } from './check-prose.ts';
import { type FactsBase, factsBase } from './facts-base.ts';
import { blankUrls, frontMatterEnd, frontMatterTitle, HEADING } from './line-text.ts';
import { noteManifests } from './note-manifests.ts';
import type { NoteCheck } from './types.ts';

/** Lines past this are not read for facts: a note this long is a log or a dump, not something to learn. */
const MAX_LINE = 2000;

export function checkNote(text: string, base: FactsBase = factsBase()): NoteCheck[] {
  // Every manifest has a `kind:` line; a note with none, and no line the prose checks read, is not even split.
  const manifests = text.includes('kind:');
  const prose = base.relevantText.test(text);
  if (!manifests && !prose) return [];
  const lines = text.split(/\r?\n/);
  const out: NoteCheck[] = [];
  if (manifests) for (const m of noteManifests(lines)) out.push(...checkManifest(base, m, lines));
  if (!prose) return dedupe(out);
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
  return dedupe(out);
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
