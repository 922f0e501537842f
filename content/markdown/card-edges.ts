/**
 * What a card's text carries at its edges that belongs to the page, not to the fact: a pictograph the line opened
 * with, a bracket closed that was never opened.
 */

/**
 * "👉`ingressClassName`", "📍 서비스 생성 방법", "★이 때 …", "❗path", "⚠️**단점**": writers put a pictograph or a star
 * before a line to make it stand out on the page. It is no part of the term or the sentence a card asks; on a card it
 * is the first thing a learner would delete, and it hides the term from the selection (`👉path` is no field name).
 * Signs that are text (`©`, `®`, `™`) stay.
 */
const LEADING_DECORATION = /^(?:(?![©®™])\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|[★☆※])+\s*/u;

const OPENER: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/**
 * "cat /proc/sys/net/ipv4/ip_forward)", "… (still need to specify container's port)]": a bracket closed at the end
 * that the text never opened is a slip of the writer's (or of a cut made before it); judges asked for it off.
 */
function withoutStrayClosers(text: string): string {
  // Code over several lines closes its blocks on lines of their own; only a line of text is read.
  if (text.includes('\n')) return text;
  let t = text;
  for (;;) {
    const end = t.trimEnd();
    const opener = OPENER[end.at(-1) ?? ''];
    if (!opener) return t;
    const closer = end.at(-1)!;
    if (end.split(opener).length >= end.split(closer).length) return t;
    t = end.slice(0, -1);
  }
}

/** The text without a leading pictograph or star, and without brackets closed at its end that it never opened. */
export function withoutPageMarks(text: string): string {
  const rest = withoutStrayClosers(text.replace(LEADING_DECORATION, ''));
  return rest.trim() === '' ? text : rest;
}
