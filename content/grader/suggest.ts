/** "Did you mean" suggestions: Damerau-Levenshtein distance, case-insensitive, bounded by the word length. */

/** No suggestion is ever further than this many edits, so candidates whose length differs more are skipped. */
const MAX_EDITS = 3;

// Three rolling rows (the one before last is the transposition's), kept between calls: an answer with thousands of
// unknown fields asks for a suggestion per field against each of its siblings, and allocating per call made the
// garbage collector a large share of grading such an answer.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/**
 * Distance between two lowercased words, or `max + 1` as soon as it must exceed `max` (every cell of a row is
 * above it). Exact whenever the result is at most `max`.
 */
function distanceWithin(x: string, y: string, max: number): number {
  if (rows[0].length <= y.length) {
    const n = 2 * (y.length + 1);
    rows = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
  }
  let [prev2, prev, row] = rows;
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  let prevMin = 0;
  for (let i = 1; i <= x.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x.charCodeAt(i - 1) === y.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (
        i > 1 &&
        j > 1 &&
        x.charCodeAt(i - 1) === y.charCodeAt(j - 2) &&
        x.charCodeAt(i - 2) === y.charCodeAt(j - 1)
      )
        v = Math.min(v, prev2[j - 2]! + 1);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // Every later row is at least min(this row's smallest cell, the previous row's + 1): a transposition reaches
    // back two rows, a plain edit one.
    if (rowMin > max && prevMin >= max) return max + 1;
    prevMin = rowMin;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[y.length]!;
}

export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return distanceWithin(x, y, Math.max(x.length, y.length));
}

/** The closest candidate, if it is close enough to be a plausible typo. */
export function suggest(word: string, candidates: Iterable<string>): string | null {
  if (word.length > 200) return null;
  const list: readonly string[] = Array.isArray(candidates) ? (candidates as string[]) : [...candidates];
  const lower = lowercased(list);
  const w = word.toLowerCase();
  let best: string | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    // The distance is at least the difference in length; past MAX_EDITS it could never be suggested.
    if (c === word || Math.abs(c.length - word.length) > MAX_EDITS) continue;
    // Bounded at MAX_EDITS: a larger distance is never suggested, and the closest candidate within it is the same.
    const d = distanceWithin(w, lower[i]!, Math.min(MAX_EDITS, bestD - 1));
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best !== null) {
    const limit = Math.max(1, Math.min(MAX_EDITS, Math.floor(Math.max(word.length, best.length) / 3)));
    if (bestD <= limit) return best;
  }
  // A shortened name (`controller` for controllerName, `className` for gatewayClassName).
  if (w.length < 4) return null;
  return list.find((c, i) => c !== word && (lower[i]!.startsWith(w) || lower[i]!.endsWith(w))) ?? null;
}

/**
 * A field's siblings are one frozen list per schema definition (core-fields.ts), asked about once per unknown field:
 * lowercased once. Other lists may change between calls and are lowercased each time.
 */
const lowerLists = new WeakMap<readonly string[], string[]>();
function lowercased(list: readonly string[]): string[] {
  if (!Object.isFrozen(list)) return list.map((c) => c.toLowerCase());
  let lower = lowerLists.get(list);
  if (!lower) {
    lower = list.map((c) => c.toLowerCase());
    lowerLists.set(list, lower);
  }
  return lower;
}
