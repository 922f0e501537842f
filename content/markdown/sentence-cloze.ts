import { findFacts } from './auto-cloze.ts';
import type { LineCard } from './explicit.ts';
import { codeSpanText, unmask } from './inline.ts';
import { matchesOf } from './scan.ts';
import { statementCloze } from './statement-cloze.ts';

/**
 * Sentences that hold a fact, in Korean and English prose: the part after a topic, a copula, a modal or an
 * introductory clause is hidden, and a short subject is asked the other way round. Works on masked text, so
 * code spans and link targets are atomic and never cut.
 */
const MAX_PER_SENTENCE = 4;
// A run-on sentence of several copula clauses holds one fact per clause; past this it is a paragraph.
const MAX_PER_LONG_SENTENCE = 6;
const PRONOUN =
  /^(it|this|that|they|them|these|those|there|we|you|i|he|she|which|what|who|here|both|each|all|some|many|most|none|one)$/i;
const COPULA =
  /\s(?:is|are|was|were|will be|would be|can be|may be|might be|must be|should be|becomes|become|means|mean|refers to|stands for|defaults to|default to)(?:\s+(?:either|also|only|always|usually|not|still))?\s+/i;
const COPULA_ALL = new RegExp(COPULA.source, 'gi');
const MODAL =
  /\s(must|should|can|cannot|can't|won't|will not|will|may|might|needs to|need to|has to|have to|does not|doesn't|do not|don't)\s+/i;
const VERB =
  /\s((?:use|create|provide|expose|enable|let|allow|run|send|forward|map|route|listen|assign|implement|manage|select|return|define|control|open|handle|support|require|appl(?:y|ies)|contain|give|make|keep|store|resolve|translate|connect|match|point|pick|add|set|watch|install|proxie|proxy|redirect|distribute|bypass|link|increase|ha(?:s|ve))s?)\s+/i;
export const KO_TOPIC = /^(.+?(?:은|는|이란|란|에서는|에는))$/;
// Conjunctions, verb and adjective forms that end in 는/은 but mark no topic ("또는", "처리하는", "같은").
export const KO_NOT_TOPIC =
  /^(?:또는|혹은|그리고|이는|그것은|이것은|이거는|그거는|하지만|그러나|그런데|그래서|나는|너는|저는|우리는|다음은|아래는|위는|이번에는)$|(?:하|되|있|없|받|주|쓰|내|가|오|보|알|들|갖|넘기|붙이|바꾸|고르|찾|묶|잇|읽|만드|보내|거치|지나|따르|가지|시키)는$|^(?:많|작|높|낮|좋|넓|짧|깊|얕|적|늦|이런|그런|저런)은$|같은$/;
const KO_COND = /(?:면|경우|때|려면|으면|는데|지만|므로|어서|아서|해서)$/;

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /([.!?。？！])(\s+)(?=\S)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(start, m.index + 1);
    // "e.g." / "i.e." / "vs." and decimals stay inside their sentence.
    if (/(?:\b(?:e\.g|i\.e|etc|vs|cf|ex|approx|incl)|\b[A-Za-z])\.$/i.test(before)) continue;
    out.push(before.trim());
    start = m.index + m[1]!.length + m[2]!.length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter(Boolean);
}

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean);
const FINAL = /[.!?。？！:：]+$/;

type Cut = { prompt: string; answer: string };

function hide(before: string, answer: string, after: string): Cut | null {
  const a = answer.trim().replace(FINAL, '').trim();
  // "Patch the deployment to use [...]" → "it" asks nothing.
  if (!a || words(a).length > 40 || a.length > 300 || PRONOUN.test(a)) return null;
  const b = before.replace(/\s+$/, '');
  const prompt = `${b}${b ? ' ' : ''}[...]${after}`;
  return { prompt, answer: a };
}

/** End of a predicate: the sentence end, or just before the clause holding the next copula or modal. */
function predicateEnd(s: string, from: number): number {
  const rest = s.slice(from);
  const next = new RegExp(`${COPULA.source}|${MODAL.source}`, 'i').exec(rest);
  if (!next) return s.length;
  const head = rest.slice(0, next.index);
  // "is A, B and C are D": the next clause starts after the first comma; "is A and B is C" after the last "and".
  const comma = head.search(/, |; /);
  const cut = comma > 0 ? comma : head.lastIndexOf(' and ');
  return cut > 0 ? from + cut : s.length;
}

