import { confirmedValue } from '../../facts/confirmed-value.ts';
import { hasHangul } from '../scan.ts';
import { balanced } from '../sentence-cloze.ts';
import type { CardView } from './card-view.ts';
import {
  asksOneEndOfAChange,
  breaksOff,
  cutsPhrase,
  endsOpen,
  gapAfterComma,
  gapIsNegated,
  hasMarkup,
  hasOpenMark,
  isEditorCommand,
  isFiller,
  isGenericTitle,
  isInitialsOf,
  isInstruction,
  isListMember,
  isNarration,
  isOpinion,
  isRhetorical,
  isSentencePiece,
  isSideRemark,
  isTaskItem,
  leansOnPrevious,
  looksLikeData,
  looksLikeOutput,
  opensMidSentence,
  opensWithPronoun,
  promptWeight,
  tellsAnExample,
} from './text-signs.ts';
import {
  isCommandLine,
  isEnumValue,
  isEverydayAcronym,
  isEverydayWord,
  isExampleValue,
  isFieldName,
  isIptablesName,
  isKindName,
  isMeaningfulValue,
  isOutdatedApiVersion,
  isTermToken,
  koResourceWords,
  koreanNameOfResource,
  koreanSpellings,
  kubectlResource,
  kubectlShortNames,
  resourceOfKoreanName,
  stripParticle,
  termHits,
  tokens,
} from './vocab.ts';

/**
 * The features a candidate card is scored on. Each is one sentence of the rubric (../../../docs/quality) turned
 * into a test: a card gains for hiding what a learner must recall, and loses for every way judges threw cards
 * away (ambiguous, filler, fragment, too-long, not-a-fact, trivial). The score is the rule's prior plus the
 * weights of the features that hold.
 */
export type Feature = { name: string; weight: number; holds: (v: CardView) => boolean };

/** Words of an answer a learner can still recall in one go; past this a cloze answer is prose. */
export const SHORT_ANSWER_WORDS = 8;
const PARAGRAPH_WORDS = 25;
// A definition recalled in one go. Judges kept half of those of 13–16 words and trimmed most longer ones (EDIT,
// 1 in 7 kept), so a longer one earns no bonus as a definition, though it may still be a card for what else it is.
const DEFINITION_WORDS = 16;
// Words of a list item a learner recalls as one thing (a name, a value, a short phrase).
const ITEM_WORDS = 3;
/** Words of a list item on average, its bullet not counted. */
const wordsPerItem = (v: CardView) => (v.answerWords - v.answerLines.length) / v.answerLines.length;
// What a title asks for: a question, the parts or kinds of something, or the steps of a task ("Connect two
// namespaces through a bridge").
const TITLE_ASKS =
  /^(?:what|which|how|why|when|where|ways?|steps?|places?|flags?|objects?|other|reasons?|things?|differences?|shortcomings|chains|fields|remove|connect|create|install|set up|configure|expose|delete|debug|troubleshoot|check|find|add|enable|migrate|upgrade)\b|\b(?:parts|roles|kinds|types|steps|fields|flags|operations|stages)\b|[?？]$|(?:방법|이유|단계|순서|차이|하는 ?일|역할|종류|조건|특징|장점|단점|한계)\s*\)?$/i;

// A word of the term that carries its particle ("서비스로의", "요청을"), or a term that ends on an action ("… 확인",
// "… 처리", "보냄"): a phrase about something, not the name of it.
const KO_PHRASE_TERM =
  /[\uac00-\ud7a3](?:가|를|을|로|으로|에서|에게|의|와|과|는|은|에|로의|에서의|으로의)(?:\s|$)|(?:다|함|됨|냄|처리|확인|요청|생성|제공|사용|설정)$/;

// "그림과 같이 …", "as shown in the diagram": the sentence says what the picture shows, not the fact itself.
const FIGURE =
  /\[(?:figure|fig\.?|그림|shell|table|표)\s*\d+\]|\b(?:figure|fig\.)\s*\d+|그림\s*\d+|(?:위|아래|다음)의?\s*그림|그림(?:과|에서와?)\s*(?:같이|보듯이?|처럼)|그림처럼|\bas (?:shown|seen) in the (?:figure|diagram|picture|image)\b/i;
// Most cards name no figure: a plain search for the words first keeps the full pattern off them.
const pointsAtAFigure = (text: string) =>
  (text.includes('그림') || /fig|diagram|picture|image|\[(?:shell|table|표)/i.test(text)) &&
  FIGURE.test(text);

/** A Korean clause that ends saying what can be, is there, or is needed: 가능, 존재, 있다, 없음, 필요, 된다, 않는다. */
const KO_STATE_ENDING =
  /(?:^|\s|[\uac00-\ud7a3])(?:가능|불가능?|존재|있음|있다|없음|없다|필요|됨|된다|않음|않는다|않다)(?:함|하다|한다|합니다)?[.!]?$/;

/** Rules whose card is a term and its definition, either way round. */
const DEFINITION_RULES = new Set(['term-definition', 'heading-definition', 'definition-reverse']);
const definesATerm = (v: CardView) => DEFINITION_RULES.has(v.card.rule);

/**
 * The two sides of a term card, whichever way it asks: the term (`ClusterIP`) and what the note says of it. A
 * definition asked back (`definition-reverse`) hides the term and shows the definition; every other card shows its
 * term, or prompt, and hides the rest.
 */
const termSide = (v: CardView) => (v.card.rule === 'definition-reverse' ? v.hidden : v.shown);
const definitionSide = (v: CardView) => (v.card.rule === 'definition-reverse' ? v.shown : v.hidden);

const isList = (v: CardView) =>
  memo(
    v,
    'list',
    () => v.answerLines.length >= 2 && v.answerLines.every((l) => /^\s*(?:[-*+]|\d+[.)])\s/.test(l)),
  );
/**
 * "- **로컬** → NGINX", "- RBAC: `k explain …`": an item that pairs a short head (up to five words) with what goes
 * with it. The words are read one way only, each after one space: a pattern that could also split a long word
 * into "words" tried every split, and a list of 200-character digests held an import for seconds.
 */
const isPairItem = (line: string) =>
  /^\s*(?:[-*+]|\d+[.)])\s+[^\s:→]+(?:\s[^\s:→]+){0,4}?(?:\s(?:→|->|=>)\s|\s?:\s)\S/.test(
    line.replace(/[*`]/g, ''),
  );
/**
 * Every value the line names (an address, a port, a generated chain name) is one the command uses: the line says
 * what to run. "… 목적지를 172.20.247.136로 변경하며 …" over `iptables -L KUBE-SERVICES` describes its output.
 */
function valuesGoIntoTheCommand(v: CardView): boolean {
  const command = v.hidden.toLowerCase();
  const values = v.shown.match(/[\w.:/-]*\d[\w.:/-]*/g) ?? [];
  return values.every((value) => command.includes(value.replace(/[.:]+$/, '').toLowerCase()));
}

const GAP_BEFORE_GENERIC_VERB =
  /\[\.\.\.\]\s?(?:을|를)?\s?(?:제공|지원|사용|수행|구현)(?:한다|합니다)\.?$|\[\.\.\.\]\s?(?:을|를)?\s?(?:갖는다|가진다)\.?$|\b(?:provides?|supports?|offers?|uses?|has|have)\s(?:an?\s|the\s)?\[\.\.\.\]\.?$/i;

/** A file named from the writer's own folder (`etc/kind-config.yaml`, `./values.yaml`), not from the root. */
const PROJECT_FILE =
  /^[`*]*(?:\.{1,2}\/)?[\w.-]+(?:\/[\w.-]+)*\.(?:ya?ml|json|sh|txt|conf|toml|env|ini|cfg)[`*]*$/;

const GAP_FOR_A_ROLE =
  /\[\.\.\.\]\s?(?:의\s?)?역할|일종의\s?\[\.\.\.\]|\b(?:acts?|serves?|works?|functions?)\sas\s(?:an?\s|the\s)?\[\.\.\.\]/i;

/** The words of a comment or an intro line, without its comment marks and dashes. */
const purposeWords = (v: CardView) =>
  v.shown
    .replace(/^(?:#|\/\/)\s*/, '')
    .split(' ')
    .filter((w) => LETTER_OR_DIGIT.test(w)).length;
const isCode = (v: CardView) =>
  memo(
    v,
    'code',
    () =>
      v.answerLines.length > 0 &&
      v.answerLines.every((l) => {
        const t = l.replace(/`/g, '');
        return isCommandLine(t) || /^\s*(?:#|--?[a-z])/.test(t);
      }),
  );
/** The answer when it is one command line (`kubectl expose …`, `ip link add …`), else null. */
const commandAnswer = (v: CardView): string | null =>
  !v.isCloze && v.answerLines.length === 1 && isCommandLine(v.answerLines[0]!) ? v.answerLines[0]! : null;

/** The command a code-comment or code-intro card asks for, when it is one line; else null. */
const codeCommand = (v: CardView): string | null =>
  v.card.rule === 'code-comment' || v.card.rule === 'code-intro' ? commandAnswer(v) : null;

