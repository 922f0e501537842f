import { documents, isManifestText, manifestIdentity } from './manifest-blocks.ts';
import { blockEnd, yamlLine } from './manifest-fields.ts';
import { fenceMask } from './note-text.ts';

/**
 * Exercise notes ("## Tasks" … "## Solution", or a `<details><summary>Solution</summary>`): each task step is
 * asked with the part of the solution that does it — the command line, or the lines of the manifest — found by
 * the names, numbers and words the step and the solution share. A step nothing matches well gives no card.
 */
export type TaskCard = { line: number; prompt: string; answer: string; sibling: string };

const SOLUTION =
  /^(?:solutions?|answers?|suggested solution|possible solution|model answer|풀이|정답|해답|답안|모범\s*답안|해설|답)(?![A-Za-z])/i;
// A heading, bold line or <summary> that opens with a solution word (the starts of SOLUTION's words); most notes
// have none and skip the rule.
const SOLUTION_WORD = '(?:solution|answer|suggested|possible|model answer|풀이|정답|해답|답안|모범|해설|답)';
const SOLUTION_LINE = new RegExp(
  `^(?:#{1,6}[ \\t]+|\\*\\*)[ \\t]*(?:\\d+[.)][ \\t]*)?${SOLUTION_WORD}`,
  'im',
);
const SOLUTION_SUMMARY = new RegExp(`<summary[^>]*>\\s*${SOLUTION_WORD}`, 'i');
// Most notes hold none of the words at all; that scan is cheaper than trying the anchored pattern on every line.
const SOLUTION_ANYWHERE = new RegExp(SOLUTION_WORD, 'i');
/** Cheap test on the whole note before any line is read: the rule runs only where this holds. */
export const mayHaveSolution = (text: string): boolean =>
  SOLUTION_ANYWHERE.test(text) &&
  (SOLUTION_LINE.test(text) || (text.includes('<summary') && SOLUTION_SUMMARY.test(text)));
const TASK_HEADING =
  /^(?:tasks?|questions?|problems?|exercises?|steps?|requirements?|objectives?|todo|문제|과제|실습|요구\s*사항|작업|조건|할\s*일)(?![A-Za-z])/i;
const STOP = new Set(
  'the a an to of in on at for and or with is are be it its that this as by from into using use create make named called existing sure then should must which when all your you there exists depends'.split(
    ' ',
  ),
);
// Short names in commands for the words a step uses.
const ALIAS: Record<string, string> = {
  ns: 'namespace',
  svc: 'service',
  deploy: 'deployment',
  po: 'pod',
  cm: 'configmap',
  sa: 'serviceaccount',
  ing: 'ingress',
  netpol: 'networkpolicy',
  ep: 'endpoints',
  no: 'node',
  verify: 'check',
  confirm: 'check',
  ensure: 'check',
  show: 'get',
  list: 'get',
};
// The Korean words of a step that name what the solution spells in English.
const KOREAN: [RegExp, string][] = [
  [/네임스페이스/, 'namespace'],
  [/서비스/, 'service'],
  [/디플로이먼트/, 'deployment'],
  [/파드/, 'pod'],
  [/노드\s?포트/, 'nodeport'],
  [/포트/, 'port'],
  [/레플리카/, 'replicas'],
  [/이미지/, 'image'],
  [/경로/, 'path'],
  [/호스트/, 'host'],
  [/확인/, 'check'],
  [/노출/, 'expose'],
  [/레이블|라벨/, 'labels'],
  [/셀렉터/, 'selector'],
  [/인그레스/, 'ingress'],
  [/게이트웨이/, 'gateway'],
  [/라우트/, 'route'],
  [/프로토콜/, 'protocol'],
  [/리스너/, 'listeners'],
  [/백엔드/, 'backend'],
  [/정책/, 'policy'],
  [/규칙/, 'rules'],
  [/가중치/, 'weight'],
  [/삭제/, 'delete'],
  [/엔드포인트/, 'endpoints'],
];
const MAX_FRAGMENT_LINES = 12;
const MIN_SCORE = 3;

