import { findFacts } from './auto-cloze.ts';
import { type ClozeOptions, explicitCloze, explicitPair, type LineCard } from './explicit.ts';
import { unmask } from './inline.ts';
import { isSpaceCode } from './scan.ts';
import { splitSentences } from './sentence-cloze.ts';
import { termDefinition } from './term-definition.ts';

const MAX_CLOZES_PER_LINE = 4;

/**
 * The cards one line of prose makes, first rule that fires wins: explicit pair, explicit cloze,
 * term-definition, then auto-cloze of the facts in it. Input is masked text (code spans as placeholders).
 */
export function lineCards(masked: string, spans: string[], opts: ClozeOptions = {}): LineCard[] {
  const text = masked.trim();
  if (!text) return [];
  const pair = text.includes('::') ? explicitPair(text) : null;
  if (pair) return shown(pair, spans);
  const cloze =
    text.includes('==') || text.includes('{{') || opts.bold || opts.curly ? explicitCloze(text, opts) : null;
  if (cloze) return shown(cloze, spans);
  // Cheap tests first: most lines have no second sentence, no parenthesis, no option bar.
  const many = text.includes('. ') || text.includes('。') ? multiTermDefinitions(text) : null;
  if (many) {
    const out: LineCard[] = [];
    for (const d of many) out.push(card('term-definition', d.term, d.definition, spans));
    return out;
  }
  if (drawsAPath(text)) return [];
  const td = termDefinition(text, DASH);
  const paren = text.includes('(');
  if (td) {
    const forward = card('term-definition', td.term, td.definition, spans);
    const out: LineCard[] = [forward];
    const back = reverseDefinition(td.term, forward.prompt, forward.answer);
    if (back) out.push(back);
    if (td.definition.includes(' | ') || td.definition.includes('('))
      out.push(...optionList(td.definition, spans));
    return out;
  }
  if (!paren && !(text.includes('|') && text.includes(' | '))) return autoCloze(text, spans);
  const glossed = termWithGloss(text, spans);
  if (glossed) return [glossed];
  const options = [...optionList(text, spans), ...abbreviations(text, spans)];
  if (options.length > 0) return [...options, ...autoCloze(text, spans)];
  return autoCloze(text, spans);
}

const DASH = { dash: true };

/** One name with no space in it: `ClusterIP`, `rr`, `kube-proxy`, `net.ipv4.ip_forward`. */
const BARE_NAME = /^[A-Za-z][\w.-]*$/;
const isBareName = (text: string) => BARE_NAME.test(text.trim());

const PATH_ARROW = /\s*(?:->|→|⇒)\s*/;
/** Up to four words, once the asides in parentheses are set apart: a name or a short step. */
const isShortStep = (segment: string) => {
  const words = segment
    .replace(/\([^()]*\)/g, ' ')
    .trim()
    .split(/\s+/);
  return words.length <= 4 && words[0] !== '';
};

/**
 * `Client → Ingress Controller(…) → Service(ClusterIP) → Pod`, `apiserver -> kube-proxy`: arrows between names or
 * short steps draw a path, as a diagram would. No part of it defines another, and a blank in it asks which hop comes
 * next, so the line makes no card. An arrow to a value (etcd -> `2379`) or to words (`Egress -> outgoing traffic`)
 * still says what its left side is.
 */
export function drawsAPath(text: string): boolean {
  if (!PATH_ARROW.test(text)) return false;
  const steps = text.replace(/^[-*+]\s+/, '').split(PATH_ARROW);
  return steps.length === 2 ? steps.every(isBareName) : steps.every(isShortStep);
}

function card(rule: 'term-definition', prompt: string, answer: string, spans: string[]): LineCard {
  return { kind: 'basic', rule, prompt: unmask(prompt, spans).trim(), answer: unmask(answer, spans).trim() };
}

function shown(cards: LineCard[], spans: string[]): LineCard[] {
  for (const c of cards) {
    c.prompt = unmask(c.prompt, spans).trim();
    c.answer = unmask(c.answer, spans).trim();
  }
  return cards;
}

/** "`port` = service port. `targetPort` = container port.": one definition per sentence. */
function multiTermDefinitions(text: string): { term: string; definition: string }[] | null {
  const parts = splitSentences(text);
  if (parts.length < 2) return null;
  const defs = parts.map((p) => termDefinition(p.replace(/[.。]$/, ''), { dash: true }));
  return defs.every((d) => d !== null) ? (defs as { term: string; definition: string }[]) : null;
}

/**
 * "`Retain` (keep data) | `Delete` (remove PV)" and "ReadWriteMany (RWX)": a name with its gloss in
 * parentheses, alone or in a `|`-separated list of options, asked both ways.
 */
