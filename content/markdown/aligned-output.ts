// "Key:" then two or more spaces: a value set in a column, as command output prints it; prose puts one space.
const ALIGNED_FIELD = /^(\s*[A-Za-z][\w .()/-]{0,40}:\s{2,})\S/;
// The same "Key:" with any space after it: where its value starts, for a value printed on under it.
const FIELD = /^(\s*[A-Za-z][\w .()/-]{0,40}:\s+)\S/;

/** Where the value of an aligned `Key:   value` line starts, or -1. */
function valueColumn(text: string): number {
  const m = ALIGNED_FIELD.exec(text);
  return m ? m[1]!.length : -1;
}

/**
 * `IP Families:       IPv4` next to `IP:                10.97.181.20`: `kubectl describe` output pasted into a
 * note, in a code block or as text. Its `Key: value` lines are one object's state, not terms and definitions.
 */
export function isAlignedOutputLine(lines: readonly (string | { text: string })[], k: number): boolean {
  const text = textAt(lines, k) ?? '';
  const col = valueColumn(text);
  if (col >= 0)
    return [textAt(lines, k - 1), textAt(lines, k + 1)].some(
      (t) => t !== undefined && valueColumn(t) === col,
    );
  // `DNS Servers: 10.96.0.10` over `             192.168.0.1`: a field's further values, printed under its first.
  const first = FIELD.exec(text)?.[1]?.length ?? -1;
  const next = textAt(lines, k + 1);
  return (
    first > 0 && next !== undefined && /^\s+\S/.test(next) && next.length - next.trimStart().length === first
  );
}

/** A code block's lines are strings, a paragraph's carry their line numbers too. */
function textAt(lines: readonly (string | { text: string })[], k: number): string | undefined {
  const l = lines[k];
  return typeof l === 'string' ? l : l?.text;
}
