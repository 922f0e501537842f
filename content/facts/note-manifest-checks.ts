import { checkManifest } from './check-manifests.ts';
import type { FactsBase } from './facts-base.ts';
import { noteManifests } from './note-manifests.ts';
import type { NoteCheck } from './types.ts';

/** Every manifest of a note through the grader's validator (loaded on demand by manifest-check.ts). */
export function checkNoteManifests(base: FactsBase, lines: readonly string[]): NoteCheck[] {
  return noteManifests(lines).flatMap((m) => checkManifest(base, m, lines));
}
