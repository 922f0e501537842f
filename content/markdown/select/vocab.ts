import terms from '../../knowledge/k8s-terms.json' with { type: 'json' };
import derived from '../../knowledge/k8s-vocab.json' with { type: 'json' };

/**
 * What Kubedeck knows of Kubernetes, in the shape the card selection asks it: is this hidden text a word a
 * learner must recall (a kind, a field, an enum value, a component, a networking term), or a value with meaning
 * (a component's port, a well-known path, a DNS form)? Kinds, fields and Gateway API enums come from the schemas the
 * grader ships (content/knowledge/k8s-vocab.json, generated); the rest is kept by hand with its sources
 * (content/knowledge/k8s-terms.json).
 */

const lowerSet = (xs: Iterable<string>) => new Set([...xs].map((x) => x.toLowerCase()));

const KINDS = lowerSet(derived.kinds);
/** camelCase field names only: `targetPort` is a term, `name` or `port` is an ordinary word too. */
const CAMEL_FIELDS = new Set(derived.fields.filter((f) => /[a-z][A-Z]/.test(f)));
/** Enum values, matched as written: `Local`, `Prefix` and `Same` are terms only with their capital. */
const ENUMS = new Set([
  ...derived.enums.filter((e) => e.length >= 3 && /^[A-Z]/.test(e) && !/^[A-Z]+$/.test(e)),
  ...Object.values(terms.coreEnums).flat(),
]);
/** A kind as writers spell it apart: `ReplicationController` → "replication controller", `NetworkPolicy` → "network policy". */
const spacedKinds = derived.kinds
  .map((k) => k.replace(/([a-z])([A-Z])/g, '$1 $2'))
  .filter((k) => k.includes(' '));
