/**
 * Small text scans for the per-line hot paths of the card rules, where a regex copy or a throwaway string per
 * call showed up in the parse profile.
 */

/**
 * Every match of a global regex, as `text.matchAll(re)` gives them. `matchAll` copies the regex (and makes an
 * iterator) on each call; this runs the regex itself from `lastIndex` 0, which it leaves at 0.
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchesOf needs a global regex: ${re}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match moves on by one character (one code point in a unicode regex), as matchAll does.
    if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes('v'));
  }
  return out;
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  const d = text.charCodeAt(index + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}

const HANGUL_SYLLABLE = /[\uac00-\ud7a3]/;
/** Whether a text holds a Hangul syllable: written (at least partly) in Korean. */
export const hasHangul = (text: string): boolean => HANGUL_SYLLABLE.test(text);

/** Whether a UTF-16 code unit is one that a regex `\s` matches (white space or a line terminator). */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** How many parts `text.split(/\s+/)` gives (runs of white space plus one), without making them. */
export function splitCount(text: string): number {
  let parts = 1;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (space && !inSpace) parts++;
    inSpace = space;
  }
  return parts;
}

/** Text as two writings of it are compared: lower-cased, without code and emphasis marks, white space folded. */
export const foldForMatch = (s: string): string =>
  s.replace(/[`*]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
