/**
 * The manifest half of the check, loaded only when a note has a manifest: it needs the grader (every schema and
 * CEL rule), which costs more memory than the rest of an import of notes without manifests (about 100 MB).
 */
import type { FactsBase } from './facts-base.ts';
import type { NoteCheck } from './types.ts';

export type ManifestCheck = (base: FactsBase, lines: readonly string[]) => NoteCheck[];

let loaded: ManifestCheck | null = null;

/** The manifest check, or null until `loadManifestCheck` ran (checks of notes with manifests are then deferred). */
export const manifestCheck = (): ManifestCheck | null => loaded;

export async function loadManifestCheck(): Promise<ManifestCheck> {
  loaded ??= (await import('./note-manifest-checks.ts')).checkNoteManifests;
  return loaded;
}

/** Whether a note may hold a manifest: every manifest has a column-0 or indented `kind:` line. */
export const mayHoldManifest = (text: string) => text.includes('kind:') && text.includes('apiVersion:');
