import { hasHangul } from '../scan.ts';

/**
 * Signs in the words of a card that a learner would delete it, one small test each, in English and Korean. The
 * features (features.ts) weigh them; these only say whether the sign is there.
 */

// First person and talk to the reader: a story or a pointer, not a fact to recall. So is the writer's plan ("패킷을
// 추적해보려고 한다", "… 서비스 해보도록 하겠습니다", "I'm going to try"), and their search for help (구글링); a
// component that "tries to" (재시작하려고 한다) is left alone. "I" only with its capital: `grep -i` is no narrator.
const FIRST_PERSON =
  /\b(?:I|I'm|I've|I'd)\b|\b(?:[Mm]y|[Mm]e|[Ww]e|[Ww]e'll|[Ww]e've|[Ww]e're|[Oo]ur|[Ll]et's|[Ll]et us)\b/;
const NARRATION_EN =
  /\b(?:this|the) (?:post|article|guide|blog|lab|tutorial|section|chapter|page)\b|\b(?:below|above)\b|\byou(?:'ll| will| should(?: have| see)?| already| now)\b|\b(?:see|shown|listed|described) (?:below|above)\b|\b(?:as follows|the following|as you can see|you(?:'ll| will| should| can) (?:see|notice|get|find))\b|^(?:now|next|then|first|finally|so|ok|okay),?\s|\byour \w+(?: \w+)? (?:should|will) (?:be|now|see|show)\b|\bas (?:you may have noticed|you (?:may |might )?know|mentioned (?:before|earlier|above))\b|\b(?:the )?(?:official |offical )?(?:documentation|docs?) (?:says|said|states)\b|\b(?:not (?:be )?covered here|(?:won't|will not) (?:be )?cover(?:ed)?|out of (?:the )?scope of this|(?:CKA|CKAD|CKS|exam) out of scope|out of (?:the )?scope (?:of|for) (?:the )?(?:CKA|CKAD|CKS|exam))\b/i;
const NARRATION_KO =
  /예를 들|예시로|예로 들|이 글|본 글|이번 (?:글|포스트|시간|장)|정리(?:해|하였|했|한다|합니다)|살펴[보봅본볼]|알아[보봅본볼]|보겠|보도록\s?하겠|해보자|해 보자|봅시다|합시다|하자\b|아래(?:와|의|처럼|에서|를|는)|아래\s(?:사항|내용|명령|코드|그림|표|예시|예제|결과|출력|항목|설정|방법|과정|단계|링크|중|두|세)|다음과 같|위(?:와|의|에서|처럼)\s|앞서|알 수 있듯이|공식 ?문서에 따르면|(?:여기서는|이 글에서는) ?다루지 않|보시다시피|보다시피|필자|저는|나는|우리는|확인해 ?보|구글링|실습|강의|공부한|시험 ?범위|(?:^|\s)(?:내가|내게|나에게|제가|저에게|저희는|저희가|우리가|나의|저의)(?=\s|$)|(?:보|정리하|설명하|소개하|다루)려고\s?(?:한다|합니다|해요|함)(?:[.!]|$)/;

export function isNarration(text: string): boolean {
  return FIRST_PERSON.test(text) || NARRATION_EN.test(text) || NARRATION_KO.test(text);
}

// A question that asks nothing the note answers: "Why?", "What happens?", "어떻게 될까?".
const RHETORICAL = /^(?:why|how|what|really|right|so)\??$|(?:일까|할까|될까|까요)\s*\??$/i;
export function isRhetorical(text: string): boolean {
  return RHETORICAL.test(text.trim());
}

// A hidden part that is a connective, a pronoun phrase or an empty predicate.
const FILLER_EN =
  /^(?:as follows|the following|following|there (?:is|are)|it(?: is)?|this(?: is)?|these(?: are)?|that|which|such as|for example|e\.g\.?|etc\.?|and|or|but|also|then|so|very|really|important|necessary|required|possible|needed|used|use|using|done|do|does|make|makes|made|is|are|was|were|be|been|can|will|should|must|may|need(?:s)?|work(?:s)?|happen(?:s)?|above|below|here|there|same|different|other|another|one|two|both|all|some|many|each|every|first|second|next|last|yes|no|true|false|ok)$/i;
const FILLER_KO =
  /^(?:실행|확인|사용|설정|필요|가능|불가능|생성|이용|진행|적용|정의|구성|처리|동작|작동|수행|지원|제공|연결|접근|통신|추가|삭제|변경|전달)?(?:을|를)?\s?(?:한다|하다|된다|되다|해야 ?한다|할 ?수 ?있다|할 ?수 ?없다|해 ?준다|합니다|됩니다|했다|하였다|하며|하고|해서|하면|이다|입니다|있다|없다|같다|같은|필요하다|가능하다)?$|^(?:반드시|꼭|이러한|그러한|이런|그런|다음과 같은|다음|아래|위|해당|이|그|저|이것|그것|여기|거기)(?:\s.*)?$/;

export function isFiller(hidden: string, ko: boolean): boolean {
  const h = hidden.replace(/[.,:;!?]+$/, '').trim();
  if (!h) return true;
  if (FILLER_EN.test(h)) return true;
  return ko && FILLER_KO.test(h);
}

// The hidden part opens with a pronoun or a pointer: it stands for something the card does not show.
// Determiners count too: "각 서비스", "every node" stand for a thing the card does not name.
const PRONOUN_EN =
  /^(?:it|its|this|that|these|those|they|them|their|he|she|which|one|such|each|every|all|some|any)\b/i;
const PRONOUN_KO =
  /^(?:이는|이것|그것|이러한|그러한|이런|그런|해당|위의|위 |아래|여기|거기|이 |그 |저 |각 |각각의|모든 |어떤 |일부 )/;
export function opensWithPronoun(text: string): boolean {
  const t = text.trim();
  return PRONOUN_EN.test(t) || PRONOUN_KO.test(t);
}

// A sentence that leans on the one before it: "So …", "따라서 …", "그 덕에 …", "This means …".
const LEANS_EN =
  /^(?:so|thus|therefore|hence|this|that|these|those|it|they|then|also|and|but|or|which|here|there)\b/i;
const LEANS_KO =
  /^(?:따라서|그래서|그러므로|그러나|하지만|그런데|그리고|또한|또|즉|결국|이는|이것은|이렇게|그렇게|그 덕에|이 경우|이때|이 때|위와 같이|이처럼|바로|여기서|이제|먼저|이를|이에|이로 인해|이 때문에|이와 같이|그러면|이러면|이럴 때|그|이)\s/;
// "this policy", "the above", "위 예시", "해당 파드": the sentence points at something said before it.
// "using this [...]": the blank itself is the thing said before.
const POINTS_BACK_EN = /\b(?:this|these|those|the above|the previous|the same|such)\s+(?:[a-z]|\[\.\.\.\])/i;
// "한가지 더 주목해야 하는 설정": one more of something the sentences before listed.
const POINTS_BACK_KO =
  /(?:^|\s)(?:위|위의|앞의|앞서|해당|이러한|그러한|이런|그런)\s(?:[가-힣A-Za-z]|\[\.\.\.\])|한\s?가지\s?더/;
// "[...] 에 로직을 넣을 수는 없기 때문이다": a Korean sentence that ends on "because" gives the reason for the one
// before it, which it does not say.
const GIVES_A_REASON_KO = /때문(?:이다|입니다|이에요|이죠|임)?[.!]?$/;
export function leansOnPrevious(text: string): boolean {
  const t = text.trim();
  return (
    LEANS_EN.test(t) ||
    LEANS_KO.test(t) ||
    POINTS_BACK_EN.test(t) ||
    POINTS_BACK_KO.test(t) ||
    GIVES_A_REASON_KO.test(t)
  );
}

// "ex. …", "e.g. …", "Say a Flask application …", "예) …", "예를 들어 …": a line that says it tells an example speaks
// of that example, not of Kubernetes ("An example of the [...] Service." under a picture is its caption). One pattern
// for the selection (a blank in such a line, a definition that is an example) and for a heading's first line.
const TELLS_AN_EXAMPLE =
  /^[*_\s]*(?:ex\b[.):]?|e\.g\.|eg\.|for example|for instance|say,?\s(?:an?|we|you)\s|(?:an?\s)?examples?\s(?:of|for)\b|example:|예\)|예:|예시|예를 들어|예로)/i;
