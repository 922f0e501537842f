import { SKIP_KEYS, yamlLine } from './manifest-fields.ts';
import { hasHangul } from './scan.ts';
import { isFieldName, koreanSpellings, stripParticle } from './select/vocab.ts';
import { splitTrailingComment } from './trailing-comment.ts';

/**
 * `targetPort: 8080 # 파드의 컨테이너 포트`, `sessionAffinity: ClientIP # 발신 IP 주소 바탕으로`: beside a field of a
 * manifest, writers say in a comment what the field, or the value they chose, means. That gloss is the fact worth
 * recalling; the example's number is not. A field under `labels`, `selector` or `data` is the writer's own key, and
 * a comment telling the reader what to do (`# replace with your GatewayClass name`, `# 여기에 입력`) glosses nothing.
 */
export type FieldGloss = {
  /** The manifest's kind, as written (`Service`). */
  kind: string;
  field: string;
  /** The value when it is one of a field's fixed words (`ClientIP`, `Prefix`), asked with the field; else null. */
  value: string | null;
  gloss: string;
  /** Index of the field's line in the document. */
  at: number;
};

// Keys under these are the writer's own (label keys, env names, ConfigMap data), not fields of Kubernetes.
const FREE_PARENTS =
  /^(?:labels|matchLabels|annotations|selector|nodeSelector|data|stringData|env|args|command|parameters)$/;
// A word value the API fixes (`NodePort`, `ClientIP`, `Prefix`, `None`, `Local`); numbers and names are examples.
const FIXED_WORD = /^[A-Z][A-Za-z0-9]+$/;
const MIN_GLOSS_CHARS = 4;
// A gloss is recalled in one go, as a cloze answer is: longer ones were trimmed by judges.
const MAX_GLOSS_WORDS = 8;
// "# replace with your GatewayClass name", "# must match service name", "# This time we need to …": an instruction
// or the writer's aside, not what the field means.
const INSTRUCTION_EN =
  /^(?:replace|change|add|remove|delete|update|edit|set|use|put|place|uncomment|comment|optional|required|todo|note|see|must|should|here|this|that|fill|insert|enter|don'?t|do|make|try|if|ex|e\.g)\b/i;
const INSTRUCTION_KO = /주석|(?:하세요|할 것|해야\s?함|해야 한다|하기|바꾸기|넣기|입력)\s*[.)]?$/;
// "Port of your backend Service from the image", "check this": the example in front of the writer, not the field.
const POINTS_EN = /\b(?:this|these|your|here|check)\b/i;
// "ip of say a backup server", "예를 들어 web 파드": the gloss speaks of one example, not of the field.
const EXAMPLE_TALK = /\b(?:say|e\.g\.?|for example|for instance|such as)\s|예를 들어|예시|예\)/i;
// The notes are Korean or English: a gloss in another script (a third language) is not asked.
const IN_NOTE_SCRIPTS = /^[\p{Script=Latin}\p{Script=Hangul}\p{N}\p{P}\p{S}\s]+$/u;
// Arrows and pointing hands a writer draws to their own change (`#👈👈👈 Change: my-ingress`).
const DECORATION = /[\u{1F300}-\u{1FAFF}\u{2190}-\u{21FF}\u{2600}-\u{27BF}]/gu;

export function fieldGlosses(doc: string): FieldGloss[] {
  const raw = doc.split('\n');
  const kind = raw.map((l) => /^kind:\s*(\w+)/.exec(l)?.[1]).find((k) => k !== undefined);
  if (!kind) return [];
  const out: FieldGloss[] = [];
  const seen = new Set<string>();
  // The keys above the current line, by column: a line's parents are the open keys at smaller columns.
  const open: { indent: number; key: string }[] = [];
  raw.forEach((text, at) => {
    const l = yamlLine(text);
    if (!l.key) return;
    while (open.length > 0 && open[open.length - 1]!.indent >= l.indent) open.pop();
    const parents = open.map((o) => o.key);
    open.push({ indent: l.indent, key: l.key });
    if (!isFieldName(l.key) || SKIP_KEYS.test(l.key) || l.indent === 0) return;
    if (parents.some((p) => FREE_PARENTS.test(p))) return;
    const split = splitTrailingComment(text.trimEnd());
    if (!split) return;
    const gloss = glossBeside(l.key, l.value, split[1], kind);
    if (!gloss) return;
    const value = FIXED_WORD.test(l.value) ? l.value : null;
    const fact = `${l.key}\u0000${value ?? ''}`;
    if (seen.has(fact)) return;
    seen.add(fact);
    out.push({ kind, field: l.key, value, gloss, at });
  });
  return out;
}

