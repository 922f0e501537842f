/**
 * Facts in prose, lists, tables and commands: a line that names a subject of the facts base next to a value that
 * contradicts it. A value is judged only beside its own subject (the nearest one on the line) and never when it is
 * what another subject on the line owns, so a line about two components does not confuse them.
 */
import { type Compiled, type FactsBase, fitsRole, type PathFact } from './facts-base.ts';
import type { NoteCheck } from './types.ts';

type Hit = { start: number; end: number };
const hits = (re: RegExp, line: string): Hit[] =>
  [...line.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
const gap = (a: Hit, b: Hit) => (a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0);

/** A port as written: not part of an IP, a version, a path, a range or a longer number. */
const PORT = /(?<![\w./-])(\d{4,5})(?![\w./%]|\s*[-–~]\s*\d|:\d)/g;
/**
 * A range as written: `3000-32767`, `3000 ~ 32767`, `3000 to 32767`, "between `3000` and `32767`", "3000부터
 * 32767까지"; "and" only after "between", since "ports 80 and 443" are two ports.
 */
const RANGE =
  /(?<![\w./:-])(?:between\s+`?(\d{3,5})`?\s+and\s+`?(\d{3,5})`?|`?(\d{3,5})`?\s*(?:[-–~]|to|부터)\s*`?(\d{3,5})`?(?:\s*까지)?)(?![\w./:])/gi;
const PATH = /(?<![\w.~$}-])(\/(?:[\w.-]+\/?)+)/g;
const CIDR = /(?<![\w.])(\d{1,3}(?:\.\d{1,3})+)\/(\d{1,3})(?![\w.])/g;
const PORT_WORD = /port|포트|listen|리슨|^\s*\|/i;
const NEAR = 40;
/** How far from a port a word for its role (clients, peers) is read as that port's. */
const ROLE_NEAR = 16;
const RANGE_WORD = /range|범위/i;

/**
 * What a line is read with: the headings above it, the note's title and the few lines just above it. Functions,
 * so a line that needs none of them costs nothing.
 */
export type LineContext = { headings: () => string; title: string; above: () => string };

export function checkProseLine(base: FactsBase, raw: string, line: number, ctx: LineContext): NoteCheck[] {
  const out: NoteCheck[] = [];
  ports(base, raw, line, out);
  ranges(base, raw, line, ctx, out);
  fieldValues(base, raw, line, out);
  fieldEnums(base, raw, line, out);
  paths(base, raw, line, out);
  dns(base, raw, line, out);
  cidrs(base, raw, line, out);
  defaults(base, raw, line, ctx, out);
  removed(base, raw, line, ctx, out);
  apiVersions(base, raw, line, out);
  // A line that says the value is removed ("… was removed in 1.24") or wrong ("No, it is outside …") knows.
  return out.filter((c) => c.kind === 'manifest' || !base.awareOf[c.kind].test(raw));
}

function nearest<T>(facts: Compiled<T>[], line: string, at: Hit): { fact: Compiled<T>; d: number } | null {
  let best: { fact: Compiled<T>; d: number } | null = null;
  for (const fact of facts)
    for (const h of hits(fact.re, line)) {
      const d = gap(h, at);
      if (!best || d < best.d) best = { fact, d };
    }
  return best;
}

function ports(base: FactsBase, line: string, n: number, out: NoteCheck[]) {
  for (const m of line.matchAll(PORT)) {
    const port = Number(m[1]);
    if (port > 65535) continue;
    const at = { start: m.index, end: m.index + m[0].length };
    const near = nearest(base.portSubjects, line, at);
    if (!near || near.d > NEAR) continue;
    const f = near.fact;
    if (f.ports.includes(port) || f.also.includes(port)) {
      // The role said beside the port ("etcd clients -> 2380"), not one said of another port further along.
      const beside = line.slice(Math.max(0, at.start - ROLE_NEAR), at.end + ROLE_NEAR);
      if (!fitsRole(f, port, beside)) out.push(fact(f, n, m.index + 1, m[1]!, rolesOf(f)));
      continue;
    }
    const gone = f.removed?.find((r) => r.port === port);
    if (gone) {
      out.push({
        kind: 'outdated',
        id: f.id,
        line: n,
        column: m.index + 1,
        said: m[1]!,
        kubernetes: {
          en: `${f.ports.join(', ')} (${port}: ${gone.note.en} in ${gone.since})`,
          ko: `${f.ports.join(', ')} (${port}: ${gone.note.ko}, ${gone.since})`,
        },
        about: f.about,
        source: f.source,
      });
      continue;
    }
    // A port another component owns is probably that one's; a line without a word for ports may mean anything.
    if (base.anyPort.has(port) || (!PORT_WORD.test(line) && near.d > 6)) continue;
    out.push(fact(f, n, m.index + 1, m[1]!, f.ports.join(', ')));
  }
}

