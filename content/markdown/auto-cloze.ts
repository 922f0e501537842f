import { codeSpanText } from './inline.ts';
import { matchesOf } from './scan.ts';

/** The kinds of fact worth hiding in free-form notes; also used to classify short answers for quizzes. */
export type FactKind = 'command' | 'version' | 'dns' | 'cidr' | 'ip' | 'path' | 'port-range' | 'number';

type Finder = { kind: FactKind; re: RegExp };

const COMMANDS =
  'kubectl|kubeadm|kubelet|ip|ss|netstat|arp|route|iptables|ipvsadm|nft|crictl|ctr|nerdctl|docker|nslookup|dig|host|curl|wget|ping|traceroute|tcpdump|systemctl|journalctl|etcdctl|helm|kustomize|brctl|bridge|sysctl|cat|ps|nc';
const STOP = new Set(
  'to for and or with the a an in on of at is are be by as from into that which this it shows show lists displays prints gives returns then when'.split(
    ' ',
  ),
);

// Order matters: earlier finders win where matches overlap (a CIDR is not also an IP and two numbers).
// A DNS name ends in one of these; the full finder (lookbehind, runs of name characters) is tried only then.
const DNS_TAIL = /\.(?:cluster\.local|svc|local|com|io|org|net|dev|internal)(?![\w.-])/;
const FINDERS: Finder[] = [
  { kind: 'version', re: /(?<![\w.])v\d+(?:\.\d+)+(?![\w.])/g },
  {
    kind: 'dns',
    re: /(?<![\w.<>-])[A-Za-z0-9<>_-]+(?:\.[A-Za-z0-9<>_-]+)*\.(?:cluster\.local|svc|local|com|io|org|net|dev|internal)(?![\w.-])/g,
  },
  { kind: 'cidr', re: /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}(?![\w.])/g },
  { kind: 'ip', re: /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])/g },
  { kind: 'path', re: /(?<![\w.:/-])\/(?:[\w.-]+\/?)+/g },
  { kind: 'port-range', re: /(?<![\w.-])\d{2,5}\s*[-~–]\s*\d{2,5}(?![\w.])/g },
  // "20%" is one fact: the sign belongs to the number a learner recalls.
  { kind: 'number', re: /(?<![\w.\-/:])\d+(?:\.\d+)?(?:%(?![\w%])|(?![\d.]*[A-Za-z_/-]))/g },
];

/** What a line must hold for a finder to have a chance of matching in it: cheap tests before the regex. */
function mayMatch(kind: FactKind, s: string, digit: boolean, dot: boolean, slash: boolean): boolean {
  switch (kind) {
    case 'version':
      return digit && s.includes('v');
    case 'dns':
      return dot && DNS_TAIL.test(s);
    case 'cidr':
      return digit && slash;
    case 'ip':
      return digit && dot;
    case 'path':
      return slash;
    case 'port-range':
      return digit && (s.includes('-') || s.includes('~') || s.includes('–'));
    default:
      return digit;
  }
}

const TOKEN_CHAR = /[A-Za-z0-9._/-]/;
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

const byStart = (a: Fact, b: Fact) => a.start - b.start;

export type Fact = { kind: FactKind; start: number; end: number; text: string };

/** Subcommands that make a plain word a command; anything else needs a flag, a path or a resource/type. */
const SUBCOMMANDS: Record<string, RegExp> = {
  kubectl: /^[a-z][\w-]*$/,
  kubeadm: /^(init|join|reset|upgrade|token|certs|config|version)$/,
  etcdctl: /^[a-z][\w-]*$/,
  crictl: /^[a-z][\w-]*$/,
  ip: /^(link|addr|address|a|route|r|netns|neigh|rule|-[\w-]+)$/,
  systemctl: /^(status|restart|start|stop|enable|disable|daemon-reload|cat)$/,
  kustomize: /^(build|edit|create)$/,
  helm: /^(install|upgrade|list|repo|template|uninstall)$/,
  docker: /^(run|ps|network|exec|inspect|images|pull)$/,
};

function plausibleFirstArg(cmd: string, arg: string): boolean {
  if (/^-/.test(arg) || /[./=:<>@]/.test(arg)) return true;
  return SUBCOMMANDS[cmd]?.test(arg) ?? false;
}

const COMMAND_RE = new RegExp(`(?<![\\w./-])(${COMMANDS})\\s+`, 'g');
const NO_FACTS: Fact[] = [];

