import { KubedeckError } from '../../db/errors.ts';
import type { CommandImpl } from '../command.ts';

/** `--new 10` sets a deck's own limit, `--new global` hands it back to the global setting. */
function limit(flag: string, v: unknown): number | null | undefined {
  if (v === undefined) return undefined;
  if (v === 'global') return null;
  const n = Number(v);
  if (typeof v !== 'string' || !/^\d+$/.test(v) || !Number.isSafeInteger(n)) {
    throw new KubedeckError(
      'usage',
      `deck-limits: --${flag} takes a whole number or "global", not "${String(v)}"`,
      2,
    );
  }
  return n;
}

export const deckLimitsCommand: CommandImpl = {
  async run({ positionals, values, core, io, json }) {
    const [deck, ...extra] = positionals;
    if (!deck || extra.length > 0) throw new KubedeckError('usage', 'deck-limits: name one deck', 2);
    const d = await core().call('decks/set-limits', {
      deck,
      newPerDay: limit('new', values.new),
      reviewsPerDay: limit('reviews', values.reviews),
    });
    const show = (n: number | null) => (n === null ? 'global' : String(n));
    io.out(
      json
        ? JSON.stringify({ deck: d })
        : `${d.name}: new ${show(d.newPerDay)}/day, reviews ${show(d.reviewsPerDay)}/day`,
    );
    return 0;
  },
};