/**
 * What a range on a line is the range of: the nearest subject on the line; else, for a line that says "range", one a
 * few lines up ("Valid range: 3000 - 32767" under a `Nodeport:` label); else, for a line about a range or ports,
 * the heading ("All worker nodes map a port between 3000 and 32767" under `### NodePort`).
 */
function rangeSubject(base: FactsBase, line: string, at: Hit, ctx: LineContext) {
  const onLine = nearest(base.rangeSubjects, line, at);
  if (onLine) return onLine;
  const saysRange = RANGE_WORD.test(line);
  const above = saysRange ? nearest(base.rangeSubjects, ctx.above(), { start: 0, end: 0 }) : null;
  if (above) return above;
  return saysRange || PORT_WORD.test(line)
    ? nearest(base.rangeSubjects, ctx.headings(), { start: 0, end: 0 })
    : null;
}

function ranges(base: FactsBase, line: string, n: number, ctx: LineContext, out: NoteCheck[]) {
  for (const m of line.matchAll(RANGE)) {
    const [lo, hi] = [Number(m[1] ?? m[3]), Number(m[2] ?? m[4])];
    const at = { start: m.index, end: m.index + m[0].length };
    const near = rangeSubject(base, line, at, ctx);
    if (!near || (near.d > NEAR && hits(near.fact.re, line).length > 0)) continue;
    const [min, max] = near.fact.range;
    // A part of the range (ports set aside for one app) is a choice; a range reaching outside it is a mistake.
    // One bound right and the other not (`30000-32676`) is the range mistyped, not a part of it.
    const oneBound = (lo === min) !== (hi === max);
    if (lo >= min && hi <= max && lo <= hi && !oneBound) continue;
    out.push(fact(near.fact, n, m.index + 1, m[0], `${min}-${max}`));
  }
}

function fieldValues(base: FactsBase, line: string, n: number, out: NoteCheck[]) {
  for (const { fact: f, re } of base.fieldValueRes) {
    for (const m of line.matchAll(re)) {
      const v = Number(m[1]);
      if (v >= f.range[0] && v <= f.range[1]) continue;
      out.push(fact(f, n, m.index + 1, m[0], `${f.range[0]}-${f.range[1]}`));
    }
  }
}

/** Words of a comparison table or an outline ("SessionAffinity: Yes"), not values of the field. */
const NOT_A_VALUE = /^(?:yes|no|true|false|on|off|o|x|supported|지원)$/i;

function fieldEnums(base: FactsBase, line: string, n: number, out: NoteCheck[]) {
  for (const m of line.matchAll(base.fieldEnumRe)) {
    const f = base.fieldEnumByKey.get(m[1]!)!;
    const value = m[2]!;
    if (NOT_A_VALUE.test(value) || f.values.some((v) => v.toLowerCase() === value.toLowerCase())) continue;
    out.push(fact(f, n, m.index + 1, m[0], f.values.join(' | ')));
  }
}

const segments = (p: string) => p.split('/').filter(Boolean);
const under = (p: string, root: string) => p === root || p.startsWith(`${root}/`);

function paths(base: FactsBase, line: string, n: number, out: NoteCheck[]) {
  if (!line.includes('/')) return;
  const known = base.knownPaths.paths;
  for (const m of line.matchAll(PATH)) {
    const path = m[1]!.replace(/[/.,:;]+$/, '');
    if (segments(path).length < 2 || known.some((k) => under(path, k))) continue;
    const at = { start: m.index, end: m.index + m[0].length };
    const near = nearest(base.pathSubjects, line, at);
    // A folder the fact's path is in (`/etc/coredns` for `/etc/coredns/Corefile`) says less, not something wrong.
    if (near && near.d <= NEAR && related(path, near.fact) && !under(near.fact.path, path)) {
      out.push(fact(near.fact, n, m.index + 1, path, near.fact.path));
      continue;
    }
    // A well-known path written slightly wrong (`/etc/resov.conf`, `/opt/cin/bin`).
    const miss = known.find((k) => k.length >= 9 && nearMiss(path, k));
    if (miss) out.push(fact(base.knownPaths, n, m.index + 1, path, miss));
  }
}

