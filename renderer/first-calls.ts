import type { ApiResult } from '../core/api.ts';
import { call, setApiLang } from './api/client.ts';
import { initialLang, type Lang } from './i18n/index.ts';

type Next = ApiResult<'review/next'>;

/**
 * The calls the first screen needs, sent the moment the bundle runs, before React's first render and paint: a cold
 * start then waits for the slowest of them, not for a render followed by each in turn.
 *
 * `decks/first-run` (hiding the bundled decks of the other language on a first start) and the first card go out
 * together; the card is asked for again only when that first start did hide something, so an everyday start never
 * waits for one after the other.
 */
const lang: Lang = initialLang(
  localStorage.getItem('kubedeck.lang'),
  navigator.languages ?? [navigator.language],
);
setApiLang(lang);
const onReview = /^#?\/?(review)?(\/|$)/.test(window.location.hash);

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

/** The first card of the whole queue in `forLang`, once: later loads (or another language) ask again. */
export function takeFirstCard(forLang: Lang): Promise<Next> | null {
  const p = forLang === lang ? firstCard : null;
  firstCard = null;
  return p;
}
