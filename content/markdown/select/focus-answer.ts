import { foldForMatch, hasHangul } from '../scan.ts';
import { balanced, splitSentences } from '../sentence-cloze.ts';
import type { ParsedCard } from '../types.ts';
import { opensWithPronoun } from './text-signs.ts';
import { termHits } from './vocab.ts';

/**
 * A term's definition is recalled in one go only when it is one statement. Writers put the defining sentence
 * first and add detail after it ("MASQUERADE: MASQUERADE는 SNAT의 특별한 형태다. 패킷의 소스 IP를 …",
 * "### containerPort" over "Where your application listens", "Defined in Pod specs", "Example: …"). Judges
 * marked the whole block EDIT or too-long and kept the first statement; so a term's answer is cut to it, and
 * the term said again at its start is dropped. The detail lines are facts of their own, asked by their own lines.
 */

// Rules whose basic cards ask a name for what the note says about it.
const DEFINING_RULES = new Set(['term-definition', 'heading-definition', 'heading-answer']);
const MAX_TERM_WORDS = 6;
// A statement shorter than this is a label, not a definition ("Example", "참고"): the block is left whole.
const MIN_STATEMENT_CHARS = 6;

/** "MASQUERADE는 …", "NodePort is …", "`kube-proxy` - …": the term said again before its definition. */
function withoutRestatedTerm(term: string, statement: string): string {
  const t = foldForMatch(term);
  const s = statement.replace(/^[`*]+/, '');
  if (!t || !foldForMatch(s).startsWith(t)) return statement;
  // Walk past the term as written (marks and all) by counting its folded characters.
  let seen = 0;
  let k = 0;
  while (k < s.length && seen < t.length) {
    if (!/[`*\s]/.test(s[k]!)) seen++;
    k++;
  }
  const rest = s.slice(k).replace(/^[`*]+/, '');
  // "MARK 타겟은 …", "ClusterIP 타입은 …": one classifying noun may stand between the term and its particle.
  const m =
    /^(?:\s[\uac00-\ud7a3A-Za-z]{1,6})?(?:은|는|이란|란|이라 함은)\s|^\s+(?:is|are|means|refers to)\s|^\s*[-–—:：]\s/.exec(
      rest,
    );
  if (!m) return statement;
  const out = rest.slice(m[0].length).trim();
  return out.length >= MIN_STATEMENT_CHARS ? out : statement;
}

const PROSE_LINE = /^(?!\s*(?:[-*+]\s|\d+[.)]\s|\$\s|#|```|[A-Za-z_.-]+:\s*$))/;

// An answer of up to this many words is recalled in one go as it is; only longer ones are cut.
const MAX_WHOLE_ANSWER_WORDS = 12;
// A first statement shorter than this is an expansion or a label ("Container Network Interface."), and the
// sentence after it is the definition: the answer stays whole.
const MIN_STATEMENT_WORDS = 4;

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * The defining statement of an answer, or the answer itself when it is short enough already, or not prose.
 * `firstLineOnly` is for a section under a heading, whose lines are separate points.
 */
export function definingStatement(term: string, answer: string, firstLineOnly = true): string {
  if (wordCount(answer) <= MAX_WHOLE_ANSWER_WORDS) {
    // A short one-line answer is kept whole, but without the term said again at its start.
    if (answer.includes('\n') || splitSentences(answer.trim()).length > 1) return answer;
    const trimmed = withoutRestatedTerm(term, answer.trim());
    return wordCount(trimmed) >= 2 ? trimmed : answer;
  }
  const lines = answer.split('\n').filter((l) => l.trim());
  const first = lines[0];
  if (!first || !PROSE_LINE.test(first) || (lines.length > 1 && !firstLineOnly)) return answer;
  const sentence = splitSentences(first.trim())[0] ?? first.trim();
  // "(0은 전달 불가. 1은 전달 가능)": a full stop inside brackets ends no statement.
  if (!balanced(sentence, true)) return answer;
  const statement = withoutRestatedTerm(term, sentence.replace(/[.。]$/, '').trim());
  // A Korean word carries its particles, so four make a statement; English needs a word more ("The most
  // fundamental relationship." is a label, not what the relationship is).
  const minWords = hasHangul(statement) ? MIN_STATEMENT_WORDS : MIN_STATEMENT_WORDS + 1;
  if (statement.length < MIN_STATEMENT_CHARS || wordCount(statement) < minWords) return answer;
  return statement;
}