/** A code span holding a command line (`k explain pod`, `ip route`), not a name or a value. */
function hasCommandSpan(text: string): boolean {
  return [...text.matchAll(/`([^`]+)`/g)].some((m) => isCommandLine(m[1]!));
}

// `get` is what any question about a resource asks for; it adds nothing to recall.
const GIVEN_VERBS = new Set(['get']);

/** A bare `kubectl VERB RESOURCE [NAME]` whose every word is in the prompt. */
function commandSpelledOut(command: string, prompt: string): boolean {
  const words = command.trim().split(/\s+/);
  if (!/^(?:kubectl|k)$/.test(words[0]!) || words.length > 4) return false;
  const rest = words.slice(1);
  if (rest.some((w) => w.startsWith('-') || /[<>{}$|=]/.test(w))) return false;
  const said = prompt.toLowerCase().replace(/[`*]/g, '');
  const squeezed = said.replace(/\s+/g, '');
  return rest.every((w) => {
    if (GIVEN_VERBS.has(w)) return true;
    const resource = kubectlResource(w);
    const stem = resource.replace(/(?:es|s)$/, '');
    return (
      said.includes(w.toLowerCase()) ||
      squeezed.includes(stem) ||
      koResourceWords(resource).some((k) => said.includes(k))
    );
  });
}

/**
 * One to three ordinary English words: none a term, an acronym or a letter naming something ("A record"). A lone
 * word may be a field ("ports"); among other words "from" or "to" is just a word ("Copy from docs").
 */
function isPlainWords(shown: string): boolean {
  if (!/^[A-Za-z]+(?:[ /][A-Za-z]+){0,2}$/.test(shown)) return false;
  const words = shown.split(/[ /]/);
  return words.every(
    (w) =>
      !isTermToken(w) &&
      !(words.length === 1 && isFieldName(w)) &&
      !/^[A-Z]{1,5}s?$/.test(w) &&
      !/[a-z][A-Z]/.test(w),
  );
}

/** Rules whose prompt is a line of the writer's prose: a comment, the line before a block, a list's title. */
const PROSE_PROMPT_RULES = new Set(['code-comment', 'code-intro', 'list', 'question-heading']);
/** Rules whose prompt is a term: a name, not a piece of a sentence. */
const TERM_RULES = new Set([...DEFINITION_RULES, 'abbreviation', 'table', 'option-list']);
/** `targetPort`, `ClusterIP`, `sessionAffinity 옵션`: a camelCase field or a fixed value of one, maybe with its kind word. */
function isApiName(shown: string): boolean {
  const name = shown.replace(/\s*(?:옵션|필드|속성|타입|유형|값|field|option|type|value)$/i, '').trim();
  // A kind (`Ingress`, also a policyTypes value) is asked for what the object is for, a definition of another sort.
  return !isKindName(name) && ((isFieldName(name) && /[a-z][A-Z]/.test(name)) || isEnumValue(name));
}

const isManifestCard = (v: CardView) => v.card.rule === 'manifest' || v.card.rule === 'manifest-field';

/** The hidden text is on show in the prompt or the heading path (Korean has no word gaps: a substring will do). */
const answerVisible = (v: CardView) => memo(v, 'visible', () => findsAnswerShown(v));

// Features ask the same few questions of a card more than once; each is worked out once per card.
function memo<T>(v: CardView, key: string, work: () => T): T {
  if (!(key in v.cache)) v.cache[key] = work();
  return v.cache[key] as T;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;

function findsAnswerShown(v: CardView): boolean {
  const h = v.hidden.toLowerCase();
  if (h.length < 2 || h.length > 80 || isManifestCard(v)) return false;
  const seen = `${v.shown} ${v.context}`.toLowerCase();
  // "[...]는 … 단일 진입점을 부여함" → 서비스 under the heading "1-6 Service": a resource hidden in one language and
  // shown in the other is on show all the same.
  if (hasHangul(h)) return seen.includes(h) || showsWord(seen, resourceOfKoreanName(h) ?? '\u0000');
  return (
    spellingsOf(h, v.hidden).some((s) => showsWord(seen, s)) ||
    seen.includes(koreanNameOfResource(h) ?? '\u0000') ||
    showsMisspelt(seen, h)
  );
}

/**
 * "… 정의되어 있지 않다면 clsuterIP타입이 지정된 걸로 간주한다" over a blank for `clusterIP`: the note writes the answer
 * again with a slip of the keys (two letters swapped, one dropped or doubled), and the learner reads it all the same.
 * Only words of six letters or more, letters alone, so `v0.8.1` is no slip of `v0.9.0`.
 */
function showsMisspelt(seen: string, h: string): boolean {
  if (!/^[a-z]{6,}$/.test(h)) return false;
  for (const [w] of seen.matchAll(/[a-z]{5,}/g)) if (w !== h && isSlipOf(w, h)) return true;
  return false;
}

/**
 * `w` is `h` with two neighbouring letters swapped, or with one letter more or less inside the word: at its end it
 * makes another word (`containerd`, a plural), not a slip.
 */
function isSlipOf(w: string, h: string): boolean {
  if (w.length === h.length) {
    const at = [...w].findIndex((c, i) => c !== h[i]);
    return at >= 0 && w[at] === h[at + 1] && w[at + 1] === h[at] && w.slice(at + 2) === h.slice(at + 2);
  }
  const [long, short] = w.length > h.length ? [w, h] : [h, w];
  if (long.length !== short.length + 1) return false;
  const at = [...short].findIndex((c, i) => c !== long[i]);
  return at >= 0 && long.slice(at + 1) === short.slice(at);
}

/**
 * A component's name as the note may also write it: "kubeproxy Container … [kube-proxy] Image", "apiserver
 * Container … [kube-apiserver] Image". Shown either way, the gap asks nothing. Only the control plane's own short
 * names: "DNS" in a heading does not show `kube-dns`.
 */
function spellingsOf(h: string, raw: string): string[] {
  // "ClusterIP" under the heading "1. Cluster IP", "NodePort" where the line says "node port": a name of the API
  // spelt apart, as writers head their sections.
  if (/^[A-Za-z][a-z]+(?:[A-Z][a-z]*)+$/.test(raw)) {
    const apart = raw.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return [h, apart, apart.replace(/ /g, '-')];
  }
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(h)) return [h];
  const short = /^kube-(apiserver|scheduler|controller-manager)$/.exec(h)?.[1];
  return [h, h.replace(/-/g, ''), ...(short ? [short] : [])];
}

function showsWord(seen: string, h: string): boolean {
  // A whole word: no letter before it; after it, a Korean particle may follow glued (`.:53을`), a Latin letter not.
  for (let at = seen.indexOf(h); at >= 0; at = seen.indexOf(h, at + 1)) {
    const before = seen[at - 1];
    const after = seen[at + h.length];
    if (
      (before === undefined || !LETTER_OR_DIGIT.test(before)) &&
      (after === undefined || !LATIN_OR_DIGIT.test(after))
    )
      return true;
  }
  return false;
}

/** Most of the words of a longer answer are already in the prompt or heading: little is left to recall. */
function answerMostlyVisible(v: CardView): boolean {
  // A command is recalled as syntax, even when the prompt names every word of it.
  if (isManifestCard(v) || isCode(v) || v.answerWords < 2) return false;
  const seen = `${v.shown} ${v.context}`.toLowerCase();
  const words = tokens(v.hidden.toLowerCase())
    .map((w) => w.replace(/[.,:;!?]+$/, ''))
    .filter((w) => w.length >= 2);
  if (words.length < 2) return false;
  const shownCount = words.filter((w) => seen.includes(stripParticle(w))).length;
  return shownCount / words.length >= 0.75;
}

// kubectl's first word after the verb is a resource type; a bare word after that is a name the example chose.
const KUBECTL_NAME =
  /^(?:kubectl|k)\s+(?:get|describe|delete|edit|expose|logs|exec|port-forward|label|annotate|scale)\s+(?:[a-z.]+\/)?[a-z.]+\s+([a-z0-9][a-z0-9.-]*)(?=\s|$)/i;

/** `curl …`, `wget -O- …`, `nslookup …`, also run inside a Pod (`kubectl exec test -- curl …`). */
const PROBE =
  /^\s*(?:\$\s*)?(?:(?:kubectl|k)\s+exec\s+.*?--\s*)?(?:curl|wget|nslookup|dig|ping|nc|telnet)(?:\s|$)/;

/** `kubectl exec web-0 -- …`, `k logs apache`: the Pod a command acts on is its first word after the verb. */
const KUBECTL_POD =
  /^(?:kubectl|k)\s+(?:exec|logs|port-forward|attach|cp)\s+(?:-{1,2}[\w-]+(?:=\S+)?\s+)*([a-z0-9][a-z0-9.-]*)(?=\s|$)/i;
/**
 * `-n ckad`, `--namespace=payroll`: a namespace made for the example. The cluster's own ones and an add-on's
 * (`metallb-system`, `calico-system`) are facts.
 */
const NAMESPACE_FLAG = /\s(?:-n|--namespace)[=\s]+([a-z0-9][a-z0-9-]*)/gi;
const CLUSTER_NAMESPACES = new Set(['kube-system', 'default', 'kube-public', 'kube-node-lease']);

/** The names a kubectl line gives the objects it acts on (a resource, a Pod, a namespace). */
function namesInKubectl(line: string): string[] {
  const t = line.trim();
  const names = [KUBECTL_NAME.exec(t)?.[1], KUBECTL_POD.exec(t)?.[1]];
  for (const m of t.matchAll(NAMESPACE_FLAG)) {
    const ns = m[1]!.toLowerCase();
    if (!CLUSTER_NAMESPACES.has(ns) && !ns.endsWith('-system')) names.push(ns);
  }
  return names.filter((n): n is string => n !== undefined);
}