type Terms = { strong: Set<string>; words: Set<string> };
type Fragment = { text: string; lines: number; terms: Terms; doc: Doc | null };
type Doc = { kind: string; name: string };
type Task = { line: number; text: string; parent: string | null };

export function taskSolutionCards(lines: string[], lang: 'ko' | 'en'): TaskCard[] {
  const code = fenceMask(lines);
  const regions = solutionRegions(lines, code);
  const out: TaskCard[] = [];
  let from = 0;
  for (const r of regions) {
    const tasks = taskItems(lines, code, from, r.start);
    from = r.end;
    if (tasks.length === 0) continue;
    const fragments = solutionFragments(lines, r.start, r.end);
    if (fragments.length === 0) continue;
    for (const t of tasks) {
      const best = bestFragment(t, fragments);
      if (!best) continue;
      const where = best.doc
        ? lang === 'ko'
          ? `(kind: ${best.doc.kind} 의 필드)`
          : `(kind: ${best.doc.kind})`
        : '';
      const ask = t.parent ? `${t.parent}\n› ${t.text}` : t.text;
      out.push({
        line: t.line + 1,
        prompt: where ? `${ask}\n${where}` : ask,
        answer: best.text,
        sibling: `${t.parent ?? ''}\n${t.text}`,
      });
    }
  }
  return out;
}

function headingText(line: string): { level: number; text: string } | null {
  const h = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
  if (h) return { level: h[1]!.length, text: plain(h[2]!) };
  const bold = /^\*\*([^*]{1,60})\*\*[:：]?\s*$/.exec(line.trim());
  return bold ? { level: 7, text: plain(bold[1]!) } : null;
}

const plain = (s: string) =>
  s
    .replace(/[*_`]/g, '')
    .replace(/^\d+[.)]\s*/, '')
    .trim();

/** Where solutions are written: under a "Solution" heading, or inside a details block titled so. */
function solutionRegions(lines: string[], code: boolean[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (code[i]) continue;
    const l = lines[i]!;
    const summary = /<summary[^>]*>(.*?)<\/summary>/i.exec(l);
    if (summary && SOLUTION.test(plain(summary[1]!.replace(/<[^>]+>/g, '')))) {
      let end = i + 1;
      while (end < lines.length && (code[end] || !/<\/details>/i.test(lines[end]!))) end++;
      out.push({ start: i, end });
      i = end;
      continue;
    }
    const h = headingText(l);
    if (!h || !SOLUTION.test(h.text)) continue;
    let end = i + 1;
    for (; end < lines.length; end++) {
      if (code[end]) continue;
      const next = headingText(lines[end]!);
      if (next && next.level <= h.level && /^#/.test(lines[end]!)) break;
    }
    out.push({ start: i, end });
    i = end - 1;
  }
  return out;
}

/** Numbered steps (with the bullets under them) and the bullets of a task section, before a solution. */
function taskItems(lines: string[], code: boolean[], from: number, to: number): Task[] {
  const out: Task[] = [];
  let inTasks = false;
  let parent: { indent: number; text: string } | null = null;
  let last: (Task & { indent: number; ordered: boolean }) | null = null;
  for (let i = from; i < to; i++) {
    if (code[i]) continue;
    const l = lines[i]!;
    const h = headingText(l);
    if (h && /^#/.test(l)) {
      inTasks = TASK_HEADING.test(h.text);
      parent = null;
      last = null;
      continue;
    }
    const m = /^(\s*)(?:>\s*)?(\d{1,3}[.)]|[-*+])\s+(\S.*)$/.exec(l);
    if (!m) continue;
    const indent = m[1]!.length;
    const ordered = /\d/.test(m[2]!);
    const text = m[3]!.trim();
    if (parent && indent <= parent.indent) parent = null;
    if (last && indent > last.indent) {
      // The item above has steps of its own: it frames them instead of being asked itself.
      parent = { indent: last.indent, text: last.text.replace(/[:：]\s*$/, '') };
      const k = out.indexOf(last);
      if (k >= 0) out.splice(k, 1);
    }
    const item: Task & { indent: number; ordered: boolean } = {
      line: i,
      text,
      parent: parent?.text ?? null,
      indent,
      ordered,
    };
    last = item;
    if (ordered || inTasks || parent) out.push(item);
  }
  return out;
}

function termsOf(text: string): Terms {
  const strong = new Set<string>();
  const words = new Set<string>();
  for (const m of text.matchAll(/`([^`]+)`/g)) {
    const span = m[1]!.trim().toLowerCase();
    strong.add(span);
    // `app=api` is written `app: api` in a manifest.
    for (const part of span.split('=')) if (part && part !== span) strong.add(part);
  }
  for (const m of text.matchAll(/(?<![\w.-])(\d+(?:\.\d+)*)(?![\w.-])/g)) strong.add(m[1]!);
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*/g)) {
    const w = m[0];
    if (/[-.]/.test(w) && /\d|-/.test(w)) strong.add(w.toLowerCase());
    for (const part of w.split(/[-.]|(?<=[a-z0-9])(?=[A-Z])/)) {
      const p = part.toLowerCase();
      if (p.length >= 2 && !STOP.has(p)) words.add(ALIAS[p] ?? p);
    }
    if (w.length >= 3 && !STOP.has(w.toLowerCase())) words.add(ALIAS[w.toLowerCase()] ?? w.toLowerCase());
  }
  if (/[\uAC00-\uD7A3]/.test(text)) for (const [re, w] of KOREAN) if (re.test(text)) words.add(w);
  return { strong, words };
}

