import { hash } from 'node:crypto';

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** What a card says, independent of where it sits: the key that survives renames, moves and reorders. */
export function contentKey(kind: string, prompt: string, answer: string): string {
  // One-shot hashing: no Hash object per card for the collector to finalise (200,000 of them per big import).
  return hash('sha1', `${kind}\u0000${norm(prompt)}\u0000${norm(answer)}`, 'hex');
}

/** A parsed card's key: what it says, its prompt as its identity reads it (see ParsedCard.keyPrompt). */
export const cardKey = (c: { kind: string; prompt: string; answer: string; keyPrompt?: string }): string =>
  contentKey(c.kind, c.keyPrompt ?? c.prompt, c.answer);

export function siblingKey(text: string): string {
  return hash('sha1', norm(text), 'hex').slice(0, 16);
}

function bigrams(s: string): Map<string, number> {
  const t = norm(s).toLowerCase();
  const m = new Map<string, number>();
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient over character bigrams: 1 for equal text, ~0.8 for a light rewording. Works for Hangul too. */
export function similarity(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const n of A.values()) total += n;
  for (const [g, n] of B) {
    total += n;
    shared += Math.min(n, A.get(g) ?? 0);
  }
  return total === 0 ? (norm(a) === norm(b) ? 1 : 0) : (2 * shared) / total;
}

/** A light rewording keeps its history; anything further is a new card. */
export const REWORD_THRESHOLD = 0.7;
