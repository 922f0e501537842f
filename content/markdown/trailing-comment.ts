/** `code   # comment` → [code, comment]; a `#` inside quotes or right after `$`/`{` is not a comment. */
export function splitTrailingComment(line: string): [string, string] | null {
  let quote = '';
  for (let i = 1; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (
      ch === '#' &&
      /\s/.test(line[i - 1]!) &&
      (line[i + 1] === ' ' || line[i + 1] === undefined || /\S/.test(line[i + 1]!))
    ) {
      const code = line.slice(0, i).trim();
      const comment = line.slice(i + 1).trim();
      if (code && comment && !/^[-=#]+$/.test(comment)) return [code, comment];
      return null;
    }
  }
  return null;
}
