import { type CodeCard, codeCards } from './code-cards.ts';
import { isManifestText } from './manifest-blocks.ts';
import type { Token } from './markdown.ts';
import { noteMessage, type Warn } from './note-messages.ts';
import { isCommandLine } from './select/vocab.ts';
import { SHELL_PROMPT as SESSION_PROMPT } from './shell-prompt.ts';

export type CodeResult = {
  manifests: { start: number; text: string }[];
  cards: CodeCard[];
  /** An unterminated fence swallowed the rest of the note; the text must be parsed again without it. */
  reparse: boolean;
};

const NOT_INTRO = /^(?:or|and|also|then|e\.g\.?|ex\)?|예|예시|또는|혹은|결과|result|output|expected)$/i;

/**
 * Claims the lines of fenced and indented code so no rule reads them as prose. A manifest in any block (also
 * one mislabelled `bash`) becomes a manifest card; other blocks give their command cards and, under a line that
 * introduces them ("Verify the Ingress:", a task heading), a card asking for the whole block. An unterminated
 * fence is reported and only its opening line is claimed, so no cards are lost.
 */
export function claimCode(tokens: Token[], lines: string[], claimed: boolean[], warn: Warn): CodeResult {
  const manifests: CodeResult['manifests'] = [];
  const cards: CodeCard[] = [];
  let reparse = false;
  for (const tok of tokens) {
    if (!tok.map || (tok.type !== 'fence' && tok.type !== 'code_block' && tok.type !== 'html_block'))
      continue;
    const [start, end] = tok.map;
    let lang = '';
    let content = tok.content;
    let first = start + 1;
    if (tok.type === 'fence') {
      const closer = lines[end - 1]?.trim() ?? '';
      const closed =
        end - start >= 2 &&
        closer.startsWith(tok.markup[0]!) &&
        /^(`{3,}|~{3,})$/.test(closer) &&
        closer.length >= tok.markup.length;
      if (!closed) {
        warn(start + 1, noteMessage('fence-unclosed', { fence: tok.markup }));
        claimed[start] = true;
        reparse = true;
        continue;
      }
      lang = tok.info.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      first = start + 2;
    } else if (tok.type === 'code_block') content = dedent(content);
    for (let k = start; k < end; k++) claimed[k] = true;
    if (tok.type === 'html_block') continue;
    if (isManifestText(content)) {
      manifests.push({ start, text: content });
      continue;
    }
    cards.push(...codeCards(content, lang, first));
    const intro = introLine(lines, start);
    const body = content.replace(/\s+$/, '');
    if (intro && body && body.split('\n').length <= 30 && intro.text !== body.trim()) {
      cards.push({
        kind: 'basic',
        rule: 'code-intro',
        prompt: intro.text,
        answer: asTyped(commandOverOutput(body) ?? body),
        line: intro.line,
        sibling: intro.text,
      });
    }
  }
  return { manifests, cards, reparse };
}

// A shell prompt before a command, a root one included: `$ `, `# `, `[root@ip-10-0-0-1 ~]# `, `user@host:~$ `. A
// command over its output is told by it (the themed glyphs of SESSION_PROMPT are asked of a whole block, asTyped).
const SHELL_PROMPT = /^(?:[$#]|\[[^\]]{1,60}\][#$]|[\w.-]+@[\w.-]+:\S*[#$])\s+/;

/**
 * "$ iptables -L PREROUTING -t nat" over the table it printed: the intro asks for the command, and the output is
 * what it showed once (judges junked whole blocks of it as too long). Null when the block is not one command
 * over its output.
 */
export function commandOverOutput(body: string): string | null {
  const lines = body.split('\n').filter((l) => l.trim());
  if (lines.length < 2) return null;
  const first = lines[0]!.trim();
  const command = first.replace(SHELL_PROMPT, '');
  if (!isCommandLine(command)) return null;
  // Every later line is output: no prompt and no command of its own.
  if (lines.slice(1).some((l) => SHELL_PROMPT.test(l.trim()) || isCommandLine(l.trim()))) return null;
  return command;
}

/** The text line (or heading) just above a block, at most one blank line away. */
function introLine(lines: string[], start: number): { text: string; line: number } | null {
  let k = start - 1;
  if (k >= 0 && !lines[k]!.trim()) k--;
  if (k < 0) return null;
  const raw = lines[k]!.trim();
  if (!raw || /^(?:`{3,}|~{3,}|---|\*\*\*|\||<)/.test(raw)) return null;
  const text = raw
    .replace(/^#{1,6}\s+/, '')
    .replace(/^(?:>\s*)+/, '')
    .replace(/^(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/^\*\*(.+)\*\*$/, '$1')
    .replace(/[:：]\s*$/, '')
    .trim();
  if (text.length < 3 || text.length > 200 || NOT_INTRO.test(text)) return null;
  return { text, line: k + 1 };
}

/**
 * A block as the learner would type it: without the indent all its lines share (a fence inside a list item keeps
 * the item's), and, when it opens with a shell prompt, without the prompt before each command. A block that does
 * not open with one is left as written (`$i=0` in PowerShell, `% {` in its loop).
 */
function asTyped(block: string): string {
  const lines = dedent(block).split('\n');
  const first = lines.find((l) => l.trim()) ?? '';
  return SESSION_PROMPT.test(first)
    ? lines.map((l) => l.replace(SESSION_PROMPT, '$1')).join('\n')
    : lines.join('\n');
}

function dedent(text: string): string {
  const lines = text.split('\n');
  let indent = Number.POSITIVE_INFINITY;
  for (const l of lines) if (l.trim()) indent = Math.min(indent, /^\s*/.exec(l)![0].length);
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}