const CONDITION = /^(?:if|when|unless|while|although|though|once|after|before|since|because|for)\b/i;

function english(s: string): Cut[] {
  const cuts: Cut[] = [];
  if (CONDITION.test(s)) return cuts;
  // Every further copula gets its own predicate: "target port will be [...] and nodeport will be random".
  let k = 0;
  for (const m of matchesOf(COPULA_ALL, s)) {
    if (k++ === 0) continue;
    const start = m.index + m[0].length;
    const end = predicateEnd(s, start);
    const c = hide(s.slice(0, start), s.slice(start, end), end < s.length ? s.slice(end) : '');
    if (c) cuts.push(c);
  }
  const cop = COPULA.exec(s);
  const mod = MODAL.exec(s);
  const verb = VERB.exec(s);
  const first = [cop, mod, verb]
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => a.index - b.index)[0];
  if (first) {
    const subject = s.slice(0, first.index).trim();
    const n = words(subject).length;
    if (n >= 1 && n <= 10 && !/[,;]/.test(subject)) {
      const keepVerb = first === cop || first === verb;
      const start = keepVerb ? first.index + first[0].length : first.index + 1;
      const end = predicateEnd(s, first.index + first[0].length);
      const c = hide(s.slice(0, start), s.slice(start, end), end < s.length ? s.slice(end) : '');
      if (c) cuts.unshift(c);
      // A short subject is asked the other way: "[...] is mandatory".
      // Not a subject that ends in a preposition ("Patch the deployment to [use it]").
      if (
        n <= 4 &&
        !PRONOUN.test(subject) &&
        !/^(the|a|an)$/i.test(subject) &&
        !/\s(?:to|of|for|in|on|with|by|at|from)$/i.test(subject)
      ) {
        const tail = s.slice(first.index).replace(FINAL, '');
        if (words(tail).length >= 2)
          cuts.splice(1, 0, { prompt: `[...]${tail}`, answer: subject.replace(FINAL, '') });
      }
    }
  }
  return cuts;
}

/** End of the clause that starts at `from`: the next ", ", " and ", "; ", " so that " or the sentence end. */
function clauseEnd(s: string, from: number): number {
  const m = /,\s|;\s|\s(?:and|but|so that|so)\s/.exec(s.slice(from));
  return m ? from + m.index : s.replace(FINAL, '').length;
}

// "... using clusterIP", "... via a Service": the means is the fact when it names something technical.
const MEANS = /\s(using|via|through|by using)\s/gi;
// "configure a load balancer to round-robin the IPs": the purpose of an action; "need to"/"have to" are modals.
const PURPOSE = /\s(\S+)\s+to\s+([a-z][a-z-]{2,})\s/g;
const NOT_PURPOSE =
  /^(?:need|needs|have|has|had|want|wants|going|able|used|ought|due|up|similar|equal|according|close|next|prior|from|and|or|how|what|where|able|likely|unable)$/i;
const NOT_VERB =
  /^(?:the|a|an|this|that|these|those|its|their|our|your|my|all|any|each|every|some|other|another|one|two|make sure|be|it|them|us|you|me)$/i;
// "Kubernetes automatically creates one": the manner the system acts in is what a learner is asked.
const MANNER = /\s(automatically|dynamically|randomly|implicitly|transparently)\s/gi;
// Plural nouns and -tion/-ment words after "to" are a destination ("to requests", "to application containers").
const NOUN_FORM = /(?:[^s]s|tion|sion|ment|ness|ity|ers|ing|al|ous|ive|ic|ular)$/;
const MOTION =
  /\b(?:forward|forwards|send|sends|route|routes|routed|map|maps|mapped|redirect|redirects|return|returns|flow|flows|pass|passes|go|goes|travel|travels|traffic|point|points|connect|connects|proxy|proxies|listen|listens|bind|binds)\b/i;
