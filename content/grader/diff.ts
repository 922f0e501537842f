/**
 * Side-by-side diff of the reference and the answer, line by line (LCS on trimmed lines, so indentation-only
 * changes still align). Shown once the learner passes or gives up.
 */

export type DiffRow = {
  op: 'same' | 'changed' | 'removed' | 'added';
  /** Reference line (1-based) and text, when the row has one. */
  leftLine: number | null;
  left: string;
  rightLine: number | null;
  right: string;
};

const MAX_LINES = 2000;

export function sideBySideDiff(reference: string, answer: string): DiffRow[] {
  const a = reference.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n').slice(0, MAX_LINES);
  const b = answer.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n').slice(0, MAX_LINES);
  const ka = a.map((l) => l.trimEnd());
  const kb = b.map((l) => l.trimEnd());
  const n = a.length;
  const m = b.length;
  // LCS table, bottom-up.
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = ka[i] === kb[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  const removed: number[] = [];
  const added: number[] = [];
  const flush = () => {
    // Pair up removals and additions into "changed" rows so the two sides line up.
    const k = Math.max(removed.length, added.length);
    for (let x = 0; x < k; x++) {
      const l = removed[x];
      const r = added[x];
      rows.push({
        op: l !== undefined && r !== undefined ? 'changed' : l !== undefined ? 'removed' : 'added',
        leftLine: l !== undefined ? l + 1 : null,
        left: l !== undefined ? a[l]! : '',
        rightLine: r !== undefined ? r + 1 : null,
        right: r !== undefined ? b[r]! : '',
      });
    }
    removed.length = 0;
    added.length = 0;
  };
  while (i < n || j < m) {
    if (i < n && j < m && ka[i] === kb[j]) {
      flush();
      rows.push({ op: 'same', leftLine: i + 1, left: a[i]!, rightLine: j + 1, right: b[j]! });
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      added.push(j++);
    } else {
      removed.push(i++);
    }
  }
  flush();
  return rows;
}

const MARK: Record<DiffRow['op'], string> = { same: ' ', changed: '|', removed: '<', added: '>' };

/** Plain-text rendering for the CLI: reference on the left, answer on the right. */
export function formatSideBySide(
  rows: DiffRow[],
  width = 100,
  labels = { left: 'reference', right: 'your answer' },
): string {
  const col = Math.max(20, Math.floor((width - 3) / 2));
  const pad = (s: string) => (s.length > col ? `${s.slice(0, col - 1)}…` : s.padEnd(col));
  const out = [`${pad(labels.left)} ${' '} ${labels.right}`, `${'-'.repeat(col)} ${' '} ${'-'.repeat(col)}`];
  for (const r of rows) out.push(`${pad(r.left)} ${MARK[r.op]} ${r.right}`);
  return out.join('\n');
}
