import { foldForMatch } from './scan.ts';
import type { ParsedCard } from './types.ts';

/**
 * A value the Kubernetes check (content/facts) found wrong (`fact`) or removed from current Kubernetes (`outdated`),
 * where the note says it (1-based line).
 */
export type KnownError = { line: number; said: string; kind: 'fact' | 'outdated' };

/**
 * Marks each candidate whose answer would teach a value the check found wrong (`/opt/cin/bin`, a kubelet on 19250)
 * or asks for a removed one as its whole answer (kube-scheduler on 10251): the note said it, so a rule proposed it,
 * but a learner must not be drilled on it. The check's warning tells them what Kubernetes says instead. A wrong value
 * in the prompt only (`user-space` beside the hidden `iptables`) is not taught by the card, and a list of modes that
 * still names a removed one among the current ones only mentions it: neither marks the card.
 */
export function markKnownErrors(candidates: ParsedCard[], errors: readonly KnownError[]): void {
  // Each value folded once, not once a candidate.
  const folded = errors.map((e) => ({ e, said: foldForMatch(e.said) }));
  for (const card of candidates) {
    const last = card.line + card.prompt.split('\n').length + card.answer.split('\n').length;
    const answer = foldForMatch(card.answer);
    for (const { e, said } of folded) {
      if (e.line < card.line || e.line > last) continue;
      // The answer is the value, or the value part of it (`3888` of `NodePort: 3888`); a wrong one anywhere in it.
      const isValue = said.includes(answer) && /[\d/.]/.test(answer);
      const holds =
        said !== '' && (isValue || answer === said || (e.kind === 'fact' && answer.includes(said)));
      if (holds && answer.length >= 2) {
        card.teaches = e.said;
        break;
      }
    }
  }
}