const PHRASES = lowerSet([...terms.components, ...terms.networking, ...terms.ko, ...spacedKinds]);
/** iptables names as written: `RETURN`, `INPUT`, `Mangle`, `nat` (`return` or `input` in a sentence is a word). */
const IPTABLES_NAMES = new Set([
  ...terms.iptables.chains,
  ...terms.iptables.targets,
  ...terms.iptables.tables.flatMap((t) => [t, t.toUpperCase(), t[0]!.toUpperCase() + t.slice(1)]),
]);
/** An iptables table, chain or target, written as iptables and the notes about it write it. */
export const isIptablesName = (text: string): boolean =>
  IPTABLES_NAMES.has(text.replace(/[`*:]/g, '').trim());
const COMMANDS = new Set(terms.commands);
const KUBECTL_VERBS = new Set(terms.kubectlVerbs);
const SHORT_NAMES: Record<string, string> = terms.kubectlShortNames;
const KO_KUBECTL_WORDS: Record<string, string[]> = terms.koKubectlWords;
const PORTS = new Set(Object.keys(terms.ports));
const PATHS = terms.paths.map((p) => p.toLowerCase());
/** Directories whose entries are one machine's own (a CNI config file, a network namespace, a pod's log). */
export const ENTRY_DIRECTORIES: readonly string[] = terms.entryDirectories;
const DNS_FORMS = terms.dnsForms.map((p) => p.toLowerCase());

/** The longest phrase of the hand-kept vocabulary, in words: phrases are looked up up to this length. */
const MAX_PHRASE_WORDS = 4;

const TOKEN_SPLIT = /[\s,;()[\]{}<>"'`*|]+/;
// Korean particles glued to a term (서비스와, 파드를, 노드에서): stripped before a look-up.
// Longest first, so `에서는` is taken whole rather than as `는`. Checked with endsWith: a `$`-anchored alternation
// is tried at every position of the word.
const KO_PARTICLES = [
  '입니다',
  '에서는',
  '에서도',
  '으로는',
  '에서',
  '에게',
  '으로',
  '로는',
  '에는',
  '에도',
  '와는',
  '과는',
  '이다',
  '이며',
  '이고',
  '로',
  '에',
  '와',
  '과',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '도',
  '만',
];
/** A Korean word without the particle glued to it: `서비스와` → `서비스`, `노드에서는` → `노드`. */
export function stripParticle(word: string): string {
  for (const p of KO_PARTICLES)
    if (word.length > p.length && word.endsWith(p)) return word.slice(0, -p.length);
  return word;
}

/** Words of a text, without markdown marks, for look-ups. */
export function tokens(text: string): string[] {
  return text.split(TOKEN_SPLIT).filter((t) => t.length > 0);
}

function bare(token: string): string {
  // `KUBE-SVC-*` names a family of chains: the wildcard is not part of the word.
  return token.replace(/^[.:=-]+|[.:,;!?]+$|-?\*$/g, '');
}

/** One token is a Kubernetes word: a kind, a camelCase field, an enum value, a component or a networking term. */
export function isTermToken(raw: string): boolean {
  const t = bare(raw);
  if (t.length < 2) return false;
  if (ENUMS.has(t) || CAMEL_FIELDS.has(t) || IPTABLES_NAMES.has(t)) return true;
  const l = t.toLowerCase();
  if (KINDS.has(l) || PHRASES.has(l)) return true;
  return endsInHangul(l) && isTermPhrase(l);
}

const endsInHangul = (s: string) => {
  const c = s.charCodeAt(s.length - 1);
  return c >= 0xac00 && c <= 0xd7a3;
};

/** A lower-cased word or phrase, with a Korean particle glued to its end taken off. */
function isTermPhrase(l: string): boolean {
  if (PHRASES.has(l)) return true;
  if (!endsInHangul(l)) return false;
  const ko = stripParticle(l);
  return ko !== l && ko.length >= 2 && (PHRASES.has(ko) || KINDS.has(ko));
}

// First words of the vocabulary's phrases: only a token that opens one is tried as the start of a phrase.
const PHRASE_FIRST = new Set([...PHRASES].filter((p) => p.includes(' ')).map((p) => p.split(' ')[0]!));

/** How many Kubernetes words a text holds (phrases of up to four words count once). */
export function termHits(text: string): number {
  const ws = tokens(text);
  let hits = 0;
  for (let i = 0; i < ws.length; i++) {
    let matched = 0;
    if (PHRASE_FIRST.has(ws[i]!.toLowerCase()))
      for (let n = Math.min(MAX_PHRASE_WORDS, ws.length - i); n >= 2; n--) {
        if (
          isTermPhrase(
            ws
              .slice(i, i + n)
              .join(' ')
              .toLowerCase(),
          )
        ) {
          matched = n;
          break;
        }
      }
    if (matched) {
      hits++;
      i += matched - 1;
    } else if (isTermToken(ws[i]!)) hits++;
  }
  return hits;
}

/**
 * A path under a directory the operating system defines (`/etc/network/interfaces`): where the system keeps a thing
 * is a fact of that system. A path under `/tmp`, `/home` or `./` is one user's, and so is a folder the user names
 * with a made-up compound (`/var/lib/etcd-from-backup`, the data dir an etcd restore is told to use).
 */
const SYSTEM_PATH =
  /^\/(?:etc|var|opt|proc|sys|run|usr|lib|dev)\/(?:[\w.@-]+\/)*(?![a-z0-9]+(?:-[a-z0-9]+)+\/?$)[\w.@-]+\/?$/;

/**
 * A file right under `/opt` (`/opt/pod.dns`), not in a folder of it (`/opt/cni/bin`): where an exam or lab task
 * says to save its answer ("… 그 내용을 각각 /opt/service.dns 및 /opt/pod.dns에 저장한다"). It is the task's, not the
 * system's.
 */
const EXAM_ANSWER_FILE = /^\/opt\/[\w@-]+\.[\w.-]+$/;

/**
 * A well-known value: a component's port, the NodePort range, a well-known path or a path under the system's own
 * directories, a DNS name form, a flag.
 */
export function isMeaningfulValue(text: string): boolean {
  const t = text.replace(/[`*]/g, '').trim();
  const l = t.toLowerCase();
  if (PORTS.has(t.replace(/\s+/g, '').replace(/[–~]/g, '-'))) return PORTS.has(t) || /\d-\d/.test(t);
  if (PATHS.some((p) => l === p || l.startsWith(`${p}/`) || (l.length > 4 && p.startsWith(l)))) return true;
  if (SYSTEM_PATH.test(t) && !EXAM_ANSWER_FILE.test(t)) return true;
  if (DNS_FORMS.some((d) => l.includes(d))) return true;
  return /^--?[a-z][a-z0-9-]*(?:[= ][^\s]+)?$/i.test(t);
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?$/;
// kubeadm's and the common CNIs' defaults are facts; any other address is an example's.
const DEFAULT_CIDRS = new Set([
  '10.96.0.0/12',
  '10.244.0.0/16',
  '192.168.0.0/16',
  '10.96.0.10',
  '10.96.0.1',
  '127.0.0.1',
  '0.0.0.0',
  '0.0.0.0/0',
  '169.254.169.254',
]);

/**
 * Words every learner of networking already has: hidden in a sentence they ask nothing, since the sentence around
 * them gives them away ("각 파드는 [...] 주소를 할당 받는다" → IP; "[...]의 각 레코드는 A, CNAME, MX" → DNS). Judged
 * cards hiding one of these: 23 of 28 labels JUNK (docs/quality/judged-bank.jsonl).
 */
const EVERYDAY_WORDS = new Set(['ip', 'ip주소', 'ipaddress', 'dns', 'tcp', 'udp', 'http', 'https', 'url']);
/** A short text as the everyday sets hold it: any case, spaced or not (`IP 주소`, `ip address`), no marks. */
const asOneWord = (text: string) => text.replace(/[`*\s]/g, '').toLowerCase();
/** The hidden text is one everyday networking word. */
export const isEverydayWord = (text: string): boolean => EVERYDAY_WORDS.has(asOneWord(text));

/**
 * Acronyms every learner of a networking exam already reads as words: spelled out ("HA → High Availability"),
 * they ask nothing. Judges junked such a card on a note the rules were never tuned on; CNI, NAT, FQDN, ARP, CNCF
 * spelled out were kept (docs/quality/judged-bank.jsonl, docs/quality/unseen/judged-bank.jsonl).
 */
const EVERYDAY_ACRONYMS = new Set([
  'ha',
  'ip',
  'os',
  'cpu',
  'ram',
  'api',
  'url',
  'http',
  'https',
  'tcp',
  'udp',
  'vm',
  'ssh',
]);
export const isEverydayAcronym = (text: string): boolean => EVERYDAY_ACRONYMS.has(asOneWord(text));

const SERVED_API_VERSIONS = new Set(Object.values(derived.apiVersions).flat());

const EXAMPLE_STEM =
  /(?:^|-)(?:my|test|demo|web|app|nginx|httpd|busybox|foo|bar|baz|example|sample|hello|frontend|backend|api|db|redis|mysql|shop|store|echo|whoami|blue|green|red|dev|prod|staging)(?:-|$)/;

/**
 * A value chosen for one example, not a fact: an address, a port nobody else uses, a made-up name (`my-ingress`,
 * `web-pod`), a label pair, an image tag. A learner cannot recall it from the prompt, and should not try.
 */
export function isExampleValue(text: string): boolean {
  const t = text.replace(/[`*"']/g, '').trim();
  if (!t || /\s/.test(t)) return false;
  if (isMeaningfulValue(t) || isTermToken(t)) return false;
  // `networking.k8s.io/v1` would read as a host under `.io` below; an apiVersion Kubernetes serves is a fact.
  if (SERVED_API_VERSIONS.has(t)) return false;
  if (IPV4.test(t)) return !DEFAULT_CIDRS.has(t);
  // A host of one example: `www.example.com/watch`, `shop.local` (the cluster's own DNS forms are facts).
  if (/^(?:[\w-]+\.)+(?:com|org|net|io|xyz|local|test|dev|app|co|kr)(?:\/\S*)?$/i.test(t)) return true;
  if (/^\d+(?::\d+)?(?:\/(?:TCP|UDP))?$/.test(t)) return true;
  if (/^[a-z0-9.-]+=[a-z0-9.-]*$/i.test(t)) return true;
  if (/^[a-z0-9./-]+:[\w.-]+$/i.test(t)) return true;
  // A file of one example (`policy.yaml`, `labs/netpol/specs/apod`), or `deploy/web-1`: a resource and its name.
  // `./netns-setup.sh` is the writer's own script, run from where the note's files are.
  if (
    /^(?:\.\/)?[\w.-]+\.(?:ya?ml|json|sh|txt|db|conf|crt|key)$/i.test(t) ||
    /^(?:\.{0,2}\/)?[\w-]+\/[\w./-]+$/.test(t)
  ) {
    const [, name] = /^[a-z]+\/([\w.-]+)$/i.exec(t) ?? [];
    return name === undefined || isExampleValue(name);
  }
  // `web-pod`, `nginx-demo`, `app1`: names writers make up for an example; `use-context` or `dry-run` are words.
  if (/^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(t) && !PHRASES.has(t))
    return /\d/.test(t) || EXAMPLE_STEM.test(t);
  return false;
}

const FIELDS = new Set(derived.fields);
/** A field name of a Kubernetes or Gateway API object, as written (`port`, `targetPort`, `pathType`). */
export const isFieldName = (text: string): boolean => FIELDS.has(text.replace(/[`*:]/g, '').trim());

const API_VERSIONS = derived.apiVersions as Record<string, string[]>;
/** An apiVersion Kubernetes no longer serves for a kind it knows (`extensions/v1beta1` for an Ingress). */
export function isOutdatedApiVersion(kind: string, apiVersion: string): boolean {
  const known = API_VERSIONS[kind];
  return known !== undefined && !known.includes(apiVersion.trim());
}

/** A kind of the Kubernetes or Gateway API, any case (`Ingress`, `networkpolicy`). */
export const isKindName = (text: string): boolean =>
  KINDS.has(text.replace(/[`*]/g, '').trim().toLowerCase());

/** A value of an enum field (`Local`, `ClusterIP`, `Prefix`), as written. */
export const isEnumValue = (text: string): boolean => ENUMS.has(text.replace(/[`*]/g, '').trim());

/** The line is a shell command: it opens with a command Kubedeck knows (`kubectl`, `k`, `ip`, `iptables`…). */
const FIRST_WORD = /^\s*(?:(?:\$|#|>:?)\s+)?(\S+)/;
export function isCommandLine(text: string): boolean {
  const first = FIRST_WORD.exec(text)?.[1] ?? '';
  return COMMANDS.has(first) || first.startsWith('./') || /^[A-Z_]+=\S+$/.test(first);
}

/** `kubectl get`, `k expose`: the verb a kubectl command uses, if it is one. */
export function kubectlVerb(text: string): string | null {
  const m = /^(?:kubectl|k)\s+(\S+)/.exec(text.trim());
  return m && KUBECTL_VERBS.has(m[1]!) ? m[1]! : null;
}

/** "svc" → "service", "netpol" → "networkpolicy": the resource a kubectl short name stands for, else the word. */
export function kubectlResource(word: string): string {
  const w = word.toLowerCase();
  return SHORT_NAMES[w] ?? w;
}

/** "service" → ["svc"], "endpoint" → ["ep"]: the short names kubectl takes for a resource (singular or plural). */
export function kubectlShortNames(resource: string): string[] {
  const one = resource.replace(/s$/, '');
  return Object.entries(SHORT_NAMES)
    .filter(([, full]) => full.replace(/s$/, '') === one)
    .map(([short]) => short);
}

/** The Korean words a note may say for a kubectl verb or resource ("create" → 생성, "pod" → 파드). */
export function koKubectlWords(word: string): string[] {
  return KO_KUBECTL_WORDS[word] ?? [];
}

/** "pods" or "pod" → 파드, 포드; "endpoints" → 엔드포인트: a resource's Korean words, however kubectl spells it. */
export function koResourceWords(resource: string): string[] {
  return [...koKubectlWords(resource.replace(/s$/, '')), ...koKubectlWords(resource)];
}

// The table's resources, by each Korean name (its other entries are kubectl verbs): "서비스" → "service".
const RESOURCE_OF_KOREAN_NAME = new Map(
  Object.entries(KO_KUBECTL_WORDS)
    .filter(([word]) => !KUBECTL_VERBS.has(word))
    .flatMap(([resource, names]) => names.map((name) => [name, resource] as const)),
);

/** "서비스는" → "service": the resource a Korean word (its particle taken off) names, if the table has it. */
export const resourceOfKoreanName = (word: string): string | undefined =>
  RESOURCE_OF_KOREAN_NAME.get(stripParticle(word.trim()));

/** How Korean notes spell an English term, keyed without case, spaces or dashes ("LoadBalancer" → 로드밸런서). */
const KO_SPELLINGS = new Map<string, readonly string[]>(Object.entries(terms.koSpellings));

/**
 * "annotation" → ["어노테이션"], "Load Balancer" → ["로드밸런서", "로드 밸런서"]: the Hangul a Korean note writes for
 * a term, as the Korean Kubernetes docs spell it; empty for a term the table lacks.
 */
export const koreanSpellings = (term: string): readonly string[] =>
  KO_SPELLINGS.get(term.toLowerCase().replace(/[\s-]+/g, '')) ?? [];

/** "service" → "서비스": a resource's first Korean name; undefined for a kubectl verb or a word the table lacks. */
export const koreanNameOfResource = (word: string): string | undefined => {
  const w = word.trim();
  return KUBECTL_VERBS.has(w) || !Object.hasOwn(KO_KUBECTL_WORDS, w) ? undefined : KO_KUBECTL_WORDS[w]![0];
};