export const tellsAnExample = (text: string): boolean => TELLS_AN_EXAMPLE.test(text);

/**
 * "If you change the `type` from [...] to `LoadBalancer`", "Change service type from `ClusterIP` to [...]",
 * "type을 ClusterIP에서 [...]로 변경": a blank at one end of a change asks which value the writer was moving from or
 * to, and any other value of the field would do as well. Only the words around the blank are read, with bounded
 * runs, so a long line costs what a short one does.
 */
const CHANGES_A_VALUE_EN =
  /\b(?:change|changes|changed|changing|switch|switches|switched|convert|converted|migrate|migrated|move|moved|patch|patched|edit|edited)\b/i;
const FROM_BEFORE_GAP = /\bfrom\s+\S{0,20}$/i;
const TO_AFTER_GAP = /^\S{0,20}\s+to\b/i;
const FROM_X_TO_BEFORE_GAP = /\bfrom\s+\S{1,40}\s+to\s+\S{0,20}$/i;
const KO_CHANGE = '(?:으로|로)\\s*(?:변경|바꾸|바꿔|바뀌|전환)';
const KO_FROM_GAP = new RegExp(`^\\S{0,20}에서\\s*\\S{1,30}?${KO_CHANGE}`);
const KO_FROM_BEFORE_GAP = /\S에서\s*\S{0,20}$/;
const KO_TO_GAP = new RegExp(`^\\S{0,20}?${KO_CHANGE}`);
export function asksOneEndOfAChange(prompt: string): boolean {
  const at = prompt.indexOf('[...]');
  if (at < 0) return false;
  const before = prompt.slice(Math.max(0, at - 120), at);
  const after = prompt.slice(at + 5, at + 80);
  const en =
    CHANGES_A_VALUE_EN.test(prompt.slice(0, at)) &&
    ((FROM_BEFORE_GAP.test(before) && TO_AFTER_GAP.test(after)) || FROM_X_TO_BEFORE_GAP.test(before));
  const ko = KO_FROM_GAP.test(after) || (KO_FROM_BEFORE_GAP.test(before) && KO_TO_GAP.test(after));
  return en || ko;
}

