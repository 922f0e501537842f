/** "Did you mean" suggestions: Damerau-Levenshtein distance, case-insensitive, bounded by the word length. */

/** No suggestion is ever further than this many edits, so candidates whose length differs more are skipped. */
const MAX_EDITS = 3;

export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  // Three rolling rows (the one before last is the transposition's): an answer with thousands of unknown fields asks
  // for a suggestion per field, so no table is allocated per call.
  let prev2 = new Array<number>(y.length + 1).fill(0);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  let row = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    row[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      row[j] = v;
    }
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[y.length]!;
}

/** The closest candidate, if it is close enough to be a plausible typo. */
export function suggest(word: string, candidates: Iterable<string>): string | null {
  if (word.length > 200) return null;
  const list = Array.isArray(candidates) ? (candidates as string[]) : [...candidates];
  let best: string | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of list) {
    // The distance is at least the difference in length; past MAX_EDITS it could never be suggested.
    if (c === word || Math.abs(c.length - word.length) > MAX_EDITS) continue;
    const d = editDistance(word, c);
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
  const w = word.toLowerCase();
  if (w.length < 4) return null;
  return (
    list.find((c) => c !== word && (c.toLowerCase().startsWith(w) || c.toLowerCase().endsWith(w))) ?? null
  );
}
