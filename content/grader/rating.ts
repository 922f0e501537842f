/** How a graded attempt enters the review queue (same ratings as cards). */
export type AttemptRating = 'good' | 'hard' | 'again';

export type AttemptOutcome = { passed: boolean; hintsUsed: number; priorFailedAttempts: number };

/** First-try pass → good; a pass after a hint or a failed try → hard; a fail → again. */
export function ratingForAttempt({ passed, hintsUsed, priorFailedAttempts }: AttemptOutcome): AttemptRating {
  if (!passed) return 'again';
  return hintsUsed > 0 || priorFailedAttempts > 0 ? 'hard' : 'good';
}