// Connectives that cannot open or close a phrase a learner recalls.
const CUT_OPEN = /^(?:혹은|또는|그리고|및|하지만|and|or|but|nor|with|of|to|for|in|on|at|by|from|as|than)\s/i;
// An article opens a whole noun phrase where the sentence expects one: after a copula ("may be either [a
// numerical or named port]") or as the main clause after a condition. Elsewhere it opens a piece of one.
const ARTICLE_OPEN = /^(?:the|a|an)\s/i;
const NOUN_PHRASE_SLOT = /\b(?:is|are|was|were|be|either|becomes|means|called|named)\s*$/i;
const CUT_CLOSE = /(?:[,、]|\s(?:and|or|of|to|the|a|an|for|with|in|on|by|as|than|및|혹은|또는|그리고))$/i;
// What may follow a gap in Korean without cutting a word: a particle, a copula, or a counter ("번", "개", "포트").
// Not vocab.ts's particle list: that one strips a particle off a word's end; this reads the text after a gap.
const KO_PARTICLE_AFTER =
  /^(?:에서는|에서도|에서|에게|으로는|으로|로는|로|에는|에도|에|와는|과는|와|과|은|는|이|가|을|를|의|도|만|이다|입니다|이며|이고|라는|이라는|라고|란|이란|처럼|보다|까지|부터|번|개|포트)(?=$|[\s.,:;!?)\]])/;

/**
 * The gap cuts a phrase: it opens or closes on a connective, a parenthesis is left open, or the text glued to the
 * gap is half a word (`[...]주소를` hides `IP` out of `IP주소`), not a particle.
 */