/** The words of a command chosen for one example (`nginx-demo`, `8000:80`) that the prompt never gives. */
function unseenExampleTokens(v: CardView): number {
  const seen = `${v.shown} ${v.context}`.toLowerCase();
  let n = 0;
  for (const l of v.answerLines.slice(0, 3)) {
    for (const name of new Set(namesInKubectl(l)))
      if (!seen.includes(name.toLowerCase()) && !isTermToken(name)) n++;
    for (const t of tokens(l.replace(/^\s*\$\s+/, ''))) {
      const bare = t
        .replace(/^--?[\w-]+=/, '')
        .replace(/[.,;]+$/, '')
        .replace(/\/\d{1,2}$/, '');
      if (/^[<{$[]|^[A-Z_]{3,}$/.test(bare)) continue;
      if (isExampleValue(bare) && !seen.includes(bare.toLowerCase())) n++;
    }
  }
  return n;
}

const hidesTerm = (v: CardView) => v.answerWords <= 6 && memo(v, 'termHits', () => termHits(v.hidden)) > 0;

/** A one-word prompt is in its own short answer (`LoadBalancer → provides loadbalancer to app`). */
function repeatsPrompt(v: CardView): boolean {
  const words = tokens(v.shown.toLowerCase());
  if (words.length !== 1 || words[0]!.length < 4 || v.answerLines.length > 1 || v.answerWords > 5)
    return false;
  return v.hidden
    .toLowerCase()
    .replace(/[\s-]+/g, '')
    .includes(words[0]!.replace(/-/g, ''));
}

/**
 * The answer says every word of a term of two or more, in English or in Hangul: "Ingress Controller → the type of
 * controller that is responsible for the ingress", "Root DNS Server → Root DNS는 최상위 DNS 서버". It goes round the
 * term instead of saying what it is (judged: none of six kept). A word in parentheses is the term's gloss, not the
 * term, and a word every learner has (IP, DNS) says nothing when said again ("Cluster IP → … Private IP").
 */
function answerSaysEveryWord(v: CardView): boolean {
  const words = tokens(v.shown.replace(/\([^)]*\)/g, ' ').toLowerCase())
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length >= 2 && !isEverydayWord(w));
  if (words.length < 2) return false;
  const answer = v.hidden.toLowerCase();
  return words.every((w) => hasWord(answer, w) || koreanSpellings(w).some((ko) => answer.includes(ko)));
}

/**
 * `word` stands in `text` as a word of its own: "proxy" in "the proxy mode", not in "kube-proxy's", "proxying" or a
 * path (`:8181/ready`).
 */
function hasWord(text: string, word: string): boolean {
  const glued = (c: string | undefined) => c !== undefined && /[\w./:-]/.test(c);
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    // A full stop after the word ends the sentence; one between two words is part of a name (`ready.io`).
    const gluedAfter = glued(text[end]) && !(text[end] === '.' && !glued(text[end + 1]));
    if (!glued(text[at - 1]) && !gluedAfter) return true;
  }
  return false;
}

/** The answer holds the whole prompt: "파드의 내부 IP 주소 → …파드의 내부 IP주소". */
function answerHoldsPrompt(v: CardView): boolean {
  // A phrase, not one word: "nodePort → the port opened … for a NodePort Service" says more than its term.
  if (!/\s/.test(v.shown.trim())) return false;
  const p = v.shown.toLowerCase().replace(/\s+/g, '');
  return p.length >= 4 && v.hidden.toLowerCase().replace(/\s+/g, '').includes(p);
}

/** The line names what a value belongs to or is: a term, a flag or field, or the kind of value ("파일", "port"). */
const namesWhatIsAsked = (shown: string) =>
  termHits(shown) > 0 ||
  /--?[a-z]|[a-z][A-Z]|=/.test(shown) ||
  /\b(?:file|port|path|dir|directory|address|range)\b|파일|포트|경로|디렉[토터]리|주소|대역/i.test(shown);

/**
 * "Default timeout is [...] seconds", "기본 ndots 값은 [...]", "(default: [...])" beside a flag: the gap is the value a
 * setting takes when none is given. A setting has one default, so where the line names the setting the blank is
 * pinned down, however short the line; and a default is Kubernetes' choice, not one example's. The rubric names "a
 * default" first among the values worth asking. "The default is [...]" names no setting, and its heading may not
 * either: judges could not tell what it asked.
 */
