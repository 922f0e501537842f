import { withoutEmphasis } from './emphasis.ts';
import { splitCount } from './scan.ts';

const MANIFEST_KEYS = new Set(
  'apiversion kind name namespace type port ports targetport nodeport containerport protocol path pathtype host hostname image replicas selector value key number scheme weight'.split(
    ' ',
  ),
);

/** Labels people put before a colon that introduce prose rather than define a term. */
const LABELS = new Set([
  'note',
  'tip',
  'example',
  'e.g',
  'see',
  'warning',
  'todo',
  'ref',
  'source',
  'link',
  'related',
  'also',
  'but',
  'so',
  'and',
  'however',
  'important',
  'update',
  'result',
  'output',
  'expected',
  'answer',
  'question',
  '참고',
  '주의',
  '예',
  '예시',
  '팁',
  '출처',
  '링크',
  '메모',
  // Section labels of exercise notes ("**Problem:** …", "**Reference Doc:** https://…", "> **Key:** …").
  'problem',
  'problems',
  'task',
  'tasks',
  'solution',
  'solutions',
  'solution steps',
  'steps',
  'hint',
  'hints',
  'verification',
  'verify',
  'key',
  'critical',
  'caution',
  'reference',
  'reference doc',
  'reference docs',
  'docs',
  'doc',
  'purpose',
  'goal',
  'definition',
  'overview',
  'summary',
  '정의',
  '개요',
  '요약',
  '문제',
  '풀이',
  '해설',
  '힌트',
  '목표',
  '정답',
  '확인',
  '포인트',
  '핵심',
  // Callouts a writer puts before the sentence to keep ("Remember: a Service finds its pods with a label selector").
  'remember',
  'reminder',
  'keep in mind',
  'takeaway',
  'key point',
  'exam tip',
  'fyi',
  '기억',
  '기억할 것',
  '중요',
  '시험 팁',
]);

/** A label that opens a section or a callout, not a term ("Problem", "Solution Steps", "풀이"). */
export const isSectionLabel = (text: string): boolean => LABELS.has(text.trim().toLowerCase());
const LONGEST_KEY = Math.max(...[...LABELS, ...MANIFEST_KEYS].map((k) => k.length));

// `/[.?!。？！]$/`, as character codes.
const SENTENCE_END = new Set([0x2e, 0x3f, 0x21, 0x3002, 0xff1f, 0xff01]);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** `text.toLowerCase()`, without the call for text that has nothing to lower (no A-Z, only ASCII and Hangul). */
function lowerCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x80 && (c < 0xac00 || c > 0xd7a3))) return text.toLowerCase();
  }
  return text;
}

export type TermOptions = { dash?: boolean };

// `cmd - what it does`, `term — definition`, `A -> B`, `cmd → meaning`, `` `port` = service port ``.
const ARROWS = /^(.{1,60}?)\s+(?:—|–|->|→|⇒|=)\s+(\S.*)$/;
const DASH = /^(.{1,60}?)\s+-\s+(\S.*)$/;
// What DASH needs somewhere, found in one scan (DASH itself tries up to 60 term lengths before it fails).
const SPACED_HYPHEN = /\s-\s/;

// A cheap test for the arrows: ARROWS tries up to 60 term lengths before it fails.
const ARROW_MARK = /[—–→⇒=]|->/;

function arrowDefinition(text: string, dash: boolean): { term: string; definition: string } | null {
  const arrow = ARROW_MARK.test(text) ? ARROWS.exec(text) : null;
  const m = arrow ?? (dash && SPACED_HYPHEN.test(text) ? DASH.exec(text) : null);
  if (!m) return null;
  const term = withoutEmphasis(m[1]!.trim());
  const definition = m[2]!.trim();
  // A short name or a code span on the left; prose on both sides is a sentence, not a definition.
  const code = /^\uE000\d+\uE001$/.test(term);
  const limit = arrow ? 4 : 2;
  if (!code && (splitCount(term) > limit || /[.?!。]$/.test(term))) return null;
  if (!definition || /^[=>-]/.test(definition)) return null;
  return { term, definition };
}

/** `term: definition` on masked text (code spans are placeholders, so `a: b` inside code never matches). */
export function termDefinition(
  text: string,
  opts: TermOptions = {},
): { term: string; definition: string } | null {
  // Both forms below need a colon.
  if (!text.includes(':') && !text.includes('：')) return arrowDefinition(text, opts.dash ?? false);
  // `**Term:** definition` — the colon inside the bold.
  if (text.startsWith('**')) {
    const b = /^\*\*([^*]{1,60}?)\s*[:：]\*\*\s*(\S.*)$/.exec(text);
    if (b && !LABELS.has(b[1]!.trim().toLowerCase())) return { term: b[1]!.trim(), definition: b[2]!.trim() };
    if (b) return null;
  }
  const m = /^([^:：]{1,60}?)\s*[:：]\s+(\S.*)$/.exec(text);
  // "PVC - namespace scoped, must match: a, b": the dash came first, so it is the separator.
  if (!m || (opts.dash && m[1]!.includes('-') && /^\S+\s-\s/.test(m[1]!)))
    return arrowDefinition(text, opts.dash ?? false);
  const term = withoutEmphasis(m[1]!.trim());
  const definition = m[2]!.trim();
  // "**Medium** | ~20 min | Domain: Networking (20%)": a bar of facts, not one term; each is asked in place.
  if (
    !term ||
    SENTENCE_END.has(term.charCodeAt(term.length - 1)) ||
    splitCount(term) > 8 ||
    term.includes(' | ') ||
    // "… 바꾼다 (예: x)": the colon is inside an aside, so what comes before it is a sentence, not a term.
    (term.includes('(') && !term.includes(')'))
  )
    return null;
  // Lower-casing never shortens a text, so a term longer than every label and key is neither.
  const lower = term.length <= LONGEST_KEY ? lowerCase(term) : null;
  if (lower !== null && LABELS.has(lower)) return null;
  // `Type: ClusterIP` / `- port: 80` is a manifest field and its value, not a term and its definition.
  if (lower !== null && MANIFEST_KEYS.has(lower) && !/\s/.test(definition)) return null;
  // URLs, clock times.
  if (
    definition.startsWith('//') ||
    (isDigit(term.charCodeAt(term.length - 1)) && isDigit(definition.charCodeAt(0)))
  )
    return null;
  return { term, definition };
}
