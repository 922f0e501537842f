/**
 * What the prose checks read of a line: URLs and image targets blanked out (a link to the ports page names every
 * component and port), column positions kept so a warning still points at the note's own text.
 */
const URL_RE = /\bhttps?:\/\/[^\s)>\]`'"]+|\]\([^)]*\)|<img[^>]*>/gi;

export const blankUrls = (line: string) => line.replace(URL_RE, (m) => ' '.repeat(m.length));

/** Front matter (`---` … `---` at the top) is the note's settings, not what it teaches. */
export function frontMatterEnd(lines: readonly string[]): number {
  if (lines[0]?.trim() !== '---') return 0;
  for (let i = 1; i < lines.length; i++) if (/^(---|\.\.\.)\s*$/.test(lines[i]!)) return i + 1;
  return 0;
}

/** The note's title from its front matter, which names the subject of every line below it. */
export function frontMatterTitle(lines: readonly string[], end: number): string {
  for (let i = 1; i < end; i++) {
    const m = /^title:\s*(.*)$/.exec(lines[i]!);
    if (m) return m[1]!;
  }
  return '';
}

export const HEADING = /^\s{0,3}#{1,6}\s+\S/;