const lastWords = (s: string, n: number) => s.trim().split(/\s+/).slice(-n).join(' ');
const TECHNICAL = /[A-Z0-9\uE000/.]|-[a-z]/;

/**
 * Phrases of an English sentence that carry its fact beyond the subject and predicate: the means, the purpose
 * and the manner. Each is hidden up to the end of its clause, at most one of each kind.
 */
function phrases(s: string): Cut[] {
  const cuts: Cut[] = [];
  const cut = (start: number, end: number, minWords: number) => {
    const answer = s.slice(start, end);
    if (words(answer).length < minWords || words(answer).length > 8 || words(s.slice(0, start)).length < 3)
      return;
    const c = hide(s.slice(0, start), answer, end < s.length ? s.slice(end) : '');
    if (c) cuts.push(c);
  };
  for (const m of s.matchAll(MEANS)) {
    const start = m.index + 1;
    const end = clauseEnd(s, start + m[1]!.length + 1);
    // "flows through a cluster" is a path, not a means.
    if (MOTION.test(lastWords(s.slice(0, m.index), 2))) continue;
    if (TECHNICAL.test(s.slice(start + m[1]!.length, end))) {
      cut(start, end, 2);
      break;
    }
  }
  for (const m of s.matchAll(PURPOSE)) {
    const verb = m[2]!;
    const after = s.slice(m.index + m[0].length);
    if (NOT_PURPOSE.test(m[1]!) || NOT_VERB.test(verb) || NOUN_FORM.test(verb) || /^(?:of\b|\d)/.test(after))
      continue;
    const before = s.slice(0, m.index);
    // "from A to B", "forward requests to a port": a destination, not a purpose.
    if (/\bfrom\b/i.test(lastWords(before, 6)) || MOTION.test(lastWords(before, 4))) continue;
    // A purpose belongs to an action: a modal or a verb comes first ("we can configure X to ...").
    if (
      !MODAL.test(` ${before}`) &&
      !VERB.test(` ${before}`) &&
      !/\b(?:configure|set up|deploy)\b/i.test(before)
    )
      continue;
    const start = m.index + 1 + m[1]!.length + 1;
    cut(start, clauseEnd(s, start + 3), 2);
    break;
  }
  for (const m of s.matchAll(MANNER)) {
    const start = m.index + 1;
    cut(start, clauseEnd(s, start + m[1]!.length + 1), 2);
    break;
  }
  return cuts;
}

// "자동으로 로드밸런서를 만든다": the manner a Korean sentence states (the means, "clusterIP를 통해", is already
// asked by its English term).
const KO_MANNER =
  /\s((?:자동으로|동적으로|무작위로|랜덤으로|임의로)\s\S+(?:\s\S+){0,3}?)(?=\s*$|[,，]\s|\s그리고\s)/;

// "서비스와 파드에 대해서": a pair of things a sentence states something of, hidden without its particle.
const KO_PAIR =
  /(?:^|\s)([^\s,.]{2,}?(?:와|과)\s[^\s,.]+?)(?:에\s?대해서?|에게|에서|에는|에|을|를|은|는|이|가|의|로|으로)(?=\s)/;

const NOT_PAIR_FIRST = /^(?:다음|아래|위|이|그|저|이것|그것)(?:와|과)\s/;
const NOT_PAIR_SECOND = /^(?:같|다르|다|비슷|동일|마찬가지|비교|일치|함께|달리|관련|연결|통신|상관)/;

function koreanPhrases(s: string): Cut[] {
  const cuts: Cut[] = [];
  for (const re of [KO_MANNER, KO_PAIR]) {
    const m = re.exec(s);
    if (!m) continue;
    // "다음과 같은", "X와 비교해": a comparison, not two things.
    if (re === KO_PAIR && (NOT_PAIR_FIRST.test(m[1]!) || NOT_PAIR_SECOND.test(m[1]!.split(' ')[1]!)))
      continue;
    const start = m.index + m[0].indexOf(m[1]!);
    if (words(s.slice(0, start)).length < 1) continue;
    const c = hide(s.slice(0, start), m[1]!, s.slice(start + m[1]!.length).replace(FINAL, ''));
    if (c) cuts.push(c);
  }
  return cuts;
}

