import { isManifestText } from './manifest-blocks.ts';
import { md } from './markdown.ts';

export type CodeResult = { manifests: { start: number; text: string }[] };

/**
 * Claims the lines of fenced and indented code so no rule reads them. A fenced or indented manifest becomes a
 * manifest card; an unterminated fence is reported and only its opening line is claimed, so no cards are lost.
 */
export function claimCode(
  lines: string[],
  claimed: boolean[],
  warn: (line: number, m: string) => void,
): CodeResult {
  const manifests: CodeResult['manifests'] = [];
  const body = lines.map((l, i) => (claimed[i] ? '' : l)).join('\n');
  for (const tok of md.parse(body, {})) {
    if (!tok.map || (tok.type !== 'fence' && tok.type !== 'code_block' && tok.type !== 'html_block'))
      continue;
    const [start, end] = tok.map;
    if (tok.type === 'fence') {
      const closer = lines[end - 1]?.trim() ?? '';
      const closed =
        end - start >= 2 &&
        closer.startsWith(tok.markup[0]!) &&
        /^(`{3,}|~{3,})$/.test(closer) &&
        closer.length >= tok.markup.length;
      if (!closed) {
        warn(start + 1, `code fence ${tok.markup} is never closed; read the lines after it as text`);
        claimed[start] = true;
        continue;
      }
      const lang = tok.info.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      if ((lang === '' || lang === 'yaml' || lang === 'yml') && isManifestText(tok.content)) {
        manifests.push({ start, text: tok.content });
      }
    } else if (tok.type === 'code_block' && isManifestText(dedent(tok.content))) {
      manifests.push({ start, text: dedent(tok.content) });
    }
    for (let k = start; k < end; k++) claimed[k] = true;
  }
  return { manifests };
}

function dedent(text: string): string {
  const lines = text.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
