/**
 * Emphasis a writer puts around a term (`**Pod Selector**`, `***ip link***`, `*ipBlock*`, `*__podSelector__*`)
 * marks it; it is not part of it, and a card that keeps one `*` of it shows a stray mark.
 */

/** Marks around the whole text, `*Pod*`, `__Term__`; `*a* and *b*` is two emphases, not one around it all. */
const WRAPPED = /^(?:\*{1,3}([^*\s](?:[^*]*[^*\s])?)\*{1,3}|_{1,3}([^_\s](?:[^_]*[^_\s])?)_{1,3})$/;

/**
 * The text without its emphasis: bold inside it goes first (`**ClusterIP** (default)`), then marks around all of
 * it (bold and italic at once leave one `*` after the bold goes), pair by pair, as two kinds of mark can nest.
 */
export function withoutEmphasis(raw: string): string {
  if (raw.charCodeAt(0) !== 42 && raw.charCodeAt(0) !== 95 && !raw.includes('**')) return raw;
  let text = raw.replace(/\*\*([^*]+)\*\*/g, '$1');
  for (let m = WRAPPED.exec(text); m; m = WRAPPED.exec(text)) text = (m[1] ?? m[2])!;
  return text;
}
