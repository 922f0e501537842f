/**
 * HTML comments are the author's notes to self: Obsidian hides them, and the Obsidian Spaced Repetition plugin
 * makes no card from anything inside one. They are blanked here, line for line (line numbers hold), across lines
 * when the comment spans several. The plugin's own schedule comments (`<!--SR:…-->`) are left for sr-comments.ts;
 * inside another comment they go with it. Fenced code (`code[i]`) is left alone.
 */
const OPEN = /<!--(?!\s*SR:)/;

export function blankHtmlComments(lines: string[], from: number, code: boolean[]): void {
  for (let i = from; i < lines.length; i++) {
    if (code[i]) continue;
    const l = lines[i]!;
    if (!l.includes('<!--')) continue;
    const open = OPEN.exec(l);
    if (!open) continue;
    const before = l.slice(0, open.index);
    let j = i;
    let at = l.indexOf('-->', open.index + 4);
    while (at < 0 && j + 1 < lines.length && !code[j + 1]) {
      j++;
      at = lines[j]!.indexOf('-->');
    }
    // A comment never closed hides the rest of the note in Obsidian; here it takes only its own line, so a stray
    // `<!--` costs no cards below it.
    if (at < 0) j = i;
    const after = at < 0 ? '' : lines[j]!.slice(at + 3).replace(/^(?:\s*-->)+/, '');
    const keep = (s: string) => (s.trim() ? s.replace(/\s+$/, '') : '');
    for (let k = i + 1; k <= j; k++) lines[k] = '';
    if (j === i) lines[i] = keep(`${before}${after}`);
    else {
      lines[i] = keep(before);
      lines[j] = keep(after);
    }
    // What follows the comment may open another: read that line again.
    if (after.includes('<!--')) i = j - 1;
  }
}
