import type { Block } from './block-tree.ts';
import { withoutEmphasis } from './emphasis.ts';
import { leansOnPrevious, opensWithPronoun, tellsAnExample } from './select/text-signs.ts';
import { isTermToken, resourceOfKoreanName, stripParticle } from './select/vocab.ts';
import { splitSentences } from './sentence-cloze.ts';
import { isSectionLabel, termDefinition } from './term-definition.ts';

/**
 * "### /etc/hosts" over "- 도메인명의 IP로 변환을 위한 정적 조회.", "## ClusterIP" over "The default type: reachable
 * from inside the cluster only.": a writer who names a section after a term very often opens it with what the term
 * is. That first line is asked from the term, as a `Term: definition` line would be; the rest of the section (an
 * example, details) is not part of the answer.
 */
export function headingDefinition(
  heading: string,
  next: Block | undefined,
  after: Block | undefined,
): { term: string; definition: string; line: number } | null {
  const term = termOf(heading);
  if (term === null || titlesAList(next, after)) return null;
  const first = firstLineOf(next);
  // A line that names its own term ("Table - iptables는 …", "**containerPort = targetPort**: …") is asked as that.
  if (first === null || termDefinition(first.text, { dash: true }) !== null) return null;
  const definition = withoutTermAsSubject(first.text, term);
  return isDefinition(definition, term) ? { term, definition, line: first.line } : null;
}

/**
 * Kind nouns a term of two or three words may end with: "Headless Service", "Ingress Controller", "IPVS mode",
 * "L4 Load Balancer", "Root DNS Server". Any other multi-word heading is a title about something ("CoreDNS
 * Deployment", "Service ClusterIP 특징", "DNS in Kubernetes"), whose first line need not say what anything is.
 */
const KIND_NOUN =
  /^(?:services?|controllers?|class(?:es)?|api|proxy|modes?|plugins?|servers?|bridges?|balancers?|polic(?:y|ies)|records?|tables?|chains?|gateways?|routes?|ports?|ip|서비스|모드|플러그인|컨트롤러|프록시|레코드|정책|서버|테이블|체인)$/i;

/** An imperative opening a heading or a line: what to do ("Add external service", "Create the configmap …"). */
const TASK_VERB =
  /^(?:add|create|install|configure|deploy|use|set|setup|check|test|verify|expose|enable|run|delete|remove|update|apply|get|make|build)$/i;

/**
 * The heading as a term, or null: one name ("/etc/hosts", "ClusterIP", "`kube-proxy`", "2. NodePort") or a name
 * and a kind noun. A single plain lower-case word ("service", "rules") heads a topic more often than a definition.
 */
function termOf(heading: string): string | null {
  const asked = askedTerm(heading);
  if (asked !== undefined) return asked;
  const text = heading
    .trim()
    // "2. NodePort", "1-6-4 LoadBalancer", "3) Ingress": the section's number is no part of the term.
    .replace(/^(?:\d{1,2}(?:[.-]\d{1,2})*[.)-]?\s+|\d{1,2}[.)-]|[-*•]\s*)/, '')
    .replace(/[:：]$/, '')
    .replace(/^\*\*(.+)\*\*$/, '$1')
    .trim();
  if (!text || text.length > 40 || isSectionLabel(text)) return null;
  const words = text.split(/\s+/);
  if (words.length === 1) {
    // "## DNS", "## TLS", "## CNI": an acronym alone heads a topic, opened by whatever the writer says first about it
    // ("To resolve names for ip.", "인그레스 컨트롤러는 TLS종료를 수행할 수 있다."); judges kept none of six.
    if (/^[A-Z]{2,5}$/.test(text)) return null;
    return /[A-Z0-9/`.-]/.test(text) && !/[?？!,，:：()]/.test(text) ? text : null;
  }
  if (words.length > 3) return null;
  // The name before the kind noun: "Headless", "NodePort", "L4 Load", "Root DNS"; never a gerund ("Pod Networking").
  const name = words.slice(0, -1);
  const latin = (w: string) => /^[A-Za-z0-9`][\w`.-]*$/.test(w) && !/ing$/i.test(w);
  // "Add external service", "Expose CoreDNS": a task, not a name.
  if (TASK_VERB.test(words[0]!)) return null;
  return name.every(latin) && KIND_NOUN.test(words.at(-1)!) ? text : null;
}

// The three ways a heading asks what a term is: "What is a …?", "…(이)란 (무엇인가)?", and the term alone, asked.
const WHAT_IS = /^what(?:\s+is|\s+are|'s)\s+(?:an?\s+|the\s+)?(.+?)\s*[?？]$/i;
const KO_WHAT_IS = /^(.+?)\s*(?:이란|란)(?:\s*무엇(?:인가|일까|인가요|일까요)?)?\s*[?？]$/;
const TERM_ALONE = /^(\S+)\s*[?？]$/;

/**
 * "인그레스란?", "`SNAT`란?", "What is a Container network interface?", "CORS?": the writer asks what a term is, so the
 * section's first line is that term's definition, as under a heading that only names it; the rest of the section is
 * an explanation, not part of the answer (judges asked to "trim to the first sentence"). The question names its
 * term outright, so a plain word (`Domain`) or an acronym (`BGP`) counts, which a bare heading would not.
 * Undefined when the heading asks nothing of this form; null when it asks about more than a term.
 */
function askedTerm(heading: string): string | null | undefined {
  const text = heading.trim();
  if (!/[?？]$/.test(text)) return undefined;
  const m = WHAT_IS.exec(text) ?? KO_WHAT_IS.exec(text) ?? TERM_ALONE.exec(text);
  if (!m) return undefined;
  const term = withoutEmphasis(m[1]!).trim();
  const words = term.split(/\s+/);
  // "Whence 8.8.8.8?", "어떻게 …?": a question about something else, or a phrase longer than a term.
  if (!term || term.length > 40 || words.length > 3 || /[?？!,，:：]/.test(term) || isSectionLabel(term))
    return null;
  if (words.length === 1 && !/[A-Za-z\u3131-\ud7a3`]/.test(term)) return null;
  return term;
}