function korean(s: string): Cut[] {
  const cuts: Cut[] = [];
  const ws = s.split(' ');
  for (let i = 0; i < Math.min(ws.length - 1, 9); i++) {
    const w = ws[i]!;
    // "파드 DNS 는 …": a particle written apart from its noun still marks the topic.
    const bare = i > 0 && (w === '은' || w === '는');
    if (!bare && (!KO_TOPIC.test(w) || KO_NOT_TOPIC.test(w))) continue;
    const before = ws.slice(0, i + 1).join(' ');
    const rest = ws.slice(i + 1).join(' ');
    const c = hide(before, rest, '');
    if (c && words(c.answer).length >= 1) cuts.push(c);
    const subject = ws
      .slice(0, i + 1)
      .join(' ')
      .replace(/(은|는|이란|란|에서는|에는)$/, '')
      .trim();
    const particle = w.slice(w.replace(/(은|는|이란|란|에서는|에는)$/, '').length);
    if (i <= 4 && subject && words(rest).length >= 2 && !/[,，]/.test(subject))
      cuts.push({ prompt: `[...]${particle} ${rest.replace(FINAL, '')}`, answer: subject });
    break;
  }
  return cuts;
}

/** "X, Y": the clause after an introductory clause; Korean conditions ("~하면", "~경우") count as commas. */
function clauses(s: string): Cut[] {
  const cuts: Cut[] = [];
  const points: number[] = [];
  for (const m of s.matchAll(/, |，/g)) points.push(m.index + m[0].length);
  if (points.length === 0) {
    const ws = s.split(' ');
    let pos = 0;
    for (let i = 0; i < ws.length - 2; i++) {
      pos += ws[i]!.length + 1;
      if (i >= 1 && KO_COND.test(ws[i]!)) {
        points.push(pos);
        break;
      }
    }
  }
  const tried = new Set<number>();
  for (const p of [points[0], points[points.length - 1]]) {
    if (p === undefined || tried.has(p)) continue;
    tried.add(p);
    const before = s.slice(0, p);
    if (words(before).length < 3 || words(s.slice(p)).length < 2) continue;
    const c = hide(before, s.slice(p), '');
    if (c) cuts.push(c);
  }
  return cuts;
}

// An English name inside a Korean sentence: ConfigMap, RequestRedirect, rolebinding, kube-proxy, --cluster-cidr.
const KO_TERM =
  /(?<![\w.:/\uE000-\uE001-])(--[a-z][\w-]+|[A-Za-z][a-z0-9]*[A-Z][\w]*|[a-z]+(?:-[a-z0-9]+)+|[a-z]{5,})(?![\w.:/-])/g;
const COMMON =
  /^(?:about|after|before|default|example|using|which|there|these|those|where|other|first|second|third|using|value|server|client|service|network|system|level|point|option)$/i;

/** The technical term of a Korean sentence, hidden: `[...]은 파드 집합에 안정적인 IP를 준다` → Service. */
function koreanTerm(s: string): Cut[] {
  let best: RegExpMatchArray | null = null;
  let score = 0;
  for (const m of s.matchAll(KO_TERM)) {
    const t = m[1]!;
    if (COMMON.test(t)) continue;
    // A flag or a CamelCase name is the one a learner is asked; a hyphenated name next; a plain word last.
    const sc = t.startsWith('--') ? 4 : /[A-Z]/.test(t.slice(1)) ? 3 : 2;
    if (sc > score) {
      best = m;
      score = sc;
    }
  }
  if (!best) return [];
  let start = best.index ?? 0;
  let end = start + best[1]!.length;
  // A name of several capitalised words is one term: "Gateway API", "Ingress Controller".
  for (let m = NAME_BEFORE.exec(s.slice(0, start)); m; m = NAME_BEFORE.exec(s.slice(0, start)))
    start = m.index;
  for (let m = NAME_AFTER.exec(s.slice(end)); m; m = NAME_AFTER.exec(s.slice(end))) end += m[0].length;
  const term = s.slice(start, end);
  return [{ prompt: `${s.slice(0, start)}[...]${s.slice(end).replace(FINAL, '')}`, answer: term }];
}