export function cutsPhrase(prompt: string, hidden: string): boolean {
  const h = hidden.trim();
  if (CUT_OPEN.test(h) || CUT_CLOSE.test(h)) return true;
  if (ARTICLE_OPEN.test(h)) {
    const before = prompt.slice(0, Math.max(0, prompt.indexOf('[...]')));
    if (!NOUN_PHRASE_SLOT.test(before) && !followsCondition(before)) return true;
  }
  if (count(h, '(') !== count(h, ')') || count(h, '`') % 2 === 1) return true;
  const at = prompt.indexOf('[...]');
  if (at < 0) return false;
  const after = prompt.slice(at + 5);
  const before = prompt.slice(0, at);
  if (/^[\uac00-\ud7a3]/.test(after) && !KO_PARTICLE_AFTER.test(after)) return true;
  if (/[\uac00-\ud7a3A-Za-z0-9]$/.test(before)) return true;
  return false;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** The gap is one item of a list the prompt shows the rest of (`errors, log, [...], kubernetes`): any item would do. */
export function isListMember(prompt: string): boolean {
  const at = prompt.indexOf('[...]');
  if (at < 0) return false;
  // Only the text around the gap can make it a list item; reading just that keeps the test linear.
  const before = prompt.slice(Math.max(0, at - 90), at);
  const after = prompt.slice(at + 5, at + 25);
  return (
    (/[^,\s][^,]{0,40},\s*$/.test(before) && /^\s*(?:,|및|and|or|등)/.test(after)) ||
    (/(?:,|및|and)\s*$/.test(before) && /^\s*(?:등|etc|\.{3}|…)/.test(after)) ||
    /\S,\s*\S[^,]{0,40},\s*$/.test(before) ||
    // "서비스 타입에는 [...], LoadBalancer 등": the first of a list that says it goes on.
    // Korean writers also glue 등 to the last item ("[...], L2 Routing등 기술을"); 등록 or 등장 is no "etc.", glued
    // or not ("[...], 서비스 등록을").
    /^\s*,\s*[^,.]{1,40}?(?:\s?등(?:[을를이가의은는에과와도]|으로)?(?![가-힣])|\s(?:etc\.?|…))/.test(after) ||
    // "Overlay Network 서비스([...], kubenet 등)": the first of a list in parentheses.
    (/[(（]\s*$/.test(before) && /^\s*,[^()（）]{0,50}[)）]/.test(prompt.slice(at + 5, at + 60))) ||
    // "서비스([...] 등)에 할당되는": one example of a kind, said in parentheses to stand for the rest.
    (/[(（]\s*$/.test(before) && /^\s*(?:등|etc\.?|…)\s*[)）]/.test(after))
  );
}

/** Pasted command output: padded columns, `Key:    value` rows, a `NAME  READY` header, a shell prompt. */
export function looksLikeOutput(text: string): boolean {
  const lines = text.split('\n');
  let padded = 0;
  for (const l of lines) {
    if (/\S {3,}\S/.test(l.trim()) && !/^\s*#/.test(l)) padded++;
  }
  if (padded >= 1 && padded * 2 >= lines.length) return true;
  return (
    /^\s*(?:NAME|READY|STATUS|Chain \w+|target\s+prot)\b/m.test(text) ||
    /^[\w.-]+@[\w.-]+:[^\n]*[#$]\s/m.test(text)
  );
}

/** Raw HTML, image or link syntax, blog-engine remnants: markup the learner never wrote as a fact. */
export function hasMarkup(text: string): boolean {
  return (
    /<\/?(?:details|summary|br|img|a|p|div|span|pre|code|b|i|u|strong|em|sup|sub|table|tr|td|th|ul|ol|li|h[1-6]|hr|font|center|kbd|figure|iframe)\b[^>]*>/i.test(
      text,
    ) || /!\[[^\]]*\]|\]\([^)]*\)|\{:\s|\{%|\{\{[<%]|^```/m.test(text)
  );
}

// Titles that name a part of a note, not a subject: asked alone, their answer could be anything.
const GENERIC_TITLE =
  /^(?:expected|expected output|input|output|before|after|result|scenario|examples?|explanation|notes?|tips?|recall|remember|reminder|important|warning|caution|takeaways?|key points?|summary|overview|steps?|tasks?|clean ?up|set ?up|results?|output|solution|answers?|questions?|options?|two options|methods?|approach|usage|syntax|commands?|how ?to|details?|misc|reference|references|see also|try it out|more|read more|further reading|links?|sources?|credits?|image source|keywords?|tags?|date|updated|author|ex|e\.g\.?|eg|example \d+|(?:path|step|case|option|scenario|method|way|part|section|question|problem|task|exercise) ?\d+|default|defaults|problem|issue|fix|verify|verification|check|test|testing|demo|lab|practice|exercise|예시|예제|결과|정리|요약|방법|참고|주의|기억|복습|팁|핵심|실습|과제|문제|풀이|해설|명령어|출력|개요|결론|확인|테스트|출처|이미지 출처|사진 출처|그림 출처|키워드|태그|날짜|작성일|작성자|링크|작업 ?\d+|\d+번(?: ?~ ?\d+번)?|과제 ?\d+|미션 ?\d+|mission ?\d+|lab ?\d+|방법 ?\d+|단계 ?\d*|\d+단계|예시 ?\d+|문제 ?\d+|실습 ?\d+)$/i;
export function isGenericTitle(text: string): boolean {
  const t = text
    .replace(/[*_`#:：]/g, '')
    // "✅ STEP 5", "📌 참고": a mark before the label decorates it.
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/^\d+[.)]\s*/, '')
    .trim();
  return t.length === 0 || GENERIC_TITLE.test(t) || /^[\d\s.)(-]+$/.test(t);
}

// An exercise step or an instruction: "Create a pod…", "Verify…", "~하세요".
const IMPERATIVE_EN =
  /^(?:create|expose|run|label|deploy|apply|delete|check|verify|make|add|use|set|write|configure|open|go|try|install|edit|test|get|list|find|ensure|update|change|remove|start|stop|connect|curl|exec|scale|wait|copy|save|clone|type|enter|navigate|click|read|look|see|view|inspect|observe)\b/i;
// Korean task lists end on a nominalised verb: "포트 찾기", "확인하기", "만들기".
const IMPERATIVE_KO =
  /(?:하세요|하시오|하십시오|해라|할 것|해 주세요|해주세요|[가-힣]기|하자|합시다|해보자)[.!]?$/;
export function isInstruction(text: string): boolean {
  const t = text
    .trim()
    .replace(/^(?:[a-z][.)]\s+)?/i, '')
    .replace(/^[-*\d.)\s]+/, '');
  return IMPERATIVE_EN.test(t) || IMPERATIVE_KO.test(t);
}

// A term is a name: a phrase that opens with a preposition, a quantifier, a time qualifier or a verb ("On Host",
// "By URL", "Each Node", "Only applicable with", "Post k8s@1.12", "Created as") is a piece of a sentence, and so is
// one that ends on a colon or a connective.
const NOT_A_TERM_EN =
  /^(?:on|in|by|for|as|at|to|from|with|within|without|via|into|onto|of|if|when|where|why|how|what|which|who|only|each|every|pre|post|since|until|created|used|called|made|done|see|also|or|and|but|then|this|that|these|those|it|they)\b|\b(?:as|to|of|for|with|by|on|in|at|from|into|via|the|a|an|and|or)$|[:：,(]$/i;
const NOT_A_TERM_KO = /(?:에서|에게|으로|로|에|와|과|하고|하며|하면|해서|이고|이며|지만)$/;
/**
 * A line that opens on a condition, a connective or a pointer ("If you have trouble …", "OR your old cluster
 * name", "For this you don't need …", "This is optional since …") goes on from the sentence before it: it says
 * nothing that a command or a list could answer. "To create a pod" states a purpose, and stays.
 */
const OPENS_MID_SENTENCE_EN =
  /^(?:if|unless|or|and|but|so|then|also|otherwise|for|this|that|these|those|it|they|only)\b/i;
const OPENS_MID_SENTENCE_KO =
  /^(?:그리고|그래서|그러면|그런데|하지만|또는|또한|따라서|그러나|이때|이 경우|만약)(?:\s|,|$)/;
export function opensMidSentence(line: string): boolean {
  const t = line.replace(/^[\s#>*_`-]+/, '').trim();
  return !/[?？]$/.test(t) && (OPENS_MID_SENTENCE_EN.test(t) || OPENS_MID_SENTENCE_KO.test(t));
}

export function isSentencePiece(prompt: string): boolean {
  const t = prompt.replace(/[*_`]/g, '').trim();
  return NOT_A_TERM_EN.test(t) || NOT_A_TERM_KO.test(t);
}

/** An emphasis or code mark left open: the text was cut through `**bold**` or a code span. */
export function hasOpenMark(text: string): boolean {
  // `KUBE-SVC-*`, `*.example.com`: a wildcard, not emphasis.
  const t = text.replace(/(?<=[\w-])\*(?![\w*])|(?<![\w*])\*(?=\.)/g, '');
  let stars = 0;
  for (const run of t.match(/\*+/g) ?? []) stars += run.length;
  const quotes = (t.match(/[“「『]/g)?.length ?? 0) - (t.match(/[”」』]/g)?.length ?? 0);
  return (
    stars % 2 === 1 ||
    (t.match(/\*\*/g)?.length ?? 0) % 2 === 1 ||
    (t.match(/`/g)?.length ?? 0) % 2 === 1 ||
    quotes !== 0
  );
}

/** The gap opens right after a comma: it hides the rest of a list or the next clause, not a phrase of its own. */
export function gapAfterComma(prompt: string): boolean {
  const at = prompt.indexOf('[...]');
  return /[,，、]\s*\[\.\.\.\]/.test(prompt) && !followsCondition(prompt.slice(0, Math.max(0, at)));
}

const CONDITION_EN = /^(?:if|when|unless|once|whenever|by default|without)\b[^,]{2,120},\s*$/i;
const CONDITION_KO = /(?:면|경우|경우에는|때|때는|없으면|않으면)\s*[,，]?\s*$/;

/**
 * "If you leave out the ports, [the rule applies to all of them]", "포트를 적지 않으면 [모든 포트에 적용된다]": the
 * text before the gap is a condition, and the gap is what follows from it, a whole clause.
 */
export function followsCondition(before: string): boolean {
  return CONDITION_EN.test(before.trimStart()) || CONDITION_KO.test(before);
}

/** A piece of text that stops mid-sentence: on a connective, a preposition, an open parenthesis, or a trailing "…". */
export function endsOpen(text: string): boolean {
  const t = text.replace(/[*_`]/g, '').trim();
  // Prepositions are left out: English strands them ("the port it listens on"), and Korean particles are syllables.
  return (
    /(?:\.\.\.|…)$/.test(t) ||
    /\b(?:the|a|an|and|or)$|[:：,(]$/i.test(t) ||
    /(?:^|\s)(?:및|하고|하며|그리고|또는|혹은)$/.test(t)
  );
}

/**
 * "… 등을 알고 관리하는데", "… 정보를 얻어와 보관함으로써": a Korean sentence that stops on a connective ending glued
 * to its verb (…는데, …하며, …함으로써, …지만) goes on in text the card does not show.
 */
const BREAKS_OFF_KO =
  /[가-힣](?:는데|인데|한데|으며|하며|이며|되며|하고|되고|면서|지만|함으로써|므로|니까)[,]?$/;
// "… the Service forwards the packet, and", "… works because": an English sentence that stops on its conjunction.
const BREAKS_OFF_EN = /(?:,\s*|\s)(?:and|but|because|while|whereas|which|so that)$/i;
export const breaksOff = (text: string): boolean => {
  const t = text.replace(/[*_`]/g, '').trim();
  return BREAKS_OFF_KO.test(t) || BREAKS_OFF_EN.test(t);
};

/** An editor, pager or screen command: `vi ingress.yaml` is how the writer worked, not a fact. */
export function isEditorCommand(text: string): boolean {
  return /^(?:\$\s+)?(?:vi|vim|nano|emacs|code|less|more|clear|cls|cd|ls|history)(?:\s|$)/.test(text.trim());
}

// The gap is what something is not: "is `HTTP`, not [...]", "[...]가 아니라" — anything else would fit.
export function gapIsNegated(prompt: string): boolean {
  return /\bnot\s+(?:a |an |the )?\[\.\.\.\]|아닌\s*\[\.\.\.\]|\[\.\.\.\]\s*(?:이|가)?\s*아니/.test(prompt);
}

// An opinion or a guess: "very flexible", "super easy", "best in class", "매우 편리하다", "흐름을 알기 어렵다",
// "… 지정하게끔 해주는 것 같다" (the writer is not sure, so neither is the card).
const OPINION =
  /\b(?:very|really|super|best|great|awesome|powerful|flexible|nice|cool|amazing|favorite|favourite|hard to|difficult to)\b|매우|아주|정말|굉장히|편리|(?:알기|이해하기|찾기)\s*(?:어렵|쉽|힘들)|(?:것|거)\s?같다[.!]?$|듯\s?하다[.!]?$/i;
export function isOpinion(text: string): boolean {
  return OPINION.test(text);
}

/** How much a prompt says, in Hangul syllables and Latin words (a Latin word weighs two syllables). */
export function promptWeight(text: string): number {
  const hangul = text.match(/[\uac00-\ud7a3]/g)?.length ?? 0;
  const latin = text.match(/[A-Za-z0-9][\w./:-]*/g)?.length ?? 0;
  return hangul + 2 * latin;
}

// A remark beside a command, not what it does: "OR your old cluster name", "if you have trouble…", "do not try…",
// "P.S. …" (but `ps -fC kubelet` is the command that lists processes).
const SIDE_REMARK =
  /^(?:#\s*)?(?:(?:or|and|but|if|unless|otherwise|do not|don't|never|try|see|note|also|btw)\b|e\.g\.|p\.s\.|ps:)|\b(?:will not work|won't work|works as well|should (?:not )?work|does(?:n't| not) work)\b|^(?:the|it|this|your|my)\b.*\b(?:isn't|is not|aren't|doesn't|not ready|fails?|failed)\b/i;
export function isSideRemark(text: string): boolean {
  return SIDE_REMARK.test(text.trim());
}

/** "Address Resolution Protocol → ARP": the answer is the initials of the prompt. */
export function isInitialsOf(answer: string, prompt: string): boolean {
  if (answer.length > 12 || prompt.length > 80) return false;
  const a = answer.replace(/[`*\s.]/g, '');
  const words = prompt
    .replace(/[`*()]/g, ' ')
    .split(/[\s-]+/)
    .filter((w) => /^[A-Za-z]/.test(w));
  if (a.length < 2 || a.length > 8 || !/^[A-Za-z0-9]+$/.test(a) || words.length < 2) return false;
  return (
    words
      .map((w) => w[0])
      .join('')
      .toLowerCase() === a.toLowerCase()
  );
}

// Steps of one walk-through: "배포 확인", "iptables 확인", "deploy the sample".
const TASK_ITEM_KO = /(?:확인|배포|설치|생성|실행|설정|삭제|적용|테스트|접속)(?:하기|한다|함)?\.?$/;
export function isTaskItem(item: string): boolean {
  const t = item.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
  return isInstruction(t) || TASK_ITEM_KO.test(t.trim());
}

/** Lines of a config file or of what a command printed: `nameserver 10.96.0.10`, `options ndots:5`, `key=value`. */
export function looksLikeData(lines: string[]): boolean {
  if (lines.length === 0 || lines.some((l) => hasHangul(l))) return false;
  return lines.every((l) => /^\s*[\w.-]+(?:\s*[:=]\s*|\s+)\S*[\d.:/]\S*/.test(l));
}