/** "The four values of a Service spec.type" over a list: a line of its own, unpunctuated, that titles the list. */
function titlesAList(next: Block | undefined, after: Block | undefined): boolean {
  return (
    next?.t === 'para' &&
    next.lines.length === 1 &&
    after?.t === 'list' &&
    !/[.。]$/.test(next.lines[0]!.text.trim())
  );
}

/**
 * The first sentence of the paragraph under the heading, or the first line of its list's first item, with the
 * line it is on: the card competes with what that line makes, so one fact gives one card.
 */
function firstLineOf(next: Block | undefined): { text: string; line: number } | null {
  if (next?.t === 'para') {
    // The writer's first line, and the lines a hard wrap cut it into (they go on in lower case): a line of its own
    // after an unpunctuated one is a second statement ("… 참조하는 방법" / "쿠버네티스 내부에서 …").
    let end = 1;
    while (
      end < next.lines.length &&
      /^[a-z]/.test(next.lines[end]!.text.trim()) &&
      !/[.。]$/.test(next.lines[end - 1]!.text.trim())
    )
      end++;
    const text = next.lines
      .slice(0, end)
      .map((l) => l.text.trim())
      .join(' ')
      .trim();
    const first = splitSentences(text)[0]?.trim();
    return first ? { text: first, line: next.lines[0]!.line } : null;
  }
  if (next?.t === 'list') {
    const para = next.items[0]?.blocks[0];
    if (para?.t !== 'para' || para.lines.length !== 1) return null;
    return { text: para.lines[0]!.text.trim(), line: para.lines[0]!.line };
  }
  return null;
}

/** "kube-proxy는 각 노드에서 …", "ClusterIP is the default …": the term as the subject is the question's own word. */
function withoutTermAsSubject(line: string, term: string): string {
  const bare = term.replace(/`/g, '');
  const marked = line.replace(/^[*_`]+/, '');
  // "A NetworkPolicy is …": an article before the term is part of saying it again.
  const article = /^(?:an?|the)\s+/i.exec(marked);
  const afterArticle = article ? marked.slice(article[0].length) : marked;
  const lead = afterArticle.toLowerCase().startsWith(bare.toLowerCase()) ? afterArticle : marked;
  if (!lead.toLowerCase().startsWith(bare.toLowerCase())) return line;
  const rest = lead.slice(bare.length).replace(/^[*_`]+/, '');
  const m = /^(?:\s*(?:는|은|이란|란|이|가|:|-|–|—)\s*|\s+(?:is|are)\s+)(\S.*)$/.exec(rest);
  return m ? m[1]! : line;
}

/** "이것은 …", "It …": a pronoun for something said before; "각 노드에서 …", "Every node …" is what the term does. */
const pointsBack = (line: string) =>
  opensWithPronoun(line) && !/^(?:각|각각의|모든|every|each|all)\s/i.test(line);

const WORDS_MAX = 30;
const NARRATION_OPEN = /^(?:when|if|usually|you|we|i|let's|let us|now|in this|note|first|next|finally)\b/i;

/**
 * A line that says what the term is or does: a phrase or one sentence, not a lead-in to what follows ("다음과
 * 같다:"), an example ("ex. 10.0.0.1 www.foo.bar"), a command, or a link on its own.
 */
function isDefinition(line: string, term: string): boolean {
  const words = line.split(/\s+/).length;
  if (words < 3 || words > WORDS_MAX || line.length > 220) return false;
  if (/[:：]\s*$/.test(line)) return false;
  // "한가지 더 주목해야 하는 설정은 …", "This means …", "When a client sends …", "Usually you …": a sentence that
  // goes on from what came before, or tells a story, does not say what the term is.
  if (leansOnPrevious(line) || pointsBack(line) || NARRATION_OPEN.test(line)) return false;
  // "Create the coredns-custom configmap …": a step to take, not what the term is.
  if (TASK_VERB.test(line.split(/\s+/)[0]!)) return false;
  if (tellsAnExample(line)) return false;
  if (/^[`$>#|!<[]/.test(line) || /^https?:\/\//.test(line)) return false;
  // "📍 pod의 문제점": an emoji opens a sub-title of the section, not a statement.
  if (line.codePointAt(0)! > 0x2000 && !/^[\u3131-\ud7a3\u4e00-\u9fff]/.test(line)) return false;
  if (line.replace(/`/g, '').trim().toLowerCase() === term.replace(/`/g, '').toLowerCase()) return false;
  return !aboutAnotherTerm(line, term);
}

/**
 * "## ClusterIP" over "서비스는 필요한 파드를 선택하기 위해 셀렉터 옵션을 이용하고 …", over "Services are …": the line's
 * topic is another term, so it says what that one does, not what the heading's term is.
 */
function aboutAnotherTerm(line: string, term: string): boolean {
  const topic =
    /^([^\s]+?)(?:은|는)\s/.exec(line)?.[1] ?? /^(?:the\s+|an?\s+)?(\S+)\s+(?:is|are)\s/i.exec(line)?.[1];
  if (topic === undefined) return false;
  const word = stripParticle(topic.replace(/[`*]/g, ''));
  const resource = resourceOfKoreanName(word);
  if (resource === undefined && !isTermToken(word)) return false;
  const t = term.replace(/`/g, '').toLowerCase();
  const w = (resource ?? word).toLowerCase();
  return !t.includes(w) && !w.includes(t);
}