const NAME_BEFORE = /(?<![\w.-])[A-Z][A-Za-z0-9]*\s$/;
const NAME_AFTER = /^\s[A-Z][A-Za-z0-9]*(?![\w.:/-])/;

// A field or flag name, bare or in backticks (masked as \uE000n\uE001): `targetPort`, --cluster-cidr.
const KO_FIELD = /(?<![\w\uE001-])(--[a-z][\w-]+|[a-z]+[A-Z]\w*|\uE000(\d+)\uE001)/g;
const KO_PHRASE = /^\S*?(?:에|에서|을|를|로|으로)(?=\s)|^\s\S+?(?:에|에서|을|를|로|으로)(?=\s)/;

/**
 * What a Korean sentence says about a field or flag name in its middle: "파드에서 포트 정의에는 이름이 있고 `targetPort`
 * 속성에 [...]" → "이 이름을 참조하여 설정할 수 있다". What it says about a plain word is vaguer, so only names count.
 */
function koreanFieldPredicate(s: string, spans: string[]): Cut[] {
  for (const m of s.matchAll(KO_FIELD)) {
    const span = m[2] !== undefined ? (spans[Number(m[2])] ?? '') : '';
    const name = m[2] !== undefined ? (codeSpanText(span) ?? span) : m[1]!;
    if (!/^[a-z]+[A-Z]\w*$|^--[a-z][\w-]+$/.test(name) || m.index === 0) continue;
    const end = m.index + m[0].length;
    const phrase = KO_PHRASE.exec(s.slice(end));
    if (!phrase) continue;
    const cut = end + phrase[0].length;
    const rest = s.slice(cut).replace(FINAL, '').trim();
    if (words(rest).length < 2 || words(rest).length > 40) continue;
    return [{ prompt: `${s.slice(0, cut)} [...]`, answer: rest }];
  }
  return [];
}

/** "... called X", "X라고 한다": the name is the fact. */
function named(s: string): Cut[] {
  const m = /\b(?:called|named|known as)\s+([A-Z][\w-]*(?:\s[A-Z][\w-]*)?)/.exec(s);
  if (!m) return [];
  const start = m.index + m[0].length - m[1]!.length;
  return [{ prompt: `${s.slice(0, start)}[...]${s.slice(start + m[1]!.length)}`, answer: m[1]! }];
}

function isEnumeration(s: string): boolean {
  const parts = s.split(/, |，/);
  return (
    parts.length >= 3 &&
    parts.slice(0, -1).every((p) => words(p).length <= 2 && !/^(?:e\.g|i\.e|etc|ex)\.?$/i.test(p.trim()))
  );
}

/** An enumeration inside a sentence: "Deployment, Service, ConfigMap, role, rolebinding이 필요함". */
export function enumerationCard(masked: string, spans: string[]): LineCard | null {
  // Needs at least two commas; most sentences have fewer.
  const first = masked.search(/[,，]/);
  if (first < 0 || masked.slice(first + 1).search(/[,，]/) < 0) return null;
  const m =
    /(?:^|\s)((?:[^\s,，]+[,，]\s+){2,}[^\s,，]+?)((?:이|가|을|를|와|과|은|는|도)?(?=\s|$)|\s(?:and|or)\s[^\s,.]+)/.exec(
      masked,
    );
  if (!m) return null;
  let list = m[1]!;
  let tail = m[2] ?? '';
  const items = list.split(/[,，]\s*/).map((x) => x.trim());
  const conj = /^\s(?:and|or)\s(.+)$/.exec(tail);
  if (conj) {
    items.push(conj[1]!);
    tail = '';
    list = `${list}${m[2]}`;
  }
  if (items.length < 3 || items.length > 12 || items.some((x) => !x || x.length > 40)) return null;
  // The last item must end the enumeration (a particle, "and X", punctuation or the sentence end), not be the
  // first word of a longer name ("Gateway API").
  const after = masked.slice(m.index + m[0].length);
  if (!conj && !tail && after && !/^[\s]*(?:[.,;:!?)]|$)/.test(after)) return null;
  const start = masked.indexOf(list, m.index);
  const prompt = `${masked.slice(0, start)}[...]${tail}${masked.slice(start + list.length + (conj ? 0 : tail.length))}`;
  return {
    kind: 'list',
    rule: 'enumeration',
    prompt: unmask(prompt, spans).trim(),
    answer: items.map((x) => `- ${unmask(x, spans)}`).join('\n'),
  };
}

