import { isAlignedOutputLine } from './aligned-output.ts';
import type { LineCard } from './explicit.ts';
import { glossBeside } from './field-comments.ts';
import { maskInline } from './inline.ts';
import { abbreviations } from './line-rules.ts';
import { yamlLine } from './manifest-fields.ts';
import { isFieldName } from './select/vocab.ts';
import { sentenceCards, splitSentences } from './sentence-cloze.ts';
import { SHELL_PROMPT } from './shell-prompt.ts';
import { termDefinition } from './term-definition.ts';
import { splitTrailingComment } from './trailing-comment.ts';

/**
 * Cards from the inside of code blocks, the way people annotate shell sessions: a `# comment` over a command
 * (asked both ways), `cmd   # comment` on one line, `$ cmd` with its output, `--flag=/path` values, `export
 * x=...` / `alias k=...` assignments, and prose or `term : definition` lines in a block that is really a list.
 */
export type CodeCard = LineCard & { line: number; sibling: string };

const SKIP_LANGS = new Set([
  'mermaid',
  'diff',
  'json',
  'csv',
  'math',
  'latex',
  'dot',
  'plantuml',
  'text',
  'txt',
  'output',
]);
const ROOT_PROMPT = /^\s*[/~][\w/.-]*\s+#\s+(\S.*)$/;
const COMMENT = /^\s*(?:#|\/\/)\s?(.*)$/;
const BARE_ROOT_PROMPT = /^\s*#\s+(\S.*)$/;
const CMD_WORD =
  /^(?:sudo\s+)?(?:k|kubectl|kubeadm|kubelet|ip|ss|netstat|arp|route|iptables|ipvsadm|nft|crictl|ctr|nerdctl|docker|nslookup|dig|host|curl|wget|ping|traceroute|tcpdump|systemctl|journalctl|etcdctl|helm|kustomize|brctl|bridge|sysctl|cat|ps|nc|echo|export|alias|source|complete|vi|vim|nano|apt|apt-get|apt-mark|yum|ssh|scp|grep|awk|sed|ls|cd|mkdir|rm|cp|mv|chmod|touch|tee|watch|openssl|base64|jq|yq|set|exit|minikube|kind|k3s|az|aws|gcloud|eksctl|python3?|node|npm|go|make|git|\.\/\S+|ETCDCTL_API=\S+|[A-Z_]+=\S+|--?\w)/;

function isProse(line: string): boolean {
  const t = line.trim();
  if (!t || CMD_WORD.test(t) || /[|<>{}$=`\\]|^\W/.test(t) || /\s--?\w/.test(t)) return false;
  return /^[\p{L}][\p{L}\p{N}'’]*(?:\s+[\p{L}\p{N}(][\p{L}\p{N}'’(),.?!:]*){2,}$/u.test(t);
}

function flagValues(cmd: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of cmd.matchAll(/(?<=^|\s)--?[\w.-]+=(?=([^\s'"\\]+))/g)) {
    const v = m[1]!;
    if (!/^(?:[/~.]|https?:\/\/|\d)/.test(v) || v.length < 2) continue;
    const start = m.index + m[0].length;
    out.push({ start, end: start + v.length });
  }
  return out.slice(0, 3);
}

const KEY_VALUE_COMMENT = /^\s*(?:#|\/\/)\s?[A-Za-z][\w.-]*:\s+\S/;
const MIN_PRINTED_LINES = 3;

/**
 * A comment line only a program prints: `# NAME: prometheus`, `# LAST DEPLOYED: Sun Sep 15 …` (helm's upper-case
 * fields), `# 1: lo: <LOOPBACK> mtu 65536 …` and `#     link/ether …` (`ip link`), `# NAME   READY   STATUS` (a
 * table's columns). A writer's own `# Key: value` comment is mixed-case and reads as a note, so it is not one.
 */
const PRINTED_COMMENT =
  /^\s*#\s?(?:[A-Z][A-Z0-9 _-]*:(?:\s+\S|\s*$)|\s*\d+:\s+[\w@.-]+:\s+<|\s+link\/\w+\s|\s+inet6?\s+[\d:a-f]|\S+(?: {2,}\S+){2,}\s*$)/;

/**
 * `curl -s http://whoami.example.com/` over `# Hostname: …`, `# IP: …`, `# User-Agent: …`: what the command printed,
 * pasted under it as comments. A comment explains the command below it; a run of comments under a command is its
 * output, with no terms and no definitions, when:
 * - it sits right under the command (no blank line between) and most of its lines are `Key: value` fields; or
 * - its first two lines are what only a program prints (`PRINTED_COMMENT`), even one blank line below the command:
 *   writers paste `helm install`'s or `ip link`'s output whole, and what follows those lines is more of it.
 */
function printedUnderCommands(lines: string[]): boolean[] {
  const printed = new Array<boolean>(lines.length).fill(false);
  for (let i = 0; i + 1 < lines.length; i++) {
    const t = lines[i]!.trim();
    if (!t || COMMENT.test(lines[i]!)) continue;
    const gap = lines[i + 1]!.trim() === '' ? 1 : 0;
    const start = i + 1 + gap;
    let end = start;
    while (end < lines.length && lines[end]!.trim() && COMMENT.test(lines[end]!)) end++;
    const run = lines.slice(start, end);
    const fields =
      run.length >= MIN_PRINTED_LINES && run.filter((l) => KEY_VALUE_COMMENT.test(l)).length * 2 > run.length;
    const programOutput = run.length >= 2 && PRINTED_COMMENT.test(run[0]!) && PRINTED_COMMENT.test(run[1]!);
    if ((fields && gap === 0) || programOutput) for (let k = start; k < end; k++) printed[k] = true;
    if (end > start) i = end - 1;
  }
  return printed;
}

/**
 * `# ip netns exec blue ip link show` over `1: lo: <LOOPBACK> mtu 65536 …`: a root shell's prompt, not a comment. A
 * `#` line that is a command, with lines under it that are neither commands nor comments (what it printed), is
 * read as the command; read as a comment, it asked the output for the command.
 */
function isRootPrompt(lines: string[], i: number): boolean {
  const body = BARE_ROOT_PROMPT.exec(lines[i]!)?.[1]?.trim();
  if (!body || !CMD_WORD.test(body) || !/\s/.test(body)) return false;
  const next = lines[i + 1];
  return next !== undefined && next.trim() !== '' && !COMMENT.test(next) && !CMD_WORD.test(next.trim());
}

export function codeCards(content: string, lang: string, firstLine: number): CodeCard[] {
  if (SKIP_LANGS.has(lang)) return [];
  const lines = content.replace(/\n$/, '').split('\n');
  const printed = printedUnderCommands(lines);
  const cards: CodeCard[] = [];
  const push = (c: LineCard, line: number, sibling: string) => cards.push({ ...c, line, sibling });
  const prose = (text: string, line: number) => {
    const masked = maskInline(text);
    for (const s of splitSentences(masked.text))
      for (const c of sentenceCards(s, masked.spans, false)) push(c, line, text);
  };
  let comments: { text: string; line: number }[] = [];
  let lastCmd: { text: string; line: number } | null = null;
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i]!;
    const line = firstLine + i;
    const t = raw.trim();
    if (!t) {
      // A comment may sit one blank line above its command; two blank lines end it.
      if (i + 1 < lines.length && !lines[i + 1]!.trim()) comments = [];
      i++;
      continue;
    }
    if (printed[i]) {
      comments = [];
      i++;
      continue;
    }
    const cm = COMMENT.exec(raw);
    const rootPrompt = isRootPrompt(lines, i);
    const isComment = cm && !t.startsWith('#!') && !ROOT_PROMPT.test(raw) && !rootPrompt;
    if (isComment || (isProse(raw) && lang !== 'yaml' && lang !== 'yml')) {
      const text = isComment ? t : t;
      const bare = isComment ? cm![1]!.trim() : t;
      if (!bare || /^[-=#*[\]\s]+$/.test(bare) || /^\[.*\]$/.test(bare)) {
        i++;
        continue;
      }
      // A comment that holds its own fact ("# PV - cluster scoped", "# Default: /etc/...").
      const td = isAlignedOutputLine(lines, i) ? null : termDefinition(maskInline(bare).text, { dash: true });
      if (td)
        push({ kind: 'basic', rule: 'term-definition', prompt: td.term, answer: td.definition }, line, bare);
      else if (bare.split(/\s+/).length >= 4) prose(bare, line);
      for (const a of abbreviations(bare, [])) push(a, line, bare);
      comments.push({ text, line });
      // A comment after the last command of a group explains that command.
      const next = lines.slice(i + 1).find((l) => l.trim());
      const nextIsCode = next !== undefined && !COMMENT.test(next) && !isProse(next);
      if (!nextIsCode && lastCmd && comments.length === 1 && !td) {
        push(
          { kind: 'basic', rule: 'code-comment', prompt: lastCmd.text, answer: bare },
          lastCmd.line,
          lastCmd.text,
        );
      }
      i++;
      continue;
    }
    // One command, with `\` continuation lines.
    let j = i;
    const parts: string[] = [raw.replace(/\s+$/, '')];
    while (/\\$/.test(lines[j]!.trimEnd()) && j + 1 < lines.length) {
      j++;
      parts.push(lines[j]!.replace(/\s+$/, ''));
    }
    let cmd = parts.join('\n').trim();
    const prompted =
      SHELL_PROMPT.exec(parts[0]!) ??
      ROOT_PROMPT.exec(parts[0]!) ??
      (rootPrompt ? BARE_ROOT_PROMPT.exec(parts[0]!) : null);
    let comment: string | null = null;
    if (parts.length === 1) {
      const split = splitTrailingComment(prompted ? prompted[1]! : raw);
      if (split) {
        cmd = split[0];
        comment = split[1];
      } else if (prompted) cmd = prompted[1]!.trim();
    } else if (prompted) cmd = cmd.replace(SHELL_PROMPT, '$1');
    const cmdLine = line;
    i = j + 1;
    // `$ cmd` followed by lines without a prompt: what the command prints.
    if (prompted) {
      const out: string[] = [];
      while (
        i < lines.length &&
        lines[i]!.trim() &&
        !SHELL_PROMPT.test(lines[i]!) &&
        !ROOT_PROMPT.test(lines[i]!) &&
        !COMMENT.test(lines[i]!)
      ) {
        out.push(lines[i]!.trimEnd());
        i++;
      }
      if (out.length > 0)
        push(
          { kind: 'basic', rule: 'shell-output', prompt: `$ ${cmd}`, answer: out.slice(0, 8).join('\n') },
          cmdLine,
          cmd,
        );
      // A printed config file annotated by hand: `ipMasq: 규칙을 추가할지`, `ipam: 구성 # 서브넷 범위`.
      out.forEach((o, k) => {
        const split = splitTrailingComment(o);
        const td = codeTermDefinition(split ? split[0] : o);
        const at = cmdLine + 1 + k;
        if (td)
          push({ kind: 'basic', rule: 'term-definition', prompt: td.term, answer: td.definition }, at, o);
        if (split && td)
          push({ kind: 'basic', rule: 'code-comment', prompt: split[0], answer: split[1] }, at, o);
      });
    }
    const assign = /^(?:export\s+|alias\s+|set\s+)?([A-Za-z_][\w-]*)=(['"]?)(.+)\2$/.exec(cmd);
    if (assign && !/\s/.test(assign[1]!) && parts.length === 1) {
      const name = /^(export|alias|set)\s/.exec(cmd)?.[1];
      push(
        {
          kind: 'basic',
          rule: 'code-assignment',
          prompt: name ? `${name} ${assign[1]}` : assign[1]!,
          answer: assign[3]!,
        },
        cmdLine,
        cmd,
      );
    }
    // `port: 80 # 서비스를 제공할 포트` in YAML the manifest reader could not read: the field is asked for the writer's
    // gloss, never for the example's value with the comment glued on.
    const field = parts.length === 1 && !prompted ? glossedField(raw) : null;
    if (field) {
      if (field.gloss)
        push(
          { kind: 'basic', rule: 'term-definition', prompt: field.key, answer: field.gloss },
          cmdLine,
          raw,
        );
      comments = [];
      continue;
    }
    const td = parts.length === 1 && !prompted ? codeTermDefinition(raw) : null;
    if (td) {
      push({ kind: 'basic', rule: 'term-definition', prompt: td.term, answer: td.definition }, cmdLine, raw);
      comments = [];
      continue;
    }
    for (const f of flagValues(cmd)) {
      push(
        {
          kind: 'cloze',
          rule: 'command-flag',
          prompt: `${cmd.slice(0, f.start)}[...]${cmd.slice(f.end)}`,
          answer: cmd.slice(f.start, f.end),
        },
        cmdLine,
        cmd,
      );
    }
    if (comment) {
      push({ kind: 'basic', rule: 'code-comment', prompt: comment, answer: cmd }, cmdLine, cmd);
      push({ kind: 'basic', rule: 'code-comment', prompt: cmd, answer: comment }, cmdLine, cmd);
      if (comment.split(/\s+/).length >= 4) prose(comment, cmdLine);
    }
    if (comments.length > 0) {
      const c = comments[comments.length - 1]!;
      // The commands under one comment, up to the next blank line or comment.
      const group = [cmd];
      while (
        i < lines.length &&
        lines[i]!.trim() &&
        !COMMENT.test(lines[i]!) &&
        !isProse(lines[i]!) &&
        group.length < 6
      ) {
        const more = lines[i]!.trim();
        const split = splitTrailingComment(more);
        group.push(split?.[0] ?? SHELL_PROMPT.exec(more)?.[1] ?? more);
        // A command of the group with its own `# comment` is asked on its own as well.
        if (split) {
          push(
            { kind: 'basic', rule: 'code-comment', prompt: split[1], answer: split[0] },
            firstLine + i,
            split[0],
          );
          push(
            { kind: 'basic', rule: 'code-comment', prompt: split[0], answer: split[1] },
            firstLine + i,
            split[0],
          );
        }
        i++;
      }
      const all = comments.map((x) => x.text).join('\n');
      const bare = all.replace(/^#\s?/gm, '');
      push({ kind: 'basic', rule: 'code-comment', prompt: c.text, answer: group.join('\n') }, c.line, all);
      push({ kind: 'basic', rule: 'code-comment', prompt: group.join('\n'), answer: bare }, c.line, all);
      comments = [];
    }
    lastCmd = { text: cmd, line: cmdLine };
  }
  return cards;
}

/** A YAML field line with a comment beside it: its key, and the comment when it glosses the field (else null). */
function glossedField(raw: string): { key: string; gloss: string | null } | null {
  const split = splitTrailingComment(raw);
  // Read as the manifest reader reads a line, so a broken manifest's field is the field a whole one's would be.
  const field = split ? yamlLine(split[0]) : null;
  if (!field?.key || !isFieldName(field.key)) return null;
  return { key: field.key, gloss: glossBeside(field.key, field.value, split![1], '') };
}

/** `1) NodePort : makes internal port accessible`, `ipMasq: 규칙을 추가할지` — a list written inside a block. */
function codeTermDefinition(raw: string): { term: string; definition: string } | null {
  const m = /^\s*(?:\d+[.)]\s*)?([A-Za-z][\w.-]*(?:\s[A-Za-z][\w.-]*){0,3})\s*:\s+(.+)$/.exec(raw);
  if (!m) return null;
  const def = m[2]!.trim();
  const numbered = /^\s*\d+[.)]/.test(raw);
  const spaced = /\s:\s/.test(raw);
  const wordy =
    /[\uAC00-\uD7A3]/.test(def) ||
    (def.split(/\s+/).length >= 3 && /^[a-z]/i.test(def) && !/[{}[\]=$|]/.test(def));
  if (!(wordy && (numbered || spaced || /[\uAC00-\uD7A3]/.test(def)))) return null;
  return { term: m[1]!, definition: def };
}