function fragmentTerms(text: string): Terms {
  const t = termsOf(text);
  // Every scalar of a command or a manifest line is a value the step may name: `web-svc`, `80`, `/`.
  for (const m of text.matchAll(/(?:^|[\s=:,[])([^\s=:,[\]"'#]+)/g)) t.strong.add(m[1]!.toLowerCase());
  return t;
}

// "listen" finds "listeners", "route" finds "routes": a shared stem of four letters or more.
const sameWord = (a: string, b: string) =>
  a === b || (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a)));

function score(task: Terms, frag: Terms): number {
  let s = 0;
  let strong = 0;
  for (const x of task.strong)
    if (frag.strong.has(x)) {
      s += 2;
      strong++;
    }
  let words = 0;
  for (const w of task.words) {
    if (task.strong.has(w)) continue;
    for (const f of frag.words)
      if (sameWord(w, f)) {
        words++;
        break;
      }
  }
  s += words;
  return strong > 0 || words >= 3 ? s : 0;
}

function bestFragment(task: Task, fragments: Fragment[]): Fragment | null {
  // A step that hands over its own command (`curl …`, `kubectl …`) asks nothing the solution adds.
  if (/`(?:kubectl|k|curl|wget|nslookup|dig|helm|ip|ss|iptables)\s[^`]*`/.test(task.text)) return null;
  const terms = termsOf(task.text);
  // "Create an HTTPRoute named `web-route` …", or a step under "Create a Gateway named `web-gateway`", is
  // answered in that manifest.
  const scope =
    namedDoc(task.text, fragments, true) ?? (task.parent ? namedDoc(task.parent, fragments) : null);
  let best: Fragment | null = null;
  let bestScore = 0;
  for (const f of fragments) {
    if (scope && f.doc !== scope) continue;
    const s = score(terms, f.terms);
    if (s > bestScore || (s === bestScore && best && f.lines < best.lines)) {
      best = f;
      bestScore = s;
    }
  }
  if (!best || bestScore < MIN_SCORE) return null;
  // A step that already spells its answer out asks nothing.
  const shown = task.text.toLowerCase().replace(/`/g, '');
  if (shown.includes(best.text.toLowerCase().trim())) return null;
  return best;
}

function namedDoc(text: string, fragments: Fragment[], both = false): Doc | null {
  const docs = new Set<Doc>();
  for (const f of fragments) if (f.doc) docs.add(f.doc);
  let found: Doc | null = null;
  for (const d of docs) {
    const named = d.name !== '' && new RegExp(`(?<![\\w-])${escapeRegExp(d.name)}(?![\\w-])`).test(text);
    const kind = new RegExp(`\\b${d.kind}\\b`).test(text);
    // The kind and the name together settle it; for a parent step the name, or the kind alone, will do.
    if (named && kind) return d;
    if (both) continue;
    if (named) return d;
    if (kind) found ??= d;
  }
  return found;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Command lines (with the comment above them) and manifest subtrees of the fenced blocks in a solution. */
function solutionFragments(lines: string[], start: number, end: number): Fragment[] {
  const out: Fragment[] = [];
  for (let i = start; i < end; i++) {
    const open = /^\s*(`{3,}|~{3,})\s*([\w+-]*)/.exec(lines[i]!);
    if (!open) continue;
    let close = i + 1;
    while (close < end && !lines[close]!.trim().startsWith(open[1]!)) close++;
    const body = lines.slice(i + 1, close);
    if (isManifestText(body.join('\n'))) out.push(...manifestFragments(body));
    else out.push(...commandFragments(body));
    i = close;
  }
  return out;
}

function commandFragments(body: string[]): Fragment[] {
  const out: Fragment[] = [];
  let comment = '';
  // A command continued over lines ending in `\` is one command.
  const joined: string[] = [];
  for (const raw of body) {
    const prev = joined[joined.length - 1];
    if (prev?.endsWith('\\')) joined[joined.length - 1] = `${prev.slice(0, -1).trimEnd()} ${raw.trim()}`;
    else joined.push(raw);
  }
  for (const raw of joined) {
    const l = raw.trim();
    if (!l) {
      comment = '';
      continue;
    }
    if (l.startsWith('#')) {
      comment = l.replace(/^#+\s*/, '');
      continue;
    }
    const cmd = l.replace(/^\$\s+/, '');
    const terms = fragmentTerms(`${cmd} ${comment}`);
    out.push({ text: cmd, lines: 1, terms, doc: null });
  }
  return out;
}

/** Each `key:` of each document with the lines under it, up to a dozen lines. */
function manifestFragments(body: string[]): Fragment[] {
  const out: Fragment[] = [];
  for (const text of documents(body.join('\n'))) {
    const { kind, name } = manifestIdentity(text);
    if (!kind) continue;
    const doc: Doc = { kind, name: name ?? '' };
    const lines = text.split('\n').map(yamlLine);
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (!l.key) continue;
      // The object's name and namespace are the step's own words, not a part of the solution to recall.
      if (l.key === 'metadata' && l.indent === 0) {
        i = blockEnd(lines, i) - 1;
        continue;
      }
      if (l.key === 'apiVersion' || l.key === 'kind' || l.indent === 0) continue;
      const j = blockEnd(lines, i);
      if (j - i > MAX_FRAGMENT_LINES) continue;
      const own = lines.slice(i, j).map((x) => x.text);
      own[0] = own[0]!.replace(/^(\s*)- /, '$1  ');
      const cut = Math.min(...own.filter((x) => x.trim()).map((x) => /^\s*/.exec(x)![0].length));
      const frag = own
        .map((x) => x.slice(cut).replace(/\s+$/, ''))
        .join('\n')
        .trim();
      out.push({ text: frag, lines: j - i, terms: fragmentTerms(frag), doc });
    }
  }
  return out;
}
