// "Key:" then two or more spaces: a value set in a column, as command output prints it; prose puts one space.
const ALIGNED_FIELD = /^(\s*[A-Za-z][\w .()/-]{0,40}:\s{2,})\S/;

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
  const col = valueColumn(textAt(lines, k) ?? '');
  if (col < 0) return false;
  return [textAt(lines, k - 1), textAt(lines, k + 1)].some((t) => t !== undefined && valueColumn(t) === col);
}

/** A code block's lines are strings, a paragraph's carry their line numbers too. */
function textAt(lines: readonly (string | { text: string })[], k: number): string | undefined {
  const l = lines[k];
  return typeof l === 'string' ? l : l?.text;
}