// A heading names a term when it is a short name: not numbered ("1. Iptables", "[2] 책"), not a pair
// ("가상 IP와 서비스 프록시", "Pods and Services"), not a phrase about something ("Regarding Service Creation").
const MAX_HEADING_TERM_WORDS = 3;
const NOT_A_NAME =
  /^(?:\d+[.)]|\[\d+\])|[와과및&]\s|\s(?:and|or|of|for|about|with|vs\.?)\s|^(?:regarding|about|how|why|what|when)\b/i;
// Past this many words the first statement of a section is an explanation, not a definition to recall.
const MAX_DEFINITION_WORDS = 20;

/**
 * "containerPort", "CNAME", "kube-proxy", "`ClusterFirst`", "서비스 리소스": a name. "Use Cases", "Overview": a plain
 * English title, which heads a section about something rather than names it.
 */
function looksLikeAName(h: string): boolean {
  return (
    hasHangul(h) ||
    /`/.test(h) ||
    termHits(h) > 0 ||
    /[a-z][A-Z]|[\w]-[\w]|\d/.test(h) ||
    // "CNAME", "NAT 테이블"; not "INTERFACE IDENTIFICATION", a title set in capitals.
    (/[A-Z]{2,}/.test(h) && !(/\s/.test(h) && h === h.toUpperCase()))
  );
}

const KO_TOPIC_WORD = /^(.+?)(?:은|는)$/;
const EN_SUBJECT = /^(.{1,60}?)\s(?:is|are)\s/i;

/**
 * The subject a statement opens with ("쿠버네티스는 …", "Each table is …"), if it has one near its start. A section
 * under "서비스" that opens with "쿠버네티스는 …" tells about something else first: that is no definition of it.
 */
function openingSubject(statement: string): string | null {
  const words = statement.split(/\s+/);
  for (let i = 0; i < Math.min(words.length - 1, 4); i++) {
    const m = KO_TOPIC_WORD.exec(words[i]!);
    if (m) return [...words.slice(0, i), m[1]!].join(' ');
  }
  return EN_SUBJECT.exec(statement)?.[1] ?? null;
}

function namesATerm(heading: string, statement: string): boolean {
  const h = heading.trim();
  if (h.split(/\s+/).length > MAX_HEADING_TERM_WORDS || NOT_A_NAME.test(h) || !looksLikeAName(h))
    return false;
  if (statement.split(/\s+/).length > MAX_DEFINITION_WORDS) return false;
  // "it enables …": the statement leans on a sentence before it.
  if (opensWithPronoun(statement)) return false;
  const subject = openingSubject(statement);
  const head = foldForMatch(h).split(' ')[0]!;
  return subject === null || foldForMatch(subject).includes(head);
}

function isTermPrompt(prompt: string): boolean {
  const p = prompt.trim();
  return (
    p.length > 0 && !p.includes('\n') && p.split(/\s+/).length <= MAX_TERM_WORDS && !/[.?？!。]$/.test(p)
  );
}

/**
 * "Domain Name System 이다.", "DNS Policy의 Default 설정이다", "**NGINX Ingress Controller** 사용": Korean writers
 * close a noun answer with a copula or an empty "사용". Judges marked such answers EDIT (trim the ending) and kept
 * the noun; a verb's own ending ("마크를 설정한다", "노출시킨다") is the statement and stays.
 */
const EMPTY_KO_ENDING =
  /\s*(?:이다|입니다|이에요|(?:을|를)?\s?의미한다|(?:을|를)?\s?(?:말한다|사용(?:한다|합니다)?)|(?:이)?라고 한다)\.?$/;
// What stays must end in a noun: a Hangul syllable that closes no verb and is no particle, a Latin letter, a
// digit or a bracket ("설정하는데에 사용" keeps its verb).
const ENDS_IN_NOUN = /(?:[\uac00-\ud7a3](?<![다요음함됨에를을로의와과도서고게])|[A-Za-z0-9)`*])$/;
// A longer answer is a sentence with its own subject, which reads wrong without its ending.
const MAX_NOUN_ANSWER_WORDS = 8;

