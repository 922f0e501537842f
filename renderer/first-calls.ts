import type { ApiResult } from '../core/api.ts';
import type { Lang } from '../core/i18n/lang.ts';
import { call, setApiLang } from './api/client.ts';
import { initialLang } from './i18n/initial-lang.ts';
import { screenFromHash } from './screen-from-hash.ts';

type Next = ApiResult<'review/next'>;

/**
 * The calls the first screen needs, sent the moment the bundle runs, before React's first render and paint: a cold
 * start then waits for the slowest of them, not for a render followed by each in turn.
 *
 * `decks/first-run` (hiding the bundled decks of the other language on a first start) and the first card go out
 * together; the card is asked for again only when that first start did hide something, so an everyday start never
 * waits for one after the other.
 *
 * The early card is only for the first screen of a page opened on Review: it answers what the queue was when the
 * page loaded. Kept longer, it goes stale (cards buried, deleted or imported since, through this page or another
 * client), so it is asked for only when Review is the first screen, and dropped the moment the page goes anywhere
 * else or Review's first load passes it by (a deck chosen). A later Review always asks the core again.
 */
const lang: Lang = initialLang(
  localStorage.getItem('kubedeck.lang'),
  navigator.languages ?? [navigator.language],
);
setApiLang(lang);

/**
 * The Korean font (fonts.css), asked for now rather than by the first layout that meets Hangul. That layout would
 * otherwise look through every system font for Hangul glyphs (none, on a machine without a Korean font: over 100
 * ms), draw with what it found, and lay out again when the font came. Kept by the browser, it is ready in a few ms.
 */
export const koreanFontLoaded: Promise<unknown> =
  lang === 'ko' ? document.fonts.load('1em "Kubedeck KR"', '가').catch(() => {}) : Promise.resolve();

const onReview = screenFromHash(window.location.hash) === 'review';

export const firstSettings = call('settings/get', {});
const firstRun = call('decks/first-run', { lang });
/** Settles once the first start's deck choice is stored: a card asked for after it respects that choice. */
export const firstRunSettled: Promise<void> = firstRun.then(
  () => {},
  () => {},
);
let firstCard: Promise<Next> | null = null;
if (onReview) {
  const next = call('review/next', {});
  next.catch(() => {}); // reported where it is taken
  firstCard = firstRun.then(
    (r) => (r.changed ? call('review/next', {}) : next),
    () => next,
  );
}

/** The early card once it has come, so Review's very first render can show it instead of rendering twice. */
let arrivedFirstCard: Next | null = null;
/** Settles when the early card has come or failed (at once when there is none): the first render waits for it. */
export const firstCardSettled: Promise<void> = (firstCard ?? Promise.resolve(null)).then(
  (next) => {
    if (next && firstCard) arrivedFirstCard = next;
    // When the card was in hand, for a test or a profile to set beside the first render's mark (main.tsx).
    performance.mark('kubedeck:first-card');
  },
  () => {},
);

// Leaving the first screen drops the early card: whenever Review shows next, the queue may have changed.
if (firstCard) window.addEventListener('hashchange', dropFirstCard, { once: true });
function dropFirstCard() {
  firstCard = null;
  arrivedFirstCard = null;
}

/**
 * The first card of the whole queue, for Review's first load only: `null` once taken, once the page left its first
 * screen, for a deck (that load asks for the deck's own card) or another language. Every later load asks again.
 */
export function takeFirstCard(forLang: Lang, deck?: string): Promise<Next> | null {
  const p = forLang === lang && !deck ? firstCard : null;
  dropFirstCard();
  return p;
}

/**
 * The early card when it has already come (the core usually answers while the bundle is still being evaluated),
 * taken like {@link takeFirstCard}: Review then renders its first card in the same pass as the app around it,
 * with one layout instead of a shell followed by a card.
 */
export function takeArrivedFirstCard(forLang: Lang, deck?: string): Next | null {
  const next = forLang === lang && !deck ? arrivedFirstCard : null;
  if (next) dropFirstCard();
  return next;
}
