import type { LineCard } from './explicit.ts';
import { unmask } from './inline.ts';
import { hasHangul } from './scan.ts';
import { balanced, KO_NOT_TOPIC, KO_TOPIC } from './sentence-cloze.ts';

/**
 * What a Korean statement says its topic is or does, hidden as the noun phrase a learner recalls:
 *
 *   "IPVS는 로드밸런싱을 위해 특별히 설계된 Linux 커널의 기능입니다." → "… 설계된 [...]입니다" = Linux 커널의 기능
 *   "kube-proxy는 워커노드의 컴포넌트로 동작하며 Network proxy 역할을 수행한다." → "… [...]을 수행한다" = Network proxy 역할
 *
 * The topic, the verb and every modifier stay on show, so the prompt says what is asked; only the object or the
 * complement of the sentence's last predicate is hidden, without its particle. The older cut, which hides all
 * of the predicate after the topic ("kube-proxy는 [...]"), left the blank open to almost any answer.
 */

const MAX_PHRASE_WORDS = 6;
// The sentence's last word: a copula after the complement ("기능입니다"), or a verb after an object ("수행한다").
const COPULA_WORD = /^(.+?)(이다|입니다|이며|이에요|예요|이죠|임)$/;
const VERB_WORD = /(?:다|니다|함|됨|요)$/;
const OBJECT_WORD = /^(.+?)(을|를|로|으로)$/;
// A word that ends the phrase before it: a particle other than 의, or a connective ending of a clause.
// 와/과 join two nouns of one phrase ("IP와 DNS 이름"), so they do not end it. "때", "경우" close a clause of time
// or case; -게 and -해 make adverbs and connectives ("랜덤하게", "사용해").
const BOUNDARY =
  /(?:은|는|이|가|을|를|에|에서|에게|로|으로|도|만|며|고|면|서|지만|는데|므로|위해|통해|하여|해|해서|되어|게|따라|대해|때|경우|[,，;:])$/;
// A verb or adjective modifying the noun after it ("설계된 기능", "같은 노드"): its own arguments stand before
// it, so the phrase starts after it. Nouns that happen to end the same way are left out.
const MODIFIER = /(?:하는|되는|있는|없는|하던|된|한|인|운|른|닌|진|친|린|온|은|는|할|될)$/;
const NOUN_ENDING_LIKE_MODIFIER = /(?:도메인|플러그인|체인|라인|엔진|권한|제한|기한|무한)$/;
// Something a learner can be asked for: a Latin-letter name, a code span, a number, or two words or more.
const ASKABLE = /[A-Za-z0-9\uE000]/;

const FINAL = /[.!?。]+$/;
// A phrase that ends in a bound noun or a verb made a noun ("동작할 수 있었던 것", "지원하지 않기 때문", "향상됨")
// hides a clause, not a thing.
const CLAUSE_AS_NOUN = /(?:^|\s)(?:것|때문|수|점|뿐|데)$|(?:됨|함|음|기)$/;
// A particle written apart from its noun: "192.168.1.1 으로 보낸다".
const LONE_PARTICLE = /^(?:을|를|로|으로)$/;

function isPhraseWord(w: string): boolean {
  if (NOUN_ENDING_LIKE_MODIFIER.test(w)) return true;
  return !BOUNDARY.test(w) && !(hasHangul(w.slice(-1)) && MODIFIER.test(w));
}

/** The first word that may open the phrase ending at word `end` (inclusive), never before `floor`. */
function phraseStart(ws: string[], end: number, floor: number): number {
  let i = end;
  while (i - 1 > floor && end - (i - 1) < MAX_PHRASE_WORDS && isPhraseWord(ws[i - 1]!)) i--;
  return i;
}

function topicIndex(ws: string[]): number {
  for (let i = 0; i < Math.min(ws.length - 2, 6); i++) {
    const w = ws[i]!;
    if (KO_TOPIC.test(w) && !KO_NOT_TOPIC.test(w) && /(?:은|는)$/.test(w)) return i;
  }
  return -1;
}

/** The statement cloze of one Korean sentence (masked text), or null. */
export function statementCloze(masked: string, spans: string[]): LineCard | null {
  const ws = masked.trim().replace(FINAL, '').split(/\s+/);
  if (ws.length < 4 || !hasHangul(masked)) return null;
  const topic = topicIndex(ws);
  if (topic < 0) return null;
  const last = ws.length - 1;
  // The phrase's last word `end`, its noun `stem`, what stays on show after it (`suffix`, then the words from
  // `restFrom` on: the verb after an object, nothing after a copula).
  let end: number;
  let stem: string;
  let suffix: string;
  let restFrom: number;
  const copula = COPULA_WORD.exec(ws[last]!);
  if (copula && copula[1]!.length >= 1) {
    end = last;
    stem = copula[1]!;
    suffix = copula[2]!;
    restFrom = last + 1;
  } else {
    const apart = LONE_PARTICLE.test(ws[last - 1] ?? '');
    const object = apart ? null : OBJECT_WORD.exec(ws[last - 1] ?? '');
    if (!VERB_WORD.test(ws[last]!) || !(object || apart)) return null;
    end = apart ? last - 2 : last - 1;
    stem = apart ? ws[end]! : object![1]!;
    suffix = apart ? ` ${ws[last - 1]}` : object![2]!;
    restFrom = last;
    if (end <= topic) return null;
  }
  const start = phraseStart(ws, end, topic);
  if (start <= topic) return null;
  const phrase = [...ws.slice(start, end), stem].join(' ');
  const phraseWords = end - start + 1;
  if (CLAUSE_AS_NOUN.test(phrase)) return null;
  if (!ASKABLE.test(phrase) && phraseWords < 2) return null;
  const before = ws.slice(0, start).join(' ');
  const rest = ws.slice(restFrom);
  const after = `${suffix}${rest.length > 0 ? ` ${rest.join(' ')}` : ''}`;
  const answer = unmask(phrase, spans).trim();
  // A blank that keeps a bracket of its phrase on show ("rule(ex. iptables [...]") cuts the phrase.
  if (!answer || !balanced(answer)) return null;
  return {
    kind: 'cloze',
    rule: 'statement-cloze',
    prompt: unmask(`${before} [...]${after}`, spans).trim(),
    answer,
  };
}
