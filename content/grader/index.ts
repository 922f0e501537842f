/** The YAML exercise grader: answer text in, verdict out. Pure: no SQL, no Electron, no clock. */
export { type DiffRow, formatSideBySide, sideBySideDiff } from './diff.ts';
export {
  BUNDLED_EXERCISES_DIR,
  ExerciseFormatError,
  findExercise,
  loadExercise,
  loadExercises,
  loadWrongAnswers,
} from './load.ts';
export { noteManifestYaml } from './note-manifest.ts';
export { MAX_ALIAS_COUNT, MAX_ANSWER_BYTES } from './parse.ts';
export { type AttemptOutcome, type AttemptRating, ratingForAttempt } from './rating.ts';
export type { Check, CheckResult, Exercise, Lang, Text, Verdict, VerdictError } from './types.ts';
export {
  MAX_MANIFEST_BYTES,
  type ManifestValidation,
  type ValidationIssue,
  validateManifests,
} from './validate.ts';
export { type GradeOptions, grade, gradeAgainstReference } from './verdict.ts';
