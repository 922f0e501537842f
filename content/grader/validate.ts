/**
 * Validation of any manifest, no exercise needed: what `kubectl apply --validate=strict` would refuse, judged
 * offline. The same pipeline as grading (parse, identify, schema and unknown fields, API-server rules), without
 * the checks against a reference.
 */
import type { ErrorCode, Lang } from './types.ts';
import { analyse } from './verdict.ts';

/** Manifest files are larger than answers (a whole app in one file); this still refuses an accident. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export type ValidationIssue = {
  line: number | null;
  column: number | null;
  /** The field the problem is about (`spec.ports[0].port`), or null for the whole file / document. */
  path: string | null;
  code: ErrorCode;
  message: string;
};

export type ManifestValidation = { valid: boolean; documents: number; issues: ValidationIssue[] };

export function validateManifests(text: string, lang: Lang = 'en'): ManifestValidation {
  const { docs, issues } = analyse(text, { maxBytes: MAX_MANIFEST_BYTES });
  // A file with no documents (only comments, or empty) declares nothing, so it is not invalid.
  const real = issues.filter((i) => i.code !== 'empty');
  return {
    valid: real.length === 0,
    documents: docs.length,
    // In file order, as an editor or a compiler lists them.
    issues: [...real]
      .sort((a, b) => (a.loc?.line ?? 0) - (b.loc?.line ?? 0) || (a.loc?.column ?? 0) - (b.loc?.column ?? 0))
      .map((i) => ({
        line: i.loc?.line ?? null,
        column: i.loc?.column ?? null,
        path: i.path ?? null,
        code: i.code,
        message: i.text[lang],
      })),
  };
}