export function optionList(masked: string, spans: string[]): LineCard[] {
  const out: LineCard[] = [];
  const segments = masked.includes(' | ') ? masked.split(' | ') : [masked];
  for (const seg of segments) {
    const text = unmask(seg, spans)
      .replace(/^.*?:\s+(?=\S+\s*\()/, '')
      .replace(/`/g, '')
      .trim();
    const m = /^([A-Za-z][\w.-]*)\s*\(([^()]{1,40})\)$/.exec(text);
    if (!m) continue;
    const [, term, gloss] = m as unknown as [string, string, string];
    const acronym = /^[A-Z]{2,6}$/.test(gloss) && gloss[0] === term[0]!.toUpperCase();
    if (!acronym && segments.length < 2) continue;
    out.push({ kind: 'basic', rule: 'option-list', prompt: term, answer: gloss });
    if (acronym) out.push({ kind: 'basic', rule: 'option-list', prompt: gloss, answer: term });
  }
  return out;
}

/**
 * A definition whose term is a name a learner is asked for (a command in backticks, `ClusterIP`, `rr`) is asked
 * the other way too: the definition as the question, the name as the answer.
 */
const BARE_COMMAND =
  /^(?:kubectl|k|kubeadm|ip|ss|iptables|ipvsadm|crictl|nslookup|dig|curl|wget|helm|etcdctl|systemctl|journalctl|netstat|tcpdump|sysctl)\s+[-\w]/;

function reverseDefinition(term: string, t: string, d: string): LineCard | null {
  // A name (a command in backticks, `ClusterIP`, `rr`), or a term holding a fact ("30000-32767 포트 범위").
  const name =
    /^\uE000\d+\uE001(?:\s*\uE000\d+\uE001)*$/.test(term) ||
    BARE_NAME.test(t) ||
    /\d/.test(t) ||
    // A bare command line ("kubectl describe ep web -> see endpoints") is what an exam asks for.
    BARE_COMMAND.test(t);
  if (!name || d.length > 300 || d.length < 4 || d === t) return null;
  return { kind: 'basic', rule: 'definition-reverse', prompt: d, answer: t };
}

/**
 * "ClusterIP (*normally used, facilitates interpod communication*)", "`hostPort` (maps a container port to the
 * node)": a line that is nothing but a name and, in parentheses, what it is or does. The parentheses hold the
 * definition a `Term: definition` line would put after its colon. An acronym's words are `abbreviations`; a gloss
 * of a word or two ("NodePort (legacy)") is a remark, not a definition.
 */
function termWithGloss(masked: string, spans: string[]): LineCard | null {
  const m = /^([*_`]*[A-Za-z\uE000][\w.\-/\uE000\uE001]*[*_`]*)\s*\(([^()]+)\)\s*[:：]?$/.exec(masked);
  if (!m) return null;
  const term = unmask(m[1]!, spans).replace(/[*_]/g, '').trim();
  const gloss = unmask(m[2]!, spans)
    .replace(/^[*_]+|[*_]+$/g, '')
    .trim();
  if (gloss.split(/\s+/).length < 3 || /^[A-Z]{2,6}$/.test(term) || gloss.length > 200) return null;
  return { kind: 'basic', rule: 'term-definition', prompt: term, answer: gloss };
}

/** "CNI(Container Network Interface)", "ARP (Address Resolution Protocol)": an acronym and its words, both ways. */
export function abbreviations(masked: string, spans: string[]): LineCard[] {
  if (!masked.includes('(')) return [];
  const text = unmask(masked, spans);
  const out: LineCard[] = [];
  for (const m of text.matchAll(/\b([A-Z]{2,6})\s?\(([A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){1,5})\)/g)) {
    const [, abbr, words] = m as unknown as [string, string, string];
    const initials = words
      .split(/[\s-]+/)
      .map((w) => w[0]!.toUpperCase())
      .join('');
    if (initials !== abbr) continue;
    out.push({ kind: 'basic', rule: 'abbreviation', prompt: abbr, answer: words });
    out.push({ kind: 'basic', rule: 'abbreviation', prompt: words, answer: abbr });
  }
  return out;
}

/**
 * With `best`, only that many facts, the most specific first: a DNS name, a path or a command line before a bare
 * one-word code span (`web`, `shop`) that names the example's own objects. Kept in line order.
 */
export function autoCloze(masked: string, spans: string[], best?: number): LineCard[] {
  const found = findFacts(masked, spans);
  const limit = best ?? MAX_CLOZES_PER_LINE;
  const facts =
    found.length <= limit
      ? found
      : best === undefined
        ? found.slice(0, limit)
        : found
            .map((f, i) => ({ f, i, plain: /^[\w-]+$/.test(f.text) ? 1 : 0 }))
            .sort((a, b) => a.plain - b.plain || a.i - b.i)
            .slice(0, limit)
            .sort((a, b) => a.i - b.i)
            .map((x) => x.f);
  // A line that is nothing but the fact gives no question to answer.
  if (facts.length === 0 || (facts.length === 1 && !visibleLonger(masked, facts[0]!.end - facts[0]!.start))) {
    return [];
  }
  return facts.map((f) => ({
    kind: 'cloze' as const,
    rule: 'auto-cloze' as const,
    prompt: unmask(`${masked.slice(0, f.start)}[...]${masked.slice(f.end)}`, spans).trim(),
    answer: f.text,
  }));
}

/** Whether the text holds more than `limit` characters besides spaces, dashes, bullets, asterisks and colons. */
function visibleLonger(text: string, limit: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 45 && c !== 42 && c !== 0x2022 && c !== 58 && !isSpaceCode(c) && ++n > limit) return true;
  }
  return false;
}

export function hasFacts(masked: string, spans: string[]): boolean {
  return findFacts(masked, spans).length > 0;
}
