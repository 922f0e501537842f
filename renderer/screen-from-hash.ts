/** The screens, in the order of the tabs; the address names one as `#/<screen>`. */
export const SCREEN_IDS = ['review', 'decks', 'browse', 'import', 'exercises', 'stats', 'settings'] as const;
export type Screen = (typeof SCREEN_IDS)[number];

/**
 * The screen an address shows: `#/browse/<id>` is Browse; an empty or unknown hash is Review. One reading for the
 * app and for the calls sent before it renders (first-calls.ts), so the first card is asked for only when Review
 * really is the first screen.
 */
export function screenFromHash(hash: string): Screen {
  const id = hash.replace(/^#\/?/, '').split('/')[0];
  return (SCREEN_IDS as readonly string[]).includes(id ?? '') ? (id as Screen) : 'review';
}
