import { default_w } from 'ts-fsrs';

/**
 * An FSRS memory state from an SM-2 schedule (interval in days, ease as a factor such as 2.5), for cards whose
 * history is not known: Anki cards exported without a review log, Obsidian Spaced Repetition comments. It is the
 * conversion fsrs-rs uses (`memory_state_from_sm2`): stability is the interval at which recall falls to the SM-2
 * retention, and difficulty is what makes FSRS's next stability growth match the ease.
 */
export function memoryFromSm2(
  ease: number,
  intervalDays: number,
  weights: readonly number[] = default_w,
  sm2Retention = 0.9,
): { stability: number; difficulty: number } {
  const w = weights;
  const decay = -(w[20] ?? 0.5);
  const factor = 0.9 ** (1 / decay) - 1;
  const stability = (Math.max(intervalDays, 0.01) * factor) / (sm2Retention ** (1 / decay) - 1);
  const growth = Math.exp(w[8]!) * stability ** -w[9]! * Math.expm1((1 - sm2Retention) * w[10]!);
  const difficulty = 11 - (Math.max(ease, 1.3) - 1) / growth;
  return { stability, difficulty: Math.min(10, Math.max(1, difficulty)) };
}

/** The SM-2 ease (permille, as Anki stores it) a difficulty corresponds to: the inverse of the above. */
export function easeFromMemory(
  stability: number,
  difficulty: number,
  weights: readonly number[] = default_w,
): number {
  const w = weights;
  const growth = Math.exp(w[8]!) * Math.max(stability, 0.01) ** -w[9]! * Math.expm1(0.1 * w[10]!);
  return Math.round(Math.min(5, Math.max(1.3, 1 + (11 - difficulty) * growth)) * 1000);
}
