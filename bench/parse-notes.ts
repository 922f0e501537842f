import { performance } from 'node:perf_hooks';
import { checkNote } from '../content/facts/check-note.ts';
import { md } from '../content/markdown/markdown.ts';
import { parseNote } from '../content/markdown/parse-note.ts';

/**
 * Parsing alone (no database) against a bare `md.parse` of the same texts with the project's markdown-it
 * instance, best of three rounds each so a busy machine hurts both sides alike. Target: ratio <= 1.
 */
export function benchParse(notes: string[]): void {
  let bare = Number.POSITIVE_INFINITY;
  let ours = Number.POSITIVE_INFINITY;
  let cards = 0;
  for (let round = 0; round < 3; round++) {
    let t = performance.now();
    for (const n of notes) md.parse(n, {});
    bare = Math.min(bare, performance.now() - t);
    t = performance.now();
    cards = 0;
    for (let i = 0; i < notes.length; i++) cards += parseNote(`n${i}.md`, notes[i]!).cards.length;
    ours = Math.min(ours, performance.now() - t);
  }
  console.log(`md.parse baseline       ${bare.toFixed(0)} ms   (${notes.length} notes)`);
  console.log(`parseNote (no database) ${ours.toFixed(0)} ms   (${cards} cards)`);
  console.log(`ratio parse/md.parse    ${(ours / bare).toFixed(2)}x   (target <= 1x)`);
  // The Kubernetes check (issue #18) reads the same notes at import: it may cost at most a tenth of parsing.
  let check = Number.POSITIVE_INFINITY;
  let found = 0;
  checkNote(notes[0] ?? '');
  for (let round = 0; round < 3; round++) {
    const t = performance.now();
    found = 0;
    for (const n of notes) found += checkNote(n).length;
    check = Math.min(check, performance.now() - t);
  }
  console.log(`checkNote (facts)       ${check.toFixed(0)} ms   (${found} warnings)`);
  console.log(`ratio check/parse       ${(check / ours).toFixed(3)}x  (target <= 0.10x)`);
}