const GAP_IS_THE_DEFAULT = new RegExp(
  [
    // "defaults to [...]", "Default timeout is [...]", "(default: [...])": `en` holds the setting's words, if any.
    String.raw`\bdefaults?(?<en>(?:\s+[\w-]+){0,2}?)\s*(?:is|to|:|=)\s*\[\.\.\.\]`,
    // "기본값은 [...]", "기본값: [...]", "디폴트는 [...]"
    String.raw`(?:기본\s?값|디폴트\s?값?)\s?(?:은|는|이|:|으로)?\s*\[\.\.\.\]`,
    // "기본 ndots 값은 [...]", "기본 타임아웃은 [...]": `ko` is the setting.
    String.raw`기본\s(?<ko>[^\s[\]]{1,12})\s?(?:값\s?)?(?:은|는|이|:)\s*\[\.\.\.\]`,
    // "[...](default) | ipvs", "[...] (기본값)"
    String.raw`\[\.\.\.\]\s?\((?:default|기본값?|디폴트)\)`,
  ].join('|'),
  'i',
);
function statesTheDefault(v: CardView): boolean {
  return memo(v, 'statesTheDefault', () => {
    if (!v.isCloze || v.answerWords > 3) return false;
    const m = GAP_IS_THE_DEFAULT.exec(v.prompt.replace(/[`*]/g, ''));
    if (!m) return false;
    // The setting is named beside "default" ("Default timeout", "기본 ndots"), or elsewhere in the line (a term, a
    // flag or field, the kind of value: "--service-node-port-range … (default: [...])").
    const setting = (m.groups?.en ?? '').replace(/\bvalue\b/i, '').trim() || m.groups?.ko;
    return Boolean(setting) || namesWhatIsAsked(v.shown);
  });
}

/** Every word of the hidden part is a Kubernetes word or a value with meaning (`kube-proxy`, `서비스와 파드`). */
function hidesOnlyTerms(v: CardView): boolean {
  const ws = tokens(v.hidden).filter((w) => !/^(?:and|or|및|와|과|,)$/i.test(w));
  return ws.length > 0 && ws.length <= 4 && ws.every((w) => isTermToken(w) || isMeaningfulValue(w));
}

/** The Kubernetes words the answer hides are all in the prompt or heading path already. */
function hiddenTermsShown(v: CardView): boolean {
  const seen = `${v.shown} ${v.context}`.toLowerCase();
  const all = tokens(v.hidden).filter((w) => isTermToken(w));
  // "[Calico] 플러그인" under the heading "Calico", "[ExternalName] Service" under "5. ExternalName": the word that
  // says what kind of thing the name is gives nothing away; the name is what the card asks, and it is on show.
  const names = all.filter((w) => !KIND_WORDS.has(stripParticle(w.toLowerCase())));
  const terms = names.length > 0 ? names : all;
  return terms.length > 0 && terms.every((w) => isShown(stripParticle(w), seen));
}

/**
 * A term is on show in its English spelling or in the Hangul a Korean note writes for it: "[...]은 오브젝트에
 * 메타데이터를 첨부하는 속성" under the heading "어노테이션" gives annotation away, as "로드밸런서([...])" gives
 * LoadBalancer away.
 */
const isShown = (term: string, seen: string) =>
  seen.includes(term.toLowerCase()) || koreanSpellings(term).some((ko) => seen.includes(ko));
const KIND_WORDS = new Set([
  '플러그인',
  'plugin',
  '유형',
  '타입',
  'type',
  '모드',
  'mode',
  'service',
  '서비스',
  '오브젝트',
  'object',
  '리소스',
  'resource',
]);

// A text that is mostly `<…>` placeholders: "<service name>:80", "- Input: <ingress service>".
const PLACEHOLDER_TEXT = /^[^<>]{0,12}<[^<>]{1,40}>[^<>]{0,12}$/;
const EXAMPLE_HEADING = /\b(?:example|examples|demo|sample)\b|예시|예제/i;

const STATEMENT_EN =
  /[.!]$|\b(?:you|we|i|it|is|are|was|were|isn't|aren't|should|will|have|has|don't|doesn't)\b/i;
const STATEMENT_KO = /(?:다|요|니다|음|함|됨)[.!]?$/;

/** A full sentence rather than a task or a title. */
function isStatement(text: string): boolean {
  return hasHangul(text) ? STATEMENT_KO.test(text.trim()) : STATEMENT_EN.test(text.trim());
}

/**
 * A Korean comment over a command that ends saying what can be seen or done, or what happened
 * (`# 아직은 클러스터 IP만 존재하므로 … 접근 가능함`, `### External-ip 할당 된 것을 확인할 수 있다.`), reports what the
 * output showed, not what the command is for. A comment saying what the command does (`# … 192.168.2.1 으로 보낸다.`)
 * is its purpose and stays.
 */
const COMMENT_REPORTS_KO = /(?:수\s*있(?:다|음|습니다)|가능(?:함|하다|합니다)|[었았였했됐]다|되었다)[.!]?$/;
const commentReportsAResult = (comment: string) => COMMENT_REPORTS_KO.test(comment.trim());

/**
 * `# DNS 서버 수정` over `cat /etc/resolv.conf`, `# kubia-24brm pod 생성` over `kubectl exec kubia-24brm env`: the
 * comment names a step that changes something (its main verb: the last word in Korean, the first in English), and
 * the command under it only looks. Writers head a block of steps with one comment; the first command is a check, not
 * the step, so the card asks for the wrong command (both judges junked the two the bank holds).
 */
const CHANGE_VERB_KO = /(?:생성|수정|추가|삭제|변경|제거|설치|적용|만들기)(?:하기|한다|합니다|함)?[.!]?$/;
const CHANGE_VERB_EN = /^(?:create|add|delete|remove|modify|change|edit|install|apply|update)\b/i;
const ONLY_LOOKS =
  /^\s*(?:\$\s*)?(?:sudo\s+)?(?:cat|less|more|head|tail|ls|grep|(?:kubectl|k)\s+(?:get|describe|logs|explain|exec)|ip\s+(?:-\w+\s+)?(?:addr|link|route|a|l|r)(?:\s+(?:show|list|ls))?\s*$)\b/;
function commentPromisesAChange(comment: string, command: string): boolean {
  const words = comment
    .replace(/^(?:#|\/\/)\s*/, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .trim();
  const changes = hasHangul(words) ? CHANGE_VERB_KO.test(words) : CHANGE_VERB_EN.test(words);
  return changes && ONLY_LOOKS.test(command);
}

const APPLIES_A_FILE = /^\s*(?:\$\s*)?(?:kubectl|k)\s+(?:apply|create|delete|replace)\s+-f\s+[^\s-]\S*\s*$/;

const TRAILS_OFF = /(?:…|(?<!\.)\.{2,3})\s*$/;

const SERVICE_DNS_NAME = /^([\w-]+)\.[\w-]+\.svc(?:\.cluster\.local)?\.?$/;
// `SERVICE_NAME`, `serviceName`, `service-name`, `<svc>`, `서비스이름`: the form's own placeholder, not an example.
const PLACEHOLDER_LABEL = /^(?:<.*>|[A-Z_]+|.*(?:service|svc)[-_]?name|서비스\s?이름|서비스명)$/i;
// Services every cluster has: their DNS names are facts.
const CLUSTER_SERVICES = new Set(['kube-dns', 'kubernetes', 'coredns']);
function namesAnExampleService(hidden: string, seen: string): boolean {
  const service = SERVICE_DNS_NAME.exec(hidden.replace(/`/g, '').trim())?.[1];
  if (!service || PLACEHOLDER_LABEL.test(service) || CLUSTER_SERVICES.has(service)) return false;
  return !seen.toLowerCase().includes(service.toLowerCase());
}

/**
 * `# 상태 조회` over `kubectl get all -n ingress-nginx`, `# EXTERNAL-IP 할당 모니터링` over `kubectl get svc -n …`: the
 * comment (and the headings over it) never names what the command looks at, so it does not decide the command. A
 * resource is named by its name, its short name, or its Korean name; a Service also by one of its types.
 */
const GET_OR_DESCRIBE = /^\s*(?:\$\s*)?(?:kubectl|k)\s+(?:get|describe)\s+([A-Za-z][\w.-]*)/;
function leavesUnsaidWhatItReads(command: string, seen: string): boolean {
  const word = GET_OR_DESCRIBE.exec(command)?.[1];
  if (!word) return false;
  const written = kubectlResource(word.toLowerCase());
  const resource = written.replace(/(?<=[a-z]{3})s$/, '');
  const names =
    resource === 'all'
      ? ['all', '모든', '전체']
      : [
          resource,
          ...kubectlShortNames(resource),
          ...koResourceWords(written),
          ...koreanSpellings(resource),
          ...(resource === 'service' ? ['clusterip', 'nodeport', 'loadbalancer', 'externalname'] : []),
        ];
  const text = seen.toLowerCase();
  return !names.some((n) => text.includes(n.toLowerCase()));
}

const EXAMPLES_BEFORE_GAP =
  /\b(?:include|includes|including|such as|e\.g\.?|for example|for instance|like)\s*[:(]?\s*$|(?:예를 들어|예:|예\))\s*$/i;

const SERVER_FIELDS =
  /^\s*(?:creationTimestamp|resourceVersion|uid|selfLink|managedFields|generation):|^status:\s*$/m;

/** A manifest document whose kind has a known apiVersion list that does not hold the version written. */
function hasOutdatedApiVersion(yaml: string): boolean {
  for (const doc of yaml.split(/^---\s*$/m)) {
    const kind = /^kind:\s*(\S+)/m.exec(doc)?.[1];
    const version = /^apiVersion:\s*(\S+)/m.exec(doc)?.[1];
    if (kind && version && isOutdatedApiVersion(kind, version)) return true;
  }
  return false;
}

export const FEATURES: Feature[] = [
  // What the blank hides: worth asking.
  // In a manifest the value of a field is one of its kind's values, and the manifest rarely says which: not counted.
  {
    name: 'hides-kubernetes-term',
    weight: 0.2,
    holds: (v) => !isCode(v) && !isManifestCard(v) && hidesTerm(v),
  },
  { name: 'hides-only-terms', weight: 0.1, holds: (v) => v.isCloze && hidesOnlyTerms(v) },
  // `[...] 주소를 할당 받는다` → IP: a word the sentence gives away; a manifest's `protocol: TCP` is a field's value.
  // The rubric's "never" (trivial): a veto, kept at its weight whatever the fit says.
  {
    name: 'hides-an-everyday-word',
    weight: -0.6,
    holds: (v) => !isManifestCard(v) && isEverydayWord(v.hidden),
  },
  {
    name: 'hides-meaningful-value',
    weight: 0.25,
    holds: (v) => !isManifestCard(v) && v.answerWords <= 3 && isMeaningfulValue(v.hidden),
  },
  {
    // "기본 ndots 값은 [...]이다" → 5 under the heading `ndots`: what Kubernetes does when nothing is set.
    name: 'states-the-default',
    weight: 0.15,
    holds: statesTheDefault,
  },
  {
    // `API-Server | 6443`, "Valid range: 30000-32767" under `NodePort`, `--cni-bin-dir=[...]` → /opt/cni/bin: the
    // answer is what Kubernetes itself says for the subject on show (content/facts), a fact rather than one example's
    // choice. Judged cards holding it (corpus and sets A-W, docs/quality): 53 of 58 labels KEEP, 5 EDIT, none JUNK.
    name: 'value-kubernetes-confirms',
    weight: 0.2,
    holds: (v) =>
      !isManifestCard(v) &&
      v.answerWords <= 3 &&
      confirmedValue(v.hidden, `${v.shown} ${v.context}`) !== null,
  },
  {
    name: 'command-for-stated-purpose',
    weight: 0.2,
    holds: (v) => {
      const command = commandAnswer(v);
      return (
        command !== null &&
        command.length <= 120 &&
        !isCommandLine(v.shown) &&
        v.shown.split(' ').length >= 2 &&
        unseenExampleTokens(v) === 0
      );
    },
  },
  {
    // "# 192.168.2.0 번대 네트워크로 가는 요청은 192.168.1.1 으로 보낸다." → `ip route add …`, "Start a busybox pod and
    // keep it in the foreground, don't restart it if it exits" → `kubectl run -i -t …`: the purpose said in a whole
    // sentence pins down the command, flags and all; a two-word comment ("Find path") leaves it open.
    name: 'purpose-said-in-full',
    weight: 0.1,
    holds: (v) =>
      (v.card.rule === 'code-comment' || v.card.rule === 'code-intro') &&
      commandAnswer(v) !== null &&
      purposeWords(v) >= (v.ko ? 4 : 6) &&
      // Past a dozen or so words the line is narration of what the output shows, not a purpose.
      purposeWords(v) <= (v.ko ? 12 : 20) &&
      !isSentencePiece(v.shown.replace(/[.。]$/, '')) &&
      valuesGoIntoTheCommand(v),
  },
  {
    // `targetPort` → "where the Service sends traffic on the Pods", `ExternalName` → "maps the Service to a DNS name":
    // the prompt is a name of the Kubernetes API itself (a field in camelCase, a fixed value such as a Service type
    // or DNS policy), so the card asks what the API means by it. A plain word that is also a field (`port`, `name`)
    // says less.
    name: 'defines-an-api-name',
    weight: 0.1,
    holds: (v) =>
      !isCode(v) &&
      v.answerWords >= 2 &&
      // A table row is asked as "its name: the column" (`ClusterIP: Scope` → Internal only).
      ((v.card.rule === 'term-definition' && isApiName(v.shown)) ||
        (v.card.rule === 'table' && isApiName(v.shown.split(': ')[0]!))),
  },
  {
    name: 'term-asked-for-definition',
    weight: 0.15,
    holds: (v) =>
      !v.isCloze &&
      !isCode(v) &&
      v.shown.split(' ').length <= 5 &&
      // An abbreviation's letters were checked against the words it stands for: it is a term, known or not.
      (v.card.rule === 'abbreviation' ||
        isTermToken(v.shown) ||
        termHits(v.shown) > 0 ||
        isMeaningfulValue(v.shown) ||
        isFieldName(v.shown) ||
        /^`[^`]+`$/.test(v.prompt.trim())) &&
      v.answerWords >= 2 &&
      // A list's items are recalled one by one; the cap is for a definition said in one go.
      v.answerWords <= (isList(v) ? PARAGRAPH_WORDS : DEFINITION_WORDS),
  },
  {
    name: 'asks-a-question',
    weight: 0.15,
    holds: (v) =>
      !v.isCloze &&
      v.card.rule !== 'definition-reverse' &&
      /[?？]$/.test(v.shown) &&
      !isRhetorical(v.shown) &&
      v.answerWords <= PARAGRAPH_WORDS,
  },
  {
    // "환경변수에서 서비스 IP/Port를 확인할수 있음." over "⇒ DNS를 통해서 서비스 IP를 찾는게 더 일반적임.": an arrow after a
    // statement draws a conclusion from it; it answers no question, and the statement asks none. Nor does a mapping
    // ("db-service <-> app.database.io" over "⇒ … CNAME을 사용하여 … 구현했다").
    name: 'conclusion-of-a-statement',
    weight: -0.5,
    holds: (v) =>
      v.card.rule === 'question-answer' &&
      !/[?？]$/.test(v.shown) &&
      ((v.ko ? STATEMENT_KO.test(v.shown) : /[.!]$/.test(v.shown)) || /<->|↔|->|→/.test(v.shown)),
  },
  {
    // "RBAC: `k explain rolebinding.roleRef` — forget which field is required?": a tip with a command, filed under
    // a term. Asked the other way round it is no definition, and the term is no answer to it.
    name: 'tip-asked-for-its-term',
    weight: -0.5,
    holds: (v) =>
      v.card.rule === 'definition-reverse' && (/[?？]$/.test(v.shown) || hasCommandSpan(v.prompt)),
  },
  {
    // "Always → imagePullPolicy", "Local → externalTrafficPolicy", "eBPF → Cilium": one word asked for the term it
    // was said of. A value or a name fits many terms; judges kept 2 of 22 labels of such cards, both a short code
    // asked from its name ("라운드-로빈 → rr"), which stays.
    name: 'one-word-asked-for-its-term',
    weight: -0.3,
    holds: (v) =>
      v.card.rule === 'definition-reverse' &&
      !/\s/.test(v.shown.trim()) &&
      !/^`?[a-z]{1,4}`?$/.test(v.hidden.trim()),
  },
  {
    name: 'short-answer',
    weight: 0.1,
    holds: (v) => v.answerWords >= 1 && v.answerWords <= 4 && !isExampleValue(v.hidden),
  },
  {
    // "Required fields of a Gateway listener", "Pod에 줄 수 있는 dnsPolicy 값": a title that says what the list is.
    name: 'list-under-a-telling-title',
    weight: 0.15,
    holds: (v) =>
      isList(v) &&
      v.shown.split(' ').length >= (v.ko ? 2 : 3) &&
      !isGenericTitle(v.shown) &&
      !isNarration(v.shown) &&
      // "…이기에 서비스가 부적절함" over its reasons: a statement, which the items go on to argue, is no title.
      !isStatement(v.shown),
  },
  {
    // "Service web은 app=web Pod의 컨테이너 포트로 …를 만든다." over the manifest: the task it answers is stated.
    // Even so, judges kept 1 in 10 whole manifests as they were (the rest: EDIT for fields the task never asks,
    // or too long), so a stated task lifts a manifest to a suggestion, not to a card of its own.
    name: 'manifest-with-its-task',
    weight: 0.4,
    holds: (v) =>
      v.card.rule === 'manifest' &&
      ((v.card.prompt.includes('\n') && (v.card.prompt.split('\n')[0] ?? '').split(' ').length >= 5) ||
        // or the heading right over it: "### Headless Service db for pods labelled app=db on port 5432".
        (v.card.context.at(-1) ?? '').split(' ').length >= 4),
  },
  {
    // "- name - protocol - port": items a learner recalls in one go. Items of prose are EDIT at best.
    name: 'short-list',
    weight: 0.1,
    holds: (v) => isList(v) && v.answerLines.length <= 6 && wordsPerItem(v) <= ITEM_WORDS,
  },
  {
    // Judged lists whose items average three words or more were kept about one time in six: a list of phrases is
    // recited, not recalled.
    // A title that asks for the list ("What a CNI plugin does on DEL", "서비스 생성 방법") was never junked: the
    // learner knows what to recite; those lists were EDIT at worst.
    name: 'list-of-sentences',
    weight: -0.3,
    holds: (v) => isList(v) && wordsPerItem(v) > ITEM_WORDS + 1 && !TITLE_ASKS.test(v.shown),
  },
  {
    // "* 구성 / * CNI List / * CNI Plugin", each item over a list of its own; "1. **CNI 제공자 선택**:" waiting for
    // the lines under it: an outline's items are the titles of sections, not facts. Judges junked such cards as
    // "a list of headings" on notes the rules were never tuned on.
    name: 'outline-of-sections',
    weight: -0.6,
    holds: (v) =>
      isList(v) &&
      // "Core Port Types", "How do the pods reach CoreDNS?": a title that asks for the items makes them the answer,
      // however much is written under each.
      !TITLE_ASKS.test(v.shown) &&
      ((v.card.itemsWithSublists ?? 0) * 2 >= v.answerLines.length ||
        v.answerLines.some((l) => /[:：]\s*$/.test(l))),
  },
  {
    // "CSP(GCP / AWS / Azure", "externally / i.e. / LoadBalancer).": a sentence cut at its commas, not a list of
    // things; an item with a bracket it never closes, or a bare "i.e.", is a piece of the sentence.
    name: 'list-of-broken-items',
    weight: -0.6,
    holds: (v) =>
      isList(v) &&
      v.answerLines.some((l) => {
        const item = l.replace(/^\s*[-*+]\s+/, '').trim();
        return !balanced(item, true) || /^(?:i\.e\.?|e\.g\.?|etc\.?|즉|예)$/i.test(item);
      }),
  },
  {
    // "[Figure 5]의 NAT [...]는 …", "아래 그림처럼 …": the card points at a picture it does not show.
    name: 'points-at-a-figure',
    weight: -0.6,
    holds: (v) => pointsAtAFigure(v.prompt) || pointsAtAFigure(v.card.answer),
  },
  {
    name: 'expands-an-everyday-acronym',
    weight: -0.6,
    holds: (v) =>
      v.card.rule === 'abbreviation' && (isEverydayAcronym(v.shown) || isEverydayAcronym(v.hidden)),
  },
  {
    // "The aforementioned talk on kube-proxy performance → https://youtube.com/…": where to look, not what to recall.
    name: 'answer-is-a-link',
    weight: -1,
    // Asked back from its text, the link is the prompt: a card about a URL either way.
    holds: (v) => !v.isCloze && /^<?https?:\/\/\S+>?$/.test(definitionSide(v)),
  },
  {
    // "More → - https://…": a reading list says where to look, not what to recall.
    name: 'list-of-links',
    weight: -1,
    holds: (v) => isList(v) && v.answerLines.every((l) => /^-\s*<?https?:\/\/\S+>?\s*$/.test(l.trim())),
  },
  {
    // "Ingress Controller 종류 → - 로컬 → NGINX Ingress Controller ⏎- AWS EKS → AWS Load Balancer Controller": each
    // item pairs a case with its answer, and each pair is a card of its own; reciting all the pairs at once is not.
    name: 'list-of-pairs',
    weight: -0.3,
    holds: (v) => isList(v) && v.answerLines.every(isPairItem),
  },

  // Trivial: the answer is on show.
  { name: 'answer-visible', weight: -1, holds: answerVisible },
  {
    name: 'answer-mostly-visible',
    weight: -0.45,
    holds: (v) => !answerVisible(v) && memo(v, 'mostly', () => answerMostlyVisible(v)),
  },
  // The rubric's "never" (the answer visible in the context): a veto, as above.
  {
    name: 'hidden-terms-shown',
    weight: -0.6,
    holds: (v) =>
      v.isCloze &&
      v.answerWords <= 6 &&
      !answerVisible(v) &&
      !memo(v, 'mostly', () => answerMostlyVisible(v)) &&
      hiddenTermsShown(v),
  },

  // Ambiguous: many answers would fit.
  {
    name: 'example-value',
    weight: -0.5,
    holds: (v) => v.answerWords === 1 && isExampleValue(v.hidden) && !statesTheDefault(v),
  },
  {
    // "DNS로 [...]에 요청하면 …" → my-service.default.svc.cluster.local: one example Service's DNS name, whose Service
    // the prompt never names. What is worth recalling is the form (`<service>.<namespace>.svc.cluster.local`), or
    // the name built from a Service and namespace the prompt gives ("aname 네임스페이스의 bservice" → kept by both).
    name: 'example-dns-name',
    weight: -0.5,
    holds: (v) => v.isCloze && namesAnExampleService(v.hidden, `${v.shown} ${v.context}`),
  },
  {
    // Not where the author wrote the question (`Q:`, a question heading, `<summary>`): they chose what it asks.
    name: 'example-names-in-command',
    weight: -0.35,
    holds: (v) =>
      !v.isCloze &&
      v.card.rule !== 'question-answer' &&
      v.card.rule !== 'question-heading' &&
      v.card.rule !== 'details' &&
      !isCommandLine(v.shown) &&
      isCode(v) &&
      unseenExampleTokens(v) >= 1,
  },
  {
    // `# Create the two PODs and the network policy` → `kubectl create -f 001-pod-with-nw-policy.yaml`: the command
    // only hands kubectl the writer's file (or a URL no one recalls); what is worth knowing is in the file. The
    // card drills `-f`, which every learner has.
    name: 'only-applies-a-file',
    weight: -0.5,
    holds: (v) => {
      const command = commandAnswer(v);
      return command !== null && APPLIES_A_FILE.test(command);
    },
  },
  { name: 'one-of-a-list', weight: -0.45, holds: (v) => v.isCloze && isListMember(v.prompt) },
  {
    name: 'generic-title-asked',
    weight: -0.6,
    // `INPUT` and `OUTPUT` are iptables chains, not the "Input:"/"Output:" of an example. Asked back from its
    // text ("k8s, coredns, ndots → keyword"), the label is the answer.
    holds: (v) => {
      if (v.isCloze) return false;
      const label = termSide(v);
      return isGenericTitle(label) && !isIptablesName(label);
    },
  },
  {
    name: 'exercise-step',
    weight: -0.3,
    holds: (v) => v.isCloze && isInstruction(v.shown),
  },

  {
    // "spec.externalTrafficPolicy → Local": the field has more than one value, and the prompt does not say which.
    name: 'one-value-of-a-field',
    weight: -0.5,
    holds: (v) =>
      !v.isCloze &&
      v.answerWords === 1 &&
      // "Cluster(Default)": the default is still one of the values, and the prompt does not ask for the default.
      isEnumValue(v.hidden.replace(/\((?:default|기본값?|기본 설정)\)$/i, '')) &&
      v.shown.split(' ').length <= 3,
  },
  {
    name: 'command-without-purpose',
    weight: -0.3,
    holds: (v) => !v.isCloze && isCode(v) && !isCommandLine(v.shown) && v.shown.split(' ').length <= 2,
  },
  {
    // "LoadBalancer → provides loadbalancer to app": the definition says the term again.
    name: 'definition-repeats-term',
    weight: -0.35,
    holds: (v) =>
      !v.isCloze &&
      !isCode(v) &&
      !isList(v) &&
      (repeatsPrompt(v) || answerHoldsPrompt(v) || answerSaysEveryWord(v)),
  },

  // Filler and fragments.
  {
    // "- Pod - Service 간의 통신": a dash between the two ends of a pair, read as a term and its definition.
    name: 'pair-read-as-a-term',
    weight: -0.6,
    holds: (v) => definesATerm(v) && /^\S+\s*(?:간의?|사이의?|끼리의?)\s/.test(definitionSide(v)),
  },
  {
    // "(직접 사용하면 [...]를 거치지 않기 때문에)", "**([...])**": an aside cut from its sentence, saying of what.
    // "VXLAN Mode: (vxlan interface)": a definition that is all aside says what the writer noted in passing.
    name: 'aside-on-its-own',
    weight: -0.6,
    holds: (v) =>
      v.isCloze
        ? /^[*_]*[(（][^()（）]*[)）][*_.]*$/.test(v.prompt.trim())
        : definesATerm(v) && /^[(（][^()（）]*[)）]\.?$/.test(definitionSide(v).trim()),
  },
  { name: 'answer-is-a-question', weight: -0.5, holds: (v) => /[?？]$/.test(v.hidden) },
  {
    // "그런데 [...]의 관계는 어떻게 유지될 수 있는 걸까요?": a blank in a sentence the writer asked as a question. The
    // sentence states nothing, so the blank asks nothing the note answers (judged: none of five kept).
    name: 'blank-in-a-question',
    weight: -0.5,
    holds: (v) =>
      v.isCloze &&
      (v.card.rule === 'sentence-cloze' || v.card.rule === 'statement-cloze') &&
      /[?？]$/.test(v.card.sibling.trim()),
  },
  {
    name: 'prompt-is-a-sentence-piece',
    weight: -0.5,
    holds: (v) => {
      if (!TERM_RULES.has(v.card.rule)) return false;
      // A definition asked back is prose by design ("Only consults DNS" → nslookup): there the "term" is the
      // answer, and "***CoreDNS*** → Post k8s@1.12" asks for a piece of a sentence.
      const term = termSide(v);
      return term.split(' ').length <= 6 && !/[?？]$/.test(term) && isSentencePiece(term);
    },
  },
  {
    // "클러스터 네트워킹은 서로 다른 [...]을 제공한다", "… LoadBalancer support [...]": the gap is the object of a verb
    // that says nothing of it (provide, support, use, have); almost anything would fit.
    // So is a gap for the part something plays ("인그레스가 [...] 역할을 하게 되는 셈이다", "acts as a [...]"): a
    // likeness the writer drew, which a gateway, an entry point or a proxy would fill as well.
    name: 'gap-before-a-generic-verb',
    weight: -0.3,
    holds: (v) =>
      v.isCloze && (GAP_BEFORE_GENERIC_VERB.test(v.prompt.trim()) || GAP_FOR_A_ROLE.test(v.prompt)),
  },
  {
    // "[...]의 app을 선택해서 로드밸런싱 수행", "처음 들어왔던 [...] 그대로 유지하는 방법이 필요": a bullet-style Korean line
    // that stops on a verbal noun, with no ending to say what the gap does; the learner cannot tell what goes in.
    name: 'gap-in-a-terse-line',
    weight: -0.3,
    holds: (v) =>
      v.card.rule === 'sentence-cloze' &&
      v.ko &&
      /(?:수행|필요|가능|사용|확인|생성|설정|변경|제공|지원|유지|관리|담당|처리|할당)[.]?$/.test(v.shown),
  },
  {
    // "Single Pod → Can be attached to multiple bridge networks", "Linux Default → Packets are not forwarded …": the
    // answer goes on with a verb, or has a subject of its own; the label is the start of a sentence, not a term.
    // Korean puts that verb last: "LoadBalancer → Public 클라우드에서 운영 가능", "Linux Bridge → 네임스페이스마다
    // Routing Table이 존재" say what can be or is there, not what the term is. Judged Korean definitions ending so:
    // 36 % KEEP, 47 % EDIT, 17 % JUNK of 18 cards (sets A–W), against 71 / 23 / 6 % for the rest.
    name: 'definition-is-a-sentence',
    weight: -0.4,
    holds: (v) =>
      TERM_RULES.has(v.card.rule) &&
      v.card.rule !== 'definition-reverse' &&
      !isList(v) &&
      (/^(?:[A-Za-z][\w-]*\s){0,2}(?:is|are|was|were|can|cannot|must|will|should|has|have|does|do)\b/i.test(
        v.hidden,
      ) ||
        (v.ko && KO_STATE_ENDING.test(v.hidden))),
  },
  {
    // "# If you have trouble with this reboot → curl localhost", "This is optional since … → kubectl label …":
    // a comment, an intro or a list title that goes on from the sentence before it names nothing to recall.
    name: 'prompt-opens-mid-sentence',
    weight: -0.4,
    holds: (v) => PROSE_PROMPT_RULES.has(v.card.rule) && opensMidSentence(v.card.prompt.split('\n')[0] ?? ''),
  },
  {
    name: 'answer-ends-open',
    weight: -0.4,
    holds: (v) => !v.isCloze && !isList(v) && !isCode(v) && endsOpen(v.card.answer),
  },
  {
    // The cloze's sentence breaks off on a connective ending (`… 알고 관리하는데`): its end is missing (the five the
    // banks hold were junked by both judges or never made).
    name: 'sentence-breaks-off',
    weight: -0.5,
    holds: (v) => v.isCloze && !v.prompt.trimEnd().endsWith('[...]') && breaksOff(v.prompt),
  },
  {
    // "Configures routing for two domains (`a` and" → Ingress: the definition was cut off.
    name: 'prompt-ends-open',
    weight: -0.4,
    holds: (v) => TERM_RULES.has(v.card.rule) && endsOpen(v.card.prompt.split('\n')[0] ?? ''),
  },
  {
    // "통신 패킷을 [...]", "[...] requires a network plugin": too little around the gap to tell what goes in it.
    name: 'little-around-the-gap',
    weight: -0.35,
    holds: (v) =>
      v.isCloze &&
      !isManifestCard(v) &&
      // A well-known value needs no more than the component it belongs to: "kube-apiserver 는 [...] 포트". With
      // no term beside it ("[...] will fail."), nothing says which value is asked.
      !(isMeaningfulValue(v.hidden) && namesWhatIsAsked(v.shown)) &&
      !statesTheDefault(v) &&
      (v.ko ? promptWeight(v.shown) < 14 : v.shown.split(' ').length < 5),
  },
  {
    // "[...]를 사용하므로 성능적으로 좋지 않다", "[...] creates multiple PODS, client shouldn't care which of them to
    // choose": the sentence names no other Kubernetes word and no value, so nothing in it pins the blank down; several
    // terms would do. Off the corpus, judges kept 48 % of such cards and junked 32 % (47 cards, sets A–O), against
    // 61–75 % kept where the sentence names one term or more.
    name: 'names-nothing-else',
    weight: -0.25,
    holds: (v) =>
      v.isCloze &&
      v.card.rule === 'sentence-cloze' &&
      memo(v, 'shownTerms', () => termHits(v.shown)) === 0 &&
      !tokens(v.shown).some(isMeaningfulValue) &&
      !statesTheDefault(v),
  },
  {
    // "# Service IP 확인 후 테스트 → curl <Service-IP>:9000/hostname", "## nslookup & dig → nslookup echo-server…": a
    // test request to the example's own address. The address is the example's; the command is any probe. Judges
    // kept none of 22 such cards, on the corpus and on other notes.
    name: 'probe-of-an-example-address',
    weight: -0.6,
    holds: (v) =>
      (v.card.rule === 'code-comment' || v.card.rule === 'code-intro') && PROBE.test(v.answerLines[0] ?? ''),
  },
  {
    // "kubectl delete svc nginx → Deletes the service": the command says it already.
    name: 'command-described',
    weight: -0.3,
    holds: (v) =>
      !v.isCloze &&
      !isCode(v) &&
      !isList(v) &&
      isCommandLine(v.card.prompt.split('\n')[0]!.replace(/^#\s*/, '')) &&
      !hasHangul(v.card.prompt.split('\n')[0]!),
  },
  {
    // "1: Action", "Map_A: …": a table row known only by its number or a made-up key.
    name: 'table-row-without-a-name',
    weight: -0.5,
    holds: (v) =>
      v.card.rule === 'table' && /^(?:\S{1,3}|\w+_\w|\d\S*)\s*:/.test(v.card.prompt.replace(/[*_`]/g, '')),
  },
  {
    name: 'editor-command',
    weight: -0.5,
    holds: (v) => isEditorCommand(v.card.answer) || (!v.isCloze && isEditorCommand(v.card.prompt)),
  },
  {
    name: 'outdated-apiversion',
    weight: -1,
    holds: (v) => {
      if (v.card.rule !== 'manifest-apiversion') return false;
      const kind = /kind: (\S+)/.exec(v.card.prompt)?.[1];
      return kind !== undefined && isOutdatedApiVersion(kind, v.card.answer);
    },
  },
  {
    // `creationTimestamp:`, `resourceVersion:`, `uid:`, `status:`: the API server wrote these; the manifest was
    // pasted from `kubectl get -o yaml`, and no learner writes it back from a task (judges: "wrong").
    name: 'manifest-pasted-from-the-server',
    weight: -0.6,
    holds: (v) => v.card.rule === 'manifest' && SERVER_FIELDS.test(v.card.answer),
  },
  {
    // `extensions/v1beta1` Ingress: the API server no longer takes it, so the card teaches what fails.
    name: 'manifest-of-an-outdated-api',
    weight: -0.6,
    holds: (v) => v.card.rule === 'manifest' && hasOutdatedApiVersion(v.card.answer),
  },
  {
    name: 'long-manifest',
    weight: -0.2,
    holds: (v) => v.card.rule === 'manifest' && v.answerLines.length > 20,
  },
  {
    name: 'open-emphasis',
    weight: -0.4,
    holds: (v) =>
      !isManifestCard(v) && !isCode(v) && (hasOpenMark(v.card.prompt) || hasOpenMark(v.card.answer)),
  },
  {
    name: 'side-remark',
    weight: -0.4,
    holds: (v) =>
      (v.card.rule === 'code-comment' || v.card.rule === 'code-intro') &&
      (isSideRemark(v.shown) || isSideRemark(v.hidden)),
  },
  {
    name: 'answer-is-the-initials',
    weight: -0.6,
    holds: (v) => !v.isCloze && isInitialsOf(v.hidden, v.shown),
  },
  {
    // "Pod → veth → CNI → NAT → eth0 → …", "Dynamic → Specify … => /etc/…": a chain or a note, not a definition.
    name: 'chain-as-definition',
    weight: -0.3,
    holds: (v) =>
      TERM_RULES.has(v.card.rule) && (/=>/.test(v.hidden) || (v.hidden.match(/→|->/g)?.length ?? 0) >= 2),
  },
  {
    // "1. Nodes ready?" → "k get nodes", "Create a namespace called `exercise-15`" → "k create ns exercise-15": the
    // prompt spells the whole command out, word for word (short names included). Judges threw these away as
    // trivial; a flag, a placeholder or a word the prompt does not say is what makes a command worth asking.
    name: 'command-spelled-out',
    weight: -0.5,
    holds: (v) => {
      const command = commandAnswer(v);
      return command !== null && commandSpelledOut(command, v.shown);
    },
  },
  {
    // "// Executed in the BIN directory like this:", "# 다음과 같이 실행:": the comment points at the command below
    // instead of saying what it is for, so the command is all the card would ask, with nothing to cue it.
    name: 'comment-points-at-the-command',
    weight: -0.4,
    holds: (v) =>
      (v.card.rule === 'code-comment' || v.card.rule === 'code-intro') &&
      /(?:like (?:this|so)|as follows|the following|다음과 같이|아래와 같이|아래처럼|이렇게)\s*[:：]?\s*$/i.test(
        v.shown,
      ),
  },
  {
    // "# Create veth pair" over "ip link add ...": the writer left the command's rest out, so there is no
    // command to recall, only its first words. ("… -- <arg1> ... <argN>" elides a list and stays whole.)
    name: 'command-left-unfinished',
    weight: -0.3,
    holds: (v) => /\s(?:\.{3}|…)$/.test(commandAnswer(v)?.trim() ?? ''),
  },
  {
    // "Odd", "Odd/Even", "SENDING", "Copy from docs": ordinary words, none of them a term, label a step or a
    // remark; they name nothing to define. An acronym ("NAT", "PV") is a name, however short, and words that an
    // answer defines as a kind of thing ("Stub domain: a domain whose …") are a term of their own.
    name: 'plain-words-as-term',
    weight: -0.2,
    holds: (v) =>
      TERM_RULES.has(v.card.rule) &&
      !/^`/.test(v.card.prompt.trim()) &&
      isPlainWords(v.shown) &&
      // "a domain whose …" defines a kind; "A Service is accessible …" is a statement that opens with "A".
      !(/^an?\s/i.test(v.hidden) && !/^an?\s+\S+\s+(?:is|are|can|will|has|does|must)\b/i.test(v.hidden)),
  },
  {
    // "scope → 라우팅 범위", "eth0 → 물리 인터페이스", "docker0 → the bridge Docker makes": a word that is no
    // Kubernetes term, glossed in a few plain words. The gloss says the word again, or too little to recall. A real
    // answer stays: one word or a name (`Sticky`, "AWS Load Balancer Controller"), a command or code, a well-known
    // value, or a gloss that names two terms ("proxy-mode → iptables, ipvs"). Off the corpus judges kept 2 of 14 such
    // cards and junked 10 (sets A–R); on the corpus, 2 cards, 1.5 kept.
    name: 'glossed-in-a-few-words',
    weight: -0.25,
    holds: (v) =>
      v.card.rule === 'term-definition' &&
      v.answerWords >= 2 &&
      v.answerWords <= 4 &&
      !v.card.answer.includes('`') &&
      !/\b[A-Z][\w-]*\s+[A-Z][\w-]*/.test(v.hidden) &&
      memo(v, 'shownTerms', () => termHits(v.shown)) === 0 &&
      !isCommandLine(v.shown) &&
      !isMeaningfulValue(v.shown) &&
      commandAnswer(v) === null &&
      !tokens(v.hidden).some(isMeaningfulValue) &&
      memo(v, 'termHits', () => termHits(v.hidden)) < 2,
  },
  {
    // "외부에서 서비스로의 통신: …", "`/foo` 로 들어오는 요청: …", "Pod간 통신 확인: …": a Korean bullet labelled with a
    // phrase (a word carrying its particle, or a closing verbal noun) heads a remark about a case or a step; it names
    // no term to define. On notes the rules were never tuned on, 20 such cards kept 1 in 5 (docs/quality/unseen).
    name: 'phrase-as-term',
    weight: -0.3,
    holds: (v) => {
      if (!definesATerm(v)) return false;
      const term = termSide(v).trim();
      const other = (v.card.rule === 'definition-reverse' ? v.card.prompt : v.card.answer).trim();
      // "네트워크 패킷을 전달하도록 수정 → `echo 1 > …/ip_forward`": a purpose asking its command is a question.
      if (isCommandLine(other) || /^`[^`]+`$/.test(other)) return false;
      return hasHangul(term) && KO_PHRASE_TERM.test(term);
    },
  },
  {
    // "Case 1 → - nginx 샘플 배포 - 배포 확인 - iptables 확인": the steps of one walk-through, not facts.
    name: 'list-of-steps',
    weight: -0.4,
    // A title that states the goal ("Connect two namespaces through a bridge", "…하는 단계") makes steps the answer.
    holds: (v) =>
      isList(v) &&
      !isInstruction(v.shown) &&
      !/단계|방법|순서|절차|\bsteps?\b|\bhow to\b/i.test(v.shown) &&
      v.answerLines.filter(isTaskItem).length * 2 > v.answerLines.length,
  },
  {
    // "ndots 이란? → search …⏎nameserver 10.96.0.10": a config file's lines, asked from one another.
    name: 'config-lines',
    weight: -0.5,
    holds: (v) =>
      (v.card.rule === 'code-comment' || v.card.rule === 'code-intro') &&
      !isCode(v) &&
      looksLikeData(v.answerLines),
  },
  {
    // "www.example.com/watch", "wear.example.com, watch.example.com": every word is one example's value.
    name: 'example-values-only',
    weight: -0.5,
    holds: (v) => {
      const ws = tokens(v.hidden);
      return ws.length >= 2 && ws.length <= 4 && ws.every((w) => isExampleValue(w));
    },
  },
  // `--cni-bin-dir=[...]` → `/opt/cin/bin`: the note has it wrong, and the check's warning already says so.
  { name: 'teaches-a-known-error', weight: -1, holds: (v) => v.card.teaches !== undefined },
  { name: 'negated-gap', weight: -0.5, holds: (v) => v.isCloze && gapIsNegated(v.prompt) },
  { name: 'opinion', weight: -0.3, holds: (v) => isOpinion(v.isCloze ? v.prompt : `${v.shown} ${v.hidden}`) },
  {
    // "Bridge Interfaces → { 10.244.1.0/24, 10.244.2.0/24 }": the addresses of one setup.
    name: 'example-addresses',
    weight: -0.5,
    holds: (v) =>
      !isCode(v) &&
      ((v.hidden.match(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g)?.length ?? 0) >= 2 ||
        // "test-redis.xxxxxx.ng.0001.apn2.cache.amazonaws.com": a host with its own parts blanked out.
        /[\w-][.-]x{3,}[.-][\w-]/i.test(definitionSide(v))),
  },
  {
    // "Input: <service name>:80", "<ingress service> → Input": a diagram's placeholders, not a fact.
    name: 'placeholder-as-fact',
    weight: -0.6,
    holds: (v) =>
      (v.answerLines.length > 0 &&
        v.answerLines.every((l) => PLACEHOLDER_TEXT.test(l.replace(/^\s*[-*+]\s+/, '').trim())) &&
        !isCommandLine(v.hidden)) ||
      (!v.isCloze && PLACEHOLDER_TEXT.test(v.shown) && !isCommandLine(v.shown)),
  },
  {
    // "Each Node - Must have an Interface", "모든 파드: …": a rule about every member of something, asked from a
    // quantifier that names nothing.
    name: 'quantifier-as-term',
    weight: -0.5,
    holds: (v) =>
      !v.isCloze &&
      definesATerm(v) &&
      /^(?:each|every|all|any|some|most|no|모든|각|각각의|어떤)\s/i.test(
        v.card.rule === 'definition-reverse' ? v.hidden : v.shown,
      ),
  },
  {
    // "A,B → C,D 네트워크를 연결했을 때처럼…": single letters that stand for machines in one drawing.
    name: 'letters-as-a-term',
    weight: -0.6,
    holds: (v) => !v.isCloze && /^[A-Za-z](?:\s*[,&/]\s*[A-Za-z])+$/.test(v.shown),
  },
  {
    // Under "Example" a definition tells what the example's own objects do ("Service → Creates a ClusterIP
    // service that exposes the application"), not what the kind is. So does a definition of a file of the writer's
    // own project (`etc/kind-config.yaml` → "Configuration for the Kind Cluster"), whose name says it already.
    name: 'defines-an-example-object',
    weight: -0.3,
    holds: (v) =>
      (definesATerm(v) && EXAMPLE_HEADING.test(v.context)) ||
      ((definesATerm(v) || v.card.rule === 'table') && PROJECT_FILE.test(v.shown.trim())),
  },
  {
    // "*Logic Tier*: Say a Flask application providing an API", "CNI: 예를 들어 Calico": the "definition" is one
    // example of the term, and another writer's example would do as well.
    name: 'definition-tells-an-example',
    weight: -0.3,
    holds: (v) => definesATerm(v) && tellsAnExample(v.hidden),
  },
  { name: 'one-end-of-a-change', weight: -0.5, holds: (v) => v.isCloze && asksOneEndOfAChange(v.prompt) },
  {
    // "Other solid choices include [...]" → Calico, Flannel, kube-router: examples of a kind, any of which would do.
    // "ex. endpoint2라는 이름의 [...] service 생성하고 …": a sentence that says it tells an example asks of that
    // example, not of Kubernetes.
    name: 'examples-asked',
    weight: -0.5,
    holds: (v) =>
      v.prompt.includes('[...]') &&
      (EXAMPLES_BEFORE_GAP.test(v.prompt.slice(0, v.prompt.indexOf('[...]'))) || tellsAnExample(v.prompt)),
  },
  {
    // "# Start a busybox pod and keep it in the foreground" over its command: the writer's own words for what the
    // command does. Judged: 63–83% kept, against a quarter for code-comment cards as a whole.
    name: 'comment-asks-its-command',
    weight: 0.15,
    holds: (v) => {
      if (v.card.rule !== 'code-comment' || isCommandLine(v.shown) || v.answerLines.length !== 1)
        return false;
      const words = v.shown.replace(/^(?:#|\/\/)\s*/, '');
      // "# On Linux:", "# Find path": a label over a step, not what the command is for.
      return (
        isCommandLine(v.answerLines[0]!) &&
        words.split(' ').length >= 3 &&
        !/[:：]$/.test(v.shown) &&
        !isStatement(words)
      );
    },
  },
  {
    name: 'command-object-unsaid',
    weight: -0.4,
    holds: (v) => {
      const command = codeCommand(v);
      return command !== null && leavesUnsaidWhatItReads(command, `${v.shown} ${v.context}`);
    },
  },
  {
    name: 'comment-promises-a-change',
    weight: -0.6,
    holds: (v) => {
      const command = codeCommand(v);
      return command !== null && commentPromisesAChange(v.shown, command);
    },
  },
  {
    // Judged code-intro cards were kept under a task ("Expose a pod as NodePort", "IP range of svc") and junked
    // under a statement ("The cluster isn't ready", "You should have one node …"): a statement says what
    // happened, not what the command is for. A Korean comment over the command that reports what was seen is one
    // too (both judges junked the two the bank holds).
    name: 'intro-is-a-statement',
    weight: -0.4,
    holds: (v) =>
      v.card.rule === 'code-intro'
        ? isStatement(v.shown)
        : v.card.rule === 'code-comment' && commentReportsAResult(v.shown),
  },
  {
    // "# check container arguments…", "Basically means you can't do this...": a question side that trails off
    // leaves the learner to guess how it ends (the three the banks hold were junked by both judges).
    name: 'prompt-trails-off',
    weight: -0.5,
    holds: (v) => !v.isCloze && TRAILS_OFF.test(v.shown.split('\n')[0]!),
  },
  { name: 'gap-after-comma', weight: -0.4, holds: (v) => v.isCloze && gapAfterComma(v.prompt) },
  { name: 'filler-answer', weight: -0.7, holds: (v) => isFiller(v.hidden, v.ko) },
  { name: 'pronoun-answer', weight: -0.4, holds: (v) => v.isCloze && opensWithPronoun(v.hidden) },
  { name: 'leans-on-previous-sentence', weight: -0.3, holds: (v) => v.isCloze && leansOnPrevious(v.prompt) },
  { name: 'cuts-a-phrase', weight: -0.6, holds: (v) => v.isCloze && cutsPhrase(v.prompt, v.card.answer) },

  // Too long.
  {
    // A cloze answer is recalled word for word; a definition on the back of a card may be one short sentence.
    name: 'cloze-answer-over-8-words',
    weight: -0.35,
    holds: (v) =>
      v.isCloze &&
      !isList(v) &&
      !isCode(v) &&
      v.answerWords > SHORT_ANSWER_WORDS &&
      v.answerWords <= PARAGRAPH_WORDS,
  },
  {
    // "MTU → 네트워크 계층 (OSI Model 3 layer, L3)에서 정의되는 IP패킷의 최대 크기로, …": a term's definition past 16
    // words is more than one short sentence to recall. Judges kept a third of such cards and trimmed the rest (EDIT).
    name: 'definition-over-16-words',
    weight: -0.2,
    holds: (v) =>
      definesATerm(v) &&
      v.card.rule !== 'definition-reverse' &&
      !isList(v) &&
      !isCode(v) &&
      v.answerWords > DEFINITION_WORDS &&
      v.answerWords <= PARAGRAPH_WORDS,
  },
  {
    name: 'answer-is-a-paragraph',
    weight: -0.7,
    holds: (v) => !isList(v) && !isCode(v) && !isManifestCard(v) && v.answerWords > PARAGRAPH_WORDS,
  },
  {
    name: 'long-list',
    weight: -0.3,
    holds: (v) => isList(v) && (v.answerLines.length > 7 || v.answerWords / v.answerLines.length > 12),
  },
  { name: 'long-code', weight: -0.3, holds: (v) => isCode(v) && v.answerLines.length > 3 },
  { name: 'long-prompt', weight: -0.2, holds: (v) => !isManifestCard(v) && v.prompt.length > 250 },

  // Not a fact.
  {
    name: 'narration',
    weight: -0.6,
    holds: (v) => isNarration(v.isCloze ? v.prompt : `${v.shown} ${v.hidden}`),
  },
  {
    name: 'pasted-output',
    weight: -1,
    holds: (v) =>
      looksLikeOutput(v.card.answer) ||
      looksLikeOutput(v.card.prompt) ||
      // A command over lines that are no commands nor a list: what it printed.
      (!v.isCloze &&
        !hasHangul(v.shown) &&
        /\s-{1,2}\w|\s\S+\s\S+/.test(v.shown) &&
        isCommandLine(v.shown.replace(/^#\s*/, '')) &&
        v.answerLines.length >= 2 &&
        !isCode(v) &&
        !isList(v)),
  },
  {
    name: 'markup',
    weight: -1,
    holds: (v) => !isManifestCard(v) && (hasMarkup(v.card.prompt) || hasMarkup(v.card.answer)),
  },
];
