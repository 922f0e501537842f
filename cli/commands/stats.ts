import type { CommandImpl } from '../command.ts';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export const statsCommand: CommandImpl = {
  async run({ core, io, json }) {
    const s = await core().call('stats/summary', {});
    if (json) {
      io.out(JSON.stringify(s));
      return 0;
    }
    const c = s.counts;
    io.out(
      `cards: new ${c.new}, learning ${c.learning}, review ${c.review}, relearning ${c.relearning}, suspended ${c.suspended}, buried ${c.buried}`,
    );
    for (const [k, r] of Object.entries(s.retention))
      io.out(
        `true retention ${k}: ${pct(r.all.rate)} (young ${pct(r.young.rate)} of ${r.young.n}, mature ${pct(r.mature.rate)} of ${r.mature.n})`,
      );
    io.out(
      `due next 7 days: ${s.forecast
        .slice(0, 7)
        .map((d) => d.due)
        .join(' ')}`,
    );
    io.out(
      `reviews last 7 days: ${s.heatmap
        .slice(-7)
        .map((d) => d.reviews)
        .join(' ')}`,
    );
    const a = s.averages;
    io.out(
      `averages: stability ${a.stability?.toFixed(1) ?? '—'} d, difficulty ${a.difficulty?.toFixed(2) ?? '—'}, retrievability ${pct(a.retrievability)}`,
    );
    return 0;
  },
};

export const optimizeCommand: CommandImpl = {
  async run({ core, io, json, values }) {
    const r = await core().call('optimizer/run', { apply: values['dry-run'] !== true });
    if (json) io.out(JSON.stringify(r));
    else
      io.out(
        [
          `reviews ${r.reviews}, training items ${r.items}, ${r.seconds.toFixed(1)} s`,
          `before: log loss ${r.before.logLoss.toFixed(4)}, RMSE(bins) ${r.before.rmseBins.toFixed(4)}`,
          `after:  log loss ${r.after.logLoss.toFixed(4)}, RMSE(bins) ${r.after.rmseBins.toFixed(4)}`,
          r.applied ? 'new parameters applied' : 'kept the current parameters',
        ].join('\n'),
      );
    return 0;
  },
};
