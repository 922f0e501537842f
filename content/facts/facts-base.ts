/**
 * The facts base: one versioned data file (kubernetes-facts.json) read once, its patterns compiled once. The
 * file is data so that a fact is corrected by editing data, with its source beside it, never by editing a rule.
 */
import { readFileSync } from 'node:fs';

export type Text = { en: string; ko: string };
type Sourced = { id: string; about: Text; source: string };

export type PortFact = Sourced & {
  subject: string;
  ports: number[];
  also: number[];
  removed?: { port: number; since: string; note: Text }[];
  /** Ports of one component that serve different ends (etcd: 2379 for clients, 2380 for peers), by the word for it. */
  roles?: { port: number; role: string; name: Text }[];
};
export type RangeFact = Sourced & { subject: string; range: [number, number] };
export type FieldValueFact = Sourced & { key: string; range: [number, number] };
/** A field whose value is one of a few words (`sessionAffinity: None | ClientIP`). */
export type FieldEnumFact = Sourced & { key: string; values: string[] };
export type PathFact = Sourced & { subject: string; path: string };
export type DnsFact = Sourced & { form: 'svc' | 'pod'; kubernetes: string };
export type CidrFact = Sourced & { subject: string; cidr: string };
/**
 * A default among alternatives: a line calling one of `others` the default, about `subject` (on the line or in a
 * heading above) and `context` (on the line: the mode, not some other default of the same component), contradicts it.
 */
export type DefaultFact = Sourced & {
  subject: string;
  context: string;
  value: string;
  others: string;
  kubernetes: Text;
};
/**
 * `context`: a word that must be on the line, in a heading above it or in the note's title; `lineShape`: what the
 * line must look like (a heading, a list item, an enumeration) for the mention to teach the removed thing rather
 * than compare with it.
 */
export type RemovedFact = Sourced & {
  pattern: string;
  context?: string;
  lineShape?: string;
  since: string;
  kubernetes: Text;
};
export type ApiVersionFacts = Sourced & {
  served: Record<string, string[]>;
  removed: { kind: string; apiVersion: string; since: string }[];
};

export type FactsFile = {
  format: number;
  kubernetes: string;
  aware: { outdated: string; fact: string };
  ports: PortFact[];
  ranges: RangeFact[];
  fieldValues: FieldValueFact[];
  fieldEnums: FieldEnumFact[];
  paths: PathFact[];
  knownPaths: Sourced & { paths: string[] };
  dns: DnsFact[];
  cidrs: CidrFact[];
  defaults: DefaultFact[];
  removed: RemovedFact[];
  apiVersions: ApiVersionFacts;
};

/** A fact's pattern compiled once, bounded so `etcd` is not found inside `etcdctl` nor `kubelet` in `kubelets`. */
export type Compiled<T> = T & { re: RegExp };
const bounded = (src: string) => `(?<![A-Za-z0-9])(?:${src})(?![A-Za-z0-9])`;
const subjectRe = (src: string) => new RegExp(bounded(src), 'gi');

export type FactsBase = FactsFile & {
  portSubjects: (Compiled<PortFact> & { roleRes: { port: number; re: RegExp }[] })[];
  rangeSubjects: Compiled<RangeFact>[];
  pathSubjects: Compiled<PathFact>[];
  cidrSubjects: Compiled<CidrFact>[];
  defaultFacts: (Compiled<DefaultFact> & { contextRe: RegExp; othersRe: RegExp; valueRe: RegExp })[];
  removedPatterns: (Compiled<RemovedFact> & { contextRe: RegExp | null; shapeRe: RegExp | null })[];
  /** Every port some fact names: a number one subject owns is never "wrong" for the subject beside it. */
  anyPort: Set<number>;
  awareOf: { outdated: RegExp; fact: RegExp };
  fieldValueRes: { fact: FieldValueFact; re: RegExp }[];
  /** Every enum field's key, then one word as its value: one scan of a line for all of them. */
  fieldEnumRe: RegExp;
  fieldEnumByKey: Map<string, FieldEnumFact>;
  /** Each fixed value, with the fields that take it (`Local` → externalTrafficPolicy, internalTrafficPolicy). */
  fieldsByEnumValue: Map<string, string[]>;
  /** Any removed pattern at all: most lines name none, and one test spares them the rest. */
  removedAny: RegExp;
  /** Every kind the apiVersion facts know, as whole words. */
  kindRe: RegExp;
  /**
   * Whether a line can hold anything the checks look for: a subject, a field key, a removed pattern, a path, a
   * DNS name, an apiVersion, a long dotted address. Most lines of a note hold none, and one test lets them go.
   */
  relevant: RegExp;
  /** The same test over a whole note (`$` at every line end): a note that holds nothing is not read line by line. */
  relevantText: RegExp;
};