export function withoutEmptyEnding(answer: string): string {
  if (answer.includes('\n') || wordCount(answer) > MAX_NOUN_ANSWER_WORDS) return answer;
  const m = EMPTY_KO_ENDING.exec(answer);
  if (!m || m.index === 0) return answer;
  const rest = answer.slice(0, m.index).trimEnd();
  return rest.length >= 2 && ENDS_IN_NOUN.test(rest) ? rest : answer;
}

/**
 * "ClientIP 라는 옵션을 주어 해결" → "ClientIP": an answer that names an option or a value ("X라는 옵션") and goes on
 * to say what to do with it is asked for the name. "YAML field docs in terminal, faster than switching to the
 * browser" → "YAML field docs in terminal": a comparison tacked on after a comma is the writer's aside.
 */
const NAMED_VALUE_KO =
  /^(\S+(?:\s\S+)?)\s?(?:이)?라는\s(?:옵션|값|설정|방식|기능|필드|모드|타입|플러그인|이름|명령어?)(?:을|를|으로|로|이|가)?(?:\s|$)/;
const ASIDE_EN =
  /,\s+(?:(?:much|a lot|way)\s+)?(?:faster|slower|better|worse|easier|simpler|quicker|safer|cheaper|shorter|more \w+|less \w+) than\b.*$/i;

export function withoutAside(answer: string): string {
  if (answer.includes('\n')) return answer;
  const named = NAMED_VALUE_KO.exec(answer);
  if (named) return named[1]!;
  const aside = ASIDE_EN.exec(answer);
  if (aside && wordCount(answer.slice(0, aside.index)) >= 2) return answer.slice(0, aside.index);
  return answer;
}

/**
 * "BGP를 사용하여 라우팅 기반 네트워크를 구현, 고성능과 낮은 오버헤드를 제공": Korean notes set a definition down as
 * noun-ended clauses joined by commas, the defining one first and the praise or detail after it. Judges marked
 * the whole EDIT ("trim to BGP-based routing") on notes the rules were never tuned on; the first clause is the
 * answer. A clause that ends in a connective ("사용하지만", "접근하고", "하나로") leans on the next one and stays.
 */
const CLAUSE_END_KO = /(?:[\uac00-\ud7a3](?<![고며만데나서여해면로는은이가을를의와과에도])|[A-Za-z0-9)`*])$/;
const MIN_CLAUSE_WORDS = 4;
const AWAITS_PREDICATE = /(?:로|으로|에서|에게|와|과)\s+\S+$/;
const MIN_CUT_ANSWER_WORDS = 9;

export function withoutAddedClause(answer: string): string {
  if (answer.includes('\n') || !hasHangul(answer) || wordCount(answer) < MIN_CUT_ANSWER_WORDS) return answer;
  const comma = /,[\s\u00a0]+/.exec(answer);
  if (!comma) return answer;
  const head = answer.slice(0, comma.index).trim();
  const tail = answer.slice(comma.index + comma[0].length).trim();
  if (wordCount(head) < MIN_CLAUSE_WORDS || wordCount(tail) < 2 || !balanced(head, true)) return answer;
  // "IP 할당, 네트워크 네임스페이스 설정 등을 위해": the comma joins the items of a list, not two clauses.
  if (/(?:^|\s)(?:등|및)(?:[을를의이은에]|으로)?(?:\s|$)/.test(tail.split(/\s+/).slice(0, 4).join(' ')))
    return answer;
  // "내부 서비스를 외부로 HTTP, HTTPS 경로를 노출시키는": a word after "외부로" with no verb yet is the first item of a
  // list; the head's predicate comes after the comma.
  if (AWAITS_PREDICATE.test(head)) return answer;
  return CLAUSE_END_KO.test(head) ? head : answer;
}

/**
 * Cuts each term's answer to its defining statement. A heading over a section becomes a term-definition card
 * when what it asks is that statement: it is then the same card a `Term: definition` line makes, and is
 * scored as one.
 */
export function focusAnswers(cards: ParsedCard[]): ParsedCard[] {
  for (const c of cards) {
    if (c.kind !== 'basic' || !DEFINING_RULES.has(c.rule) || !isTermPrompt(c.prompt)) continue;
    const statement = withoutAddedClause(
      withoutAside(withoutEmptyEnding(definingStatement(c.prompt, c.answer, c.rule === 'heading-answer'))),
    );
    c.answer = statement;
    if (c.rule === 'heading-answer' && !statement.includes('\n') && namesATerm(c.prompt, statement))
      c.rule = 'term-definition';
  }
  return cards;
}
