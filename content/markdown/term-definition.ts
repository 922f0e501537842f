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
  '참고',
  '주의',
  '예',
  '예시',
  '팁',
  '출처',
  '링크',
  '메모',
]);

/** `term: definition` on masked text (code spans are placeholders, so `a: b` inside code never matches). */
export function termDefinition(text: string): { term: string; definition: string } | null {
  const m = /^([^:：]{1,60}?)\s*[:：]\s+(\S.*)$/.exec(text);
  if (!m) return null;
  const term = m[1]!.trim();
  const definition = m[2]!.trim();
  if (!term || /[.?!。？！]$/.test(term) || term.split(/\s+/).length > 8) return null;
  if (LABELS.has(term.toLowerCase())) return null;
  if (/^\/\//.test(definition) || (/\d$/.test(term) && /^\d/.test(definition))) return null; // URLs, clock times
  return { term, definition };
}