function bareCommands(text: string): Fact[] {
  // Every command name is lower-case ASCII.
  if (!/[a-z]/.test(text)) return NO_FACTS;
  const out: Fact[] = [];
  for (const m of matchesOf(COMMAND_RE, text)) {
    const start = m.index;
    let end = start + m[1]!.length;
    let pos = start + m[0].length;
    let args = 0;
    // Words like "host", "iptables" or "bridge" are commands only when what follows reads as arguments.
    const firstArg = /^\S+/.exec(text.slice(pos))?.[0] ?? '';
    if (!plausibleFirstArg(m[1]!, firstArg)) continue;
    for (const tok of text.slice(pos).split(/(\s+)/)) {
      if (/^\s+$/.test(tok)) {
        pos += tok.length;
        continue;
      }
      if (
        !tok ||
        args >= 6 ||
        STOP.has(tok.toLowerCase()) ||
        !/^[-\w./=:<>*@]+$/.test(tok) ||
        /[,.;:]$/.test(tok)
      ) {
        break;
      }
      pos += tok.length;
      end = pos;
      args++;
    }
    if (args > 0) out.push({ kind: 'command', start, end, text: text.slice(start, end) });
  }
  return out;
}

/**
 * Finds hideable facts in a masked line. Code spans (placeholders) count as commands or values as a whole.
 * Returns non-overlapping facts in line order.
 */
export function findFacts(masked: string, spans: string[]): Fact[] {
  const found: Fact[] = [];
  // Placeholders (code spans, link targets, URLs) are facts only as a whole; never a number inside them.
  const held: number[] = [];
  if (masked.includes('\uE000')) {
    for (const m of matchesOf(PLACEHOLDER, masked)) {
      held.push(m.index, m.index + m[0].length);
      // A code span glued to a word (web-service`.apps`) is part of that token, not a fact of its own.
      const end = m.index + m[0].length;
      // A full stop or colon that ends the sentence is punctuation, not glue (`…resolves as \`web.shop.svc\`.`).
      const after = masked[end] ?? ' ';
      const closes =
        (after === '.' || after === ':' || after === ',') && !TOKEN_CHAR.test(masked[end + 1] ?? ' ');
      if (TOKEN_CHAR.test(masked[m.index - 1] ?? ' ') || (TOKEN_CHAR.test(after) && !closes)) continue;
      const code = codeSpanText(spans[Number(m[1])] ?? '');
      if (code && code.length <= 80)
        found.push({ kind: 'command', start: m.index, end: m.index + m[0].length, text: code });
    }
  }
  for (const c of bareCommands(masked)) found.push(c);
  // Every finder but the command one needs a digit, a dot or a slash; most prose lines have none.
  const digit = /\d/.test(masked);
  const dot = masked.includes('.');
  const slash = masked.includes('/');
  for (const f of FINDERS) {
    if (!mayMatch(f.kind, masked, digit, dot, slash)) continue;
    // No finder matches the empty string, so a plain exec loop visits what matchAll would.
    const re = f.re;
    re.lastIndex = 0;
    for (let m = re.exec(masked); m !== null; m = re.exec(masked))
      found.push({ kind: f.kind, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  // A fact before a Markdown link on the same line would leave `[...]` dangling in front of `[text](url)`.
  const linkAt = held.length > 0 && masked.includes('[') ? masked.search(/\[[^\]]*\uE000\d+\uE001/) : -1;
  const taken: Fact[] = [];
  next: for (const fact of found) {
    if (linkAt >= 0 && fact.end <= linkAt && !masked.slice(fact.end, linkAt).includes(']')) continue;
    for (let k = 0; k < held.length; k += 2) {
      const s = held[k]!;
      const e = held[k + 1]!;
      if (fact.start < e && s < fact.end && !(fact.start === s && fact.end === e)) continue next;
    }
    for (const t of taken) if (fact.start < t.end && t.start < fact.end) continue next;
    taken.push(fact);
  }
  return taken.length > 1 ? taken.sort(byStart) : taken;
}

/** Classifies a whole short answer, for typed and multiple-choice quizzes. */
export function classifyAnswer(answer: string): FactKind | 'term' | null {
  const a = answer.trim().replace(/^`|`$/g, '');
  if (!a || a.length > 80 || a.includes('\n')) return null;
  for (const f of FINDERS) {
    f.re.lastIndex = 0;
    const m = new RegExp(`^(?:${f.re.source})$`).exec(a);
    if (m) return f.kind;
  }
  if (bareCommands(a).some((c) => c.start === 0 && c.end === a.length)) return 'command';
  if (a.split(/\s+/).length <= 3) return 'term';
  return null;
}