function relevance(patterns: string[]): { relevant: RegExp; relevantText: RegExp } {
  const source = patterns.map((p) => `(?:${p})`).join('|');
  return { relevant: new RegExp(source, 'i'), relevantText: new RegExp(source, 'im') };
}

export const FACTS_FILE = new URL('./kubernetes-facts.json', import.meta.url);

let cached: FactsBase | null = null;

export function factsBase(): FactsBase {
  if (cached) return cached;
  const file = JSON.parse(readFileSync(FACTS_FILE, 'utf8')) as FactsFile;
  cached = compile(file);
  return cached;
}

export function compile(file: FactsFile): FactsBase {
  return {
    ...file,
    portSubjects: file.ports.map((f) => ({
      ...f,
      re: subjectRe(f.subject),
      roleRes: (f.roles ?? []).map((r) => ({ port: r.port, re: new RegExp(bounded(r.role), 'i') })),
    })),
    rangeSubjects: file.ranges.map((f) => ({ ...f, re: subjectRe(f.subject) })),
    pathSubjects: file.paths.map((f) => ({ ...f, re: subjectRe(f.subject) })),
    cidrSubjects: file.cidrs.map((f) => ({ ...f, re: subjectRe(f.subject) })),
    defaultFacts: file.defaults.map((f) => ({
      ...f,
      re: new RegExp(f.subject, 'i'),
      contextRe: new RegExp(f.context, 'i'),
      othersRe: subjectRe(f.others),
      valueRe: subjectRe(f.value),
    })),
    removedPatterns: file.removed.map((f) => ({
      ...f,
      re: new RegExp(f.pattern, 'gi'),
      contextRe: f.context ? new RegExp(f.context, 'i') : null,
      shapeRe: f.lineShape ? new RegExp(f.lineShape, 'i') : null,
    })),
    awareOf: { outdated: new RegExp(file.aware.outdated, 'i'), fact: new RegExp(file.aware.fact, 'i') },
    fieldValueRes: file.fieldValues.map((fact) => ({
      fact,
      re: new RegExp(`(?<![\\w-])${fact.key}["']?\\s*[:=]\\s*["']?(\\d+)(?![\\w.])`, 'gi'),
    })),
    // `sessionAffinity: ClusterIP`, `service.spec.sessionAffinity=ClusterIP`: the key, then one word as its value.
    fieldEnumRe: new RegExp(
      `(?<![\\w-])(${file.fieldEnums.map((f) => f.key).join('|')})["'\`]?\\s*[:=]\\s*["'\`]?([A-Za-z][\\w-]*)(?![\\w-])`,
      'g',
    ),
    fieldEnumByKey: new Map(file.fieldEnums.map((f) => [f.key, f])),
    fieldsByEnumValue: fieldsByValue(file.fieldEnums),
    removedAny: new RegExp(file.removed.map((f) => `(?:${f.pattern})`).join('|'), 'i'),
    kindRe: new RegExp(
      `(?<![\\w-])(${[...new Set([...Object.keys(file.apiVersions.served), ...file.apiVersions.removed.map((r) => r.kind)])].join('|')})(?![\\w-])`,
      'g',
    ),
    ...relevance([
      ...[...file.ports, ...file.ranges, ...file.paths, ...file.cidrs].map((f) => bounded(f.subject)),
      ...file.fieldValues.map((f) => f.key),
      ...file.fieldEnums.map((f) => f.key),
      ...file.removed.map((f) => f.pattern),
      'range|범위|default|기본|local|/v\\d|(?<![\\w.~$}-])/[A-Za-z]|\\d\\.\\d+\\.\\d+\\.\\d+\\.\\d',
      // A range spelled out (check-prose.ts), whose subject may be the heading.
      'between\\s+`?\\d{3}|\\d{3}`?\\s*부터',
    ]),
    anyPort: new Set(
      file.ports.flatMap((f) => [...f.ports, ...f.also, ...(f.removed ?? []).map((r) => r.port)]),
    ),
  };
}

function fieldsByValue(enums: readonly FieldEnumFact[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { key, values } of enums)
    for (const value of values) out.set(value, [...(out.get(value) ?? []), key]);
  return out;
}

/**
 * Whether `text` leaves `port` its role: "etcd clients → 2380" names the clients, whose port is 2379, so it does
 * not. Text naming no role, or naming this port's role among others ("2379 for clients, 2380 for peers"), does.
 */
export function fitsRole(fact: FactsBase['portSubjects'][number], port: number, text: string): boolean {
  const named = fact.roleRes.filter((r) => r.re.test(text));
  return named.length === 0 || named.some((r) => r.port === port);
}
