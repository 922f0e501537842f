/**
 * Manifests inside a note, with where each starts in the note: fenced blocks (also Liquid `{% highlight %}` and
 * fences nested under list items), and unfenced ones found the way the importer finds them. The checker reads the
 * raw note so it does not depend on how the parser turns the note into cards.
 */
import { findUnfencedManifests, isManifestText } from '../markdown/manifest-blocks.ts';

/**
 * A manifest as the grader reads it: `line` is the 1-based note line of its first text line, `indent` its
 * column offset, `block` the line its block starts on (a fence's opening line), where the importer puts its card.
 */
export type NoteManifest = { line: number; indent: number; text: string; block: number };

const FENCE = /^(\s*)(`{3,}|~{3,})/;
const LIQUID_OPEN = /^\s*\{%-?\s*highlight\b/;
const LIQUID_CLOSE = /^\s*\{%-?\s*endhighlight\b/;

/**
 * Leading tabs become two spaces: notes pasted from editors indent YAML with tabs, which YAML refuses. What the
 * learner remembers is the fields, not the whitespace, so the fields are what is checked.
 */
const untab = (line: string) => line.replace(/^\t+/, (t) => '  '.repeat(t.length));

export function noteManifests(lines: readonly string[]): NoteManifest[] {
  const out: NoteManifest[] = [];
  const claimed = new Array<boolean>(lines.length).fill(false);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    const liquid = !fence && LIQUID_OPEN.test(line);
    if (!fence && !liquid) {
      i++;
      continue;
    }
    const indent = fence ? fence[1]!.length : 0;
    const closes = (l: string) =>
      fence ? l.trim().startsWith(fence[2]!) && /^(`{3,}|~{3,})$/.test(l.trim()) : LIQUID_CLOSE.test(l);
    let end = i + 1;
    while (end < lines.length && !closes(lines[end]!)) end++;
    if (end >= lines.length) {
      // An unterminated fence: the parser reads what follows as text, so does the checker.
      i++;
      continue;
    }
    for (let k = i; k <= end; k++) claimed[k] = true;
    const body = lines
      .slice(i + 1, end)
      .map((l) => untab(l.slice(Math.min(indent, /^\s*/.exec(l)![0].length))));
    const lang = fence ? line.slice(fence[0].length).trim().split(/\s+/)[0]!.toLowerCase() : '';
    if (/^(ya?ml|json)?$/.test(lang)) {
      const text = body.join('\n');
      if (isManifestText(text)) out.push({ line: i + 2, indent, text, block: i + 1 });
    } else {
      // A manifest inside a shell block (`cat <<EOF | kubectl apply -f -`): only its own lines are YAML.
      for (const b of findUnfencedManifests(body, new Array<boolean>(body.length).fill(false)))
        out.push({
          line: i + 2 + b.start,
          indent: indent + /^\s*/.exec(body[b.start]!)![0].length,
          text: b.text,
          block: i + 1,
        });
    }
    i = end + 1;
  }
  for (const b of findUnfencedManifests(lines.map(untab), claimed)) {
    const indent = /^\s*/.exec(untab(lines[b.start]!))![0].length;
    out.push({ line: b.start + 1, indent, text: b.text, block: b.start + 1 });
  }
  return out.sort((a, b) => a.line - b.line);
}
