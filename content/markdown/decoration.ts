/**
 * "👉`ingressClassName`", "📍 서비스 생성 방법", "★이 때 …", "❗path", "⚠️**단점**": writers put a pictograph or a star
 * before a line to make it stand out on the page. It is no part of the term or the sentence a card asks; on a card it
 * is the first thing a learner would delete, and it hides the term from the selection (`👉path` is no field name).
 * Signs that are text (`©`, `®`, `™`) stay.
 */
const LEADING_DECORATION = /^(?:(?![©®™])[\p{Extended_Pictographic}\u{FE0F}\u{200D}]|[★☆※])+\s*/u;

/** The text without the pictographs and stars it starts with; the text itself when nothing else is left. */
export function withoutDecoration(text: string): string {
  const rest = text.replace(LEADING_DECORATION, '');
  return rest.trim() === '' ? text : rest;
}