/** A path meant as the fact's: it shares a directory name with it (a custom `/home/me/pods` is a choice, not a slip). */
const related = (path: string, f: PathFact) => segments(path).some((s) => segments(f.path).includes(s));

function nearMiss(path: string, known: string): boolean {
  const k = segments(known).length;
  const head = `/${segments(path).slice(0, k).join('/')}`;
  const d = distance(head, known);
  return d > 0 && d <= 2;
}

/** Levenshtein distance with adjacent transpositions (`cin` for `cni` is one slip). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...new Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/** `…-svc-cluster.local`, `….svc.cluster-local`: the parts of a DNS name are separated by dots. */
const DNS_NAME = /[^\s`*'"()]*?(svc|pod)([-_ .])cluster([-_ .])local/gi;
const DOTTED_POD = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}\.[\w-]+\.pod\.cluster\.local/gi;

function dns(base: FactsBase, line: string, n: number, out: NoteCheck[]) {
  if (!/local/i.test(line)) return;
  for (const m of line.matchAll(DNS_NAME)) {
    const before = line[m.index + m[0].length - `${m[1]}${m[2]}cluster${m[3]}local`.length - 1];
    // A right name, on its own or after a dot; markup around it (`**svc.cluster.local**`, quotes) is no part of it.
    if (m[2] === '.' && m[3] === '.' && (before === undefined || /[\s.`*_'"([]/.test(before))) continue;
    if (m[2] === ' ' || m[3] === ' ') continue;
    const f = base.dns.find((d) => d.form === m[1]!.toLowerCase())!;
    out.push(fact(f, n, m.index + 1, m[0], f.kubernetes));
  }
  for (const m of line.matchAll(DOTTED_POD)) {
    const f = base.dns.find((d) => d.form === 'pod')!;
    out.push(fact(f, n, m.index + 1, m[0], f.kubernetes));
  }
  // `….svc.cluser.local`: the cluster domain misspelt (a domain of one's own, `svc.k8s.internal`, is far from it).
  for (const m of line.matchAll(DNS_DOMAIN)) {
    const d = distance(m[2]!.toLowerCase(), 'cluster.local');
    if (d === 0 || d > 2) continue;
    const f = base.dns.find((x) => x.form === m[1]!.toLowerCase())!;
    out.push(fact(f, n, m.index + 1, m[0], f.kubernetes));
  }
}

const DNS_DOMAIN = /[\w{}<>.-]*\.(svc|pod)\.([a-z][a-z.-]*[a-z])(?![\w.-])/gi;
/** The word naming a default; not "by default" / "기본적으로", which say how something behaves. */
const DEFAULT_WORD = /(?<!by )default|기본(?!적)/gi;

/** "ipvs (default)" about kube-proxy: a default named next to the word, where Kubernetes has another. */
function defaults(base: FactsBase, line: string, n: number, ctx: LineContext, out: NoteCheck[]) {
  const words = [...line.matchAll(DEFAULT_WORD)];
  if (words.length === 0 || /windows/i.test(line)) return;
  for (const f of base.defaultFacts) {
    if (!f.contextRe.test(line) || (!f.re.test(line) && !f.re.test(ctx.headings()))) continue;
    for (const w of words) {
      const at = { start: w.index, end: w.index + w[0].length };
      const close = (re: RegExp) => hits(re, line).find((h) => gap(h, at) <= 8);
      const other = close(f.othersRe);
      if (!other || close(f.valueRe)) continue;
      out.push({
        kind: 'fact',
        id: f.id,
        line: n,
        column: other.start + 1,
        said: line.slice(Math.min(other.start, at.start), Math.max(other.end, at.end)),
        kubernetes: f.kubernetes,
        about: f.about,
        source: f.source,
      });
      break;
    }
  }
}

