import { shownDeckIds } from '../../db/decks.ts';
import { KubedeckError } from '../../db/errors.ts';
import { type DeckOverride, deckLimits, deckOverrides, type Scope, scopeOfDeck } from '../../db/review.ts';
import { allSettings } from '../../db/settings.ts';
import type { Ctx } from '../context.ts';
import { hiddenLangs } from '../handlers/decks.ts';
import { tr } from '../i18n/index.ts';
import { dayBounds } from './day.ts';
import { makeScheduler, type Scheduler } from './scheduler.ts';
import { type ReviewSettings, readSettings } from './settings.ts';

/** Learning cards due within this many minutes may show early when nothing else is left (Anki's learn-ahead). */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** Everything one review call needs, read once: settings, scheduler, today's bounds, the deck scope and limits. */
export type Session = {
  now: number;
  settings: ReviewSettings;
  sched: Scheduler;
  day: { day: number; start: number; end: number };
  scope: Scope;
  limits: { new: number; review: number };
  /** Decks in scope with daily limits of their own, which cap their share of the session. */
  overrides: DeckOverride[];
};

export function loadSettings(ctx: Ctx): ReviewSettings {
  const raw = allSettings(ctx.db);
  return readSettings((k) => raw[k], ctx.lang);
}

export function openSession(ctx: Ctx, deck?: string): Session {
  const now = ctx.now().getTime();
  const settings = loadSettings(ctx);
  const sched = makeScheduler(settings);
  let scope: Scope = null;
  let limits = { new: settings.newPerDay, review: settings.reviewsPerDay };
  if (deck !== undefined) {
    scope = scopeOfDeck(ctx.db, deck);
    if (scope.length === 0)
      throw new KubedeckError('unknown-deck', tr(ctx.lang, 'core.unknownDeck', { name: deck }));
    // A deck's own limits override the global ones when it is reviewed on its own.
    const own = deckLimits(ctx.db, deck);
    limits = { new: own?.new_per_day ?? limits.new, review: own?.reviews_per_day ?? limits.review };
  }
  // The bundled decks of a hidden language stay out of the queue unless one of them is asked for by name.
  const hidden = hiddenLangs(ctx.db);
  if (scope === null && hidden.length > 0) scope = shownDeckIds(ctx.db, hidden);
  const inScope = scope === null ? null : new Set(scope);
  const overrides = deckOverrides(ctx.db).filter((o) => inScope === null || inScope.has(o.id));
  return { now, settings, sched, day: dayBounds(now, sched.clock), scope, limits, overrides };
}