// Words that add nothing to a field's own name: "allow ingress traffic", "파드 선택", "서비스 타입 변경".
const EMPTY_WORDS = new Set([
  'allow',
  'allows',
  'select',
  'selects',
  'change',
  'set',
  'traffic',
  'the',
  'a',
  'of',
  'to',
  'for',
  '선택',
  '변경',
  '설정',
  '허용',
  '지정',
  '트래픽',
]);

/**
 * "podSelector # 파드 선택", "port # 서비스 포트", "ingress # allow ingress traffic": the gloss only says the field's
 * own words again (in either language), the kind's name and an empty verb. Judges junked each as trivial.
 */
function restatesField(gloss: string, field: string, kind: string): boolean {
  const own = new Set<string>();
  for (const word of [...field.split(/(?=[A-Z])/), field, kind].filter(Boolean)) {
    const w = word.toLowerCase();
    own.add(w);
    for (const ko of koreanSpellings(w)) own.add(ko);
  }
  return gloss
    .toLowerCase()
    .split(/\s+/)
    .map((w) => stripParticle(w.replace(/[.,()]/g, '')))
    .every((w) => !w || own.has(w) || EMPTY_WORDS.has(w));
}

/**
 * The comment beside `field: value` as what the field means, or null: an instruction, an aside about the example
 * (its own value, "say …"), the field's own words again, or too short or long to recall. `kind` may be empty.
 */
export function glossBeside(field: string, value: string, comment: string, kind: string): string | null {
  const gloss = glossOf(comment);
  if (!gloss || restatesField(gloss, field, kind)) return null;
  // "/testpath로 들어온 요청은 …", "… 9376 port": the gloss tells what this example does with its own value.
  if (value && !FIXED_WORD.test(value) && saysOwnValue(gloss, value)) return null;
  return gloss;
}

/** The gloss names the line's value, other than as the start of a range (`30000~32767에서만`). */
function saysOwnValue(gloss: string, value: string): boolean {
  const at = gloss.indexOf(value);
  if (at < 0) return false;
  const before = gloss[at - 1];
  const after = gloss[at + value.length];
  const glued = (c: string | undefined) => c !== undefined && /[\w.-]/.test(c);
  return !glued(before) && !glued(after) && !/^\s*[~-]\s*\d/.test(gloss.slice(at + value.length));
}

/** The comment as a gloss, or null when it is an instruction, points at the example, or is too short or long. */
function glossOf(comment: string): string | null {
  let text = comment
    .replace(DECORATION, '')
    .replace(/^[#\s]+|^(?:<-|->|=>|<=)\s*/g, '')
    // "# 1 port on the pod", "# ② 노드 포트": numbered to match a figure or the steps above.
    .replace(/^(?:\(?\d{1,2}[.)]?|[\u2460-\u2473])\s+/, '')
    .trim();
  // "(container port in pod )": the whole gloss in parentheses.
  const wrapped = /^\((.*)\)$/.exec(text);
  if (wrapped && !wrapped[1]!.includes('(')) text = wrapped[1]!.trim();
  if (text.length < MIN_GLOSS_CHARS || !/\p{L}{2}/u.test(text) || !IN_NOTE_SCRIPTS.test(text)) return null;
  // "or podSelector | namespaceSelector": the rest of a sentence the comment above began.
  if (/^(?:or|and|but|또는|혹은|및)\s|^[|/,]/i.test(text)) return null;
  const words = text.split(/\s+/);
  if (words.length > MAX_GLOSS_WORDS) return null;
  if (!hasHangul(text) && words.length < 2) return null;
  if (hasHangul(text) ? INSTRUCTION_KO.test(text) : INSTRUCTION_EN.test(text) || POINTS_EN.test(text))
    return null;
  if (EXAMPLE_TALK.test(text)) return null;
  return text;
}