function cidrs(base: FactsBase, line: string, n: number, out: NoteCheck[]) {
  for (const m of line.matchAll(CIDR)) {
    const octets = m[1]!.split('.').map(Number);
    const prefix = Number(m[2]);
    const malformed = octets.length > 4 || octets.some((o) => o > 255) || prefix > 32;
    if (malformed && octets.length >= 4) {
      out.push({
        kind: 'fact',
        id: 'cidr.syntax',
        line: n,
        column: m.index + 1,
        said: m[0],
        kubernetes: {
          en: 'an IPv4 CIDR is four numbers 0–255 and a prefix up to /32 (e.g. 10.96.0.0/12)',
          ko: 'IPv4 CIDR은 0–255 숫자 네 개와 /32 이하의 접두사 (예: 10.96.0.0/12)',
        },
        about: { en: 'IPv4 CIDR', ko: 'IPv4 CIDR' },
        source: 'https://www.rfc-editor.org/rfc/rfc4632',
      });
      continue;
    }
    if (malformed || octets.length !== 4 || !/default|기본/i.test(line)) continue;
    const at = { start: m.index, end: m.index + m[0].length };
    const near = nearest(base.cidrSubjects, line, at);
    if (near && near.d <= NEAR && m[0] !== near.fact.cidr)
      out.push(fact(near.fact, n, m.index + 1, m[0], near.fact.cidr));
  }
}

function removed(base: FactsBase, line: string, n: number, ctx: LineContext, out: NoteCheck[]) {
  if (!base.removedAny.test(line)) return;
  for (const f of base.removedPatterns) {
    const m = [...line.matchAll(f.re)][0];
    if (!m || (f.shapeRe && !f.shapeRe.test(line))) continue;
    if (
      f.contextRe &&
      !f.contextRe.test(line) &&
      !f.contextRe.test(ctx.headings()) &&
      !f.contextRe.test(ctx.title)
    )
      continue;
    out.push({
      kind: 'outdated',
      id: f.id,
      line: n,
      column: m.index + 1,
      said: m[0].trim(),
      kubernetes: f.kubernetes,
      about: f.about,
      source: f.source,
    });
  }
}

const API_VERSION = /(?<![\w./-])((?:[a-z0-9-]+\.)*[a-z0-9-]+\/v\d+(?:(?:alpha|beta)\d+)?)(?![\w./-])/g;

function apiVersions(base: FactsBase, line: string, n: number, out: NoteCheck[]) {
  // A manifest's own `apiVersion:` line is the validator's to judge, with the kind its document names.
  if (/^\s*-?\s*apiVersion\s*:/.test(line)) return;
  const a = base.apiVersions;
  const versions = [...line.matchAll(API_VERSION)];
  if (versions.length === 0) return;
  const kinds = [...line.matchAll(base.kindRe)].map((m) => m[1]!);
  if (kinds.length === 0) return;
  for (const m of versions) {
    const v = m[1]!;
    const gone = a.removed.find((r) => r.apiVersion === v && kinds.includes(r.kind));
    if (gone) {
      const now = a.served[gone.kind]?.[0] ?? '';
      out.push({
        kind: 'outdated',
        id: a.id,
        line: n,
        column: m.index + 1,
        said: `${gone.kind} ${v}`,
        kubernetes: {
          en: `${gone.kind} is served as ${now}; ${v} was removed in ${gone.since}`,
          ko: `${gone.kind}는 ${now}로 제공됨. ${v}는 ${gone.since}에서 제거됨`,
        },
        about: a.about,
        source: 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
      });
    }
  }
}

/** What Kubernetes says of a component's ports by role: "2379 (clients), 2380 (peers)", in both languages. */
function rolesOf(f: FactsBase['portSubjects'][number]): NoteCheck['kubernetes'] {
  const say = (lang: 'en' | 'ko') => (f.roles ?? []).map((r) => `${r.port} (${r.name[lang]})`).join(', ');
  return { en: say('en'), ko: say('ko') };
}

function fact(
  f: { id: string; about: NoteCheck['about']; source: string },
  line: number,
  column: number,
  said: string,
  /** What Kubernetes says: one text for both languages (a number, a path), or each language's own. */
  kubernetes: string | NoteCheck['kubernetes'],
): NoteCheck {
  return {
    kind: 'fact',
    id: f.id,
    line,
    column,
    said: said.trim(),
    kubernetes: typeof kubernetes === 'string' ? { en: kubernetes, ko: kubernetes } : kubernetes,
    about: f.about,
    source: f.source,
  };
}