/**
 * A hidden part that is one fact plus a word or two ("30000-32767 범위에서", "/etc/cni 이다") asks what auto-cloze
 * already asks about the same line; it is left out.
 */
function onlyOneFact(answer: string, spans: string[]): boolean {
  if (!/[\d/.\uE000]/.test(answer)) return false;
  const facts = findFacts(answer, spans);
  if (facts.length !== 1) return false;
  const rest = answer.slice(0, facts[0]!.start) + answer.slice(facts[0]!.end);
  return words(rest.replace(/[,.:;()]/g, ' ')).length <= 2;
}

/**
 * Every opening parenthesis (also the full-width one) of `s` is closed in `s`, and none closes first. With
 * `square`, brackets count as parentheses too (a link's text, `[2]`).
 */
export function balanced(s: string, square = false): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '(' || c === '（' || (square && c === '[')) depth++;
    else if (c === ')' || c === '）' || (square && c === ']')) {
      if (--depth < 0) return false;
    }
  }
  return depth === 0;
}

/**
 * "eksctl utils associate-iam-oidc-provider --region=ap-northeast-2 --cluster=test …": commands pasted as prose,
 * outside a code block. Two flags given values are no sentence a writer says.
 */
function isCommandText(s: string): boolean {
  let flags = 0;
  for (const _ of s.matchAll(/(?:^|\s)--[a-z][\w-]*=/g)) if (++flags >= 2) return true;
  return false;
}

/** Cloze cards for one prose sentence (masked), at most four. */
export function sentenceCards(masked: string, spans: string[], skipAutoClozed = true): LineCard[] {
  const s = masked.trim();
  const n = words(s).length;
  const hangul = /[\uAC00-\uD7A3]/.test(s);
  // Korean words carry their particles, so three of them already make a statement ("파드는 비영구적 리소스이다").
  if (n < (hangul ? 3 : 4) || s.length > 500 || /^[-*+>#|]/.test(s) || isCommandText(s)) return [];
  const cuts: Cut[] = [];
  if (!isEnumeration(s)) {
    if (hangul) cuts.push(...koreanTerm(s), ...koreanFieldPredicate(s, spans));
    cuts.push(...(hangul ? korean(s) : english(s)));
    cuts.push(...(hangul ? koreanPhrases(s) : phrases(s)));
    cuts.push(...clauses(s));
  }
  cuts.push(...named(s));
  const out: LineCard[] = [];
  // Past four cards, a run-on sentence may have one per copula clause; counted only when it matters.
  let max = MAX_PER_SENTENCE;
  let counted = hangul;
  const seen = new Set<string>();
  for (const c of cuts) {
    if (skipAutoClozed && onlyOneFact(c.answer, spans)) continue;
    const prompt = unmask(c.prompt, spans).trim();
    const answer = unmask(c.answer, spans).trim();
    if (!answer || seen.has(prompt) || prompt.replace('[...]', '').trim().length < 3) continue;
    // A cut through a parenthesis ("(TCP, [...]" → "UDP 모두 가능)") splits one aside in two.
    if (!balanced(answer)) continue;
    // Never a blank inside the text of a link or an image.
    if (/\[\.\.\.\][^\]]*\]\(|!\[[^\]]*\[\.\.\.\]/.test(prompt)) continue;
    if (prompt.length > 600) continue;
    seen.add(prompt);
    out.push({ kind: 'cloze', rule: 'sentence-cloze', prompt, answer });
    if (out.length >= max && !counted) {
      counted = true;
      max = Math.min(MAX_PER_LONG_SENTENCE, Math.max(MAX_PER_SENTENCE, matchesOf(COPULA_ALL, s).length + 1));
    }
    if (out.length >= max) break;
  }
  // The statement cut is counted apart: it competes with the cuts above in the selection, not for a place here.
  const statement = hangul ? statementCloze(s, spans) : null;
  if (statement) out.push(statement);
  return out;
}
