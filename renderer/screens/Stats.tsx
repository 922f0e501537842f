import type { ApiResult } from '../../core/api.ts';
import { call } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { KeepRateTable } from '../components/KeepRateTable.tsx';
import {
  Buttons,
  Difficulty,
  Forecast,
  Heatmap,
  Hours,
  Intervals,
  RetentionByWeek,
} from '../components/StatsCharts.tsx';
import { type StringKey, useI18n } from '../i18n/index.ts';
import { useAsync } from '../useAsync.ts';

type Stats = ApiResult<'stats/summary'>;
type Rate = Stats['retention']['today']['all'];

const pct = (r: Rate) => (r.rate === null ? '—' : `${Math.round(r.rate * 100)}%`);

export function StatsScreen() {
  const { t } = useI18n();
  const stats = useAsync(
    () => Promise.all([call('stats/summary', {}), call('stats/charts', {}), call('import/keep-rates', {})]),
    [],
  );
  const [s, c, keep] = stats.data ?? [];
  return (
    <section className="screen stats">
      <h1>{t('statsTitle')}</h1>
      {stats.error ? <ErrorNote error={stats.error} onRetry={stats.reload} /> : null}
      {stats.loading && !s ? <p className="muted">{t('loading')}</p> : null}
      {s && c && (
        <>
          <div className="tiles">
            {(['new', 'learning', 'review', 'relearning', 'suspended', 'buried'] as const).map((k) => (
              <div className="tile" key={k}>
                <div className="tile-value">{s.counts[k]}</div>
                <div className="tile-label">{t(`state_${k}` as StringKey)}</div>
              </div>
            ))}
          </div>
          <h2 className="stats-head">{t('reviewsPerDay')}</h2>
          <Heatmap days={s.heatmap} t={t} />
          <div className="chart-grid">
            <div>
              <h2 className="stats-head">{t('forecast')}</h2>
              <Forecast days={s.forecast} t={t} />
            </div>
            <div>
              <h2 className="stats-head">{t('retentionByWeek')}</h2>
              <RetentionByWeek weeks={c.retentionByWeek} t={t} />
            </div>
            <div>
              <h2 className="stats-head">{t('intervals')}</h2>
              <Intervals rows={c.intervals} t={t} />
            </div>
            <div>
              <h2 className="stats-head">{t('difficultyDist')}</h2>
              <Difficulty rows={c.difficulty} t={t} />
            </div>
            <div>
              <h2 className="stats-head">{t('answerButtons')}</h2>
              <Buttons buttons={c.buttons} t={t} />
            </div>
            <div>
              <h2 className="stats-head">{t('hourly')}</h2>
              <Hours hours={c.hours} t={t} />
            </div>
          </div>
          <h2 className="stats-head">{t('trueRetention')}</h2>
          <table className="deck-table retention">
            <thead>
              <tr>
                <th />
                <th className="num">{t('young')}</th>
                <th className="num">{t('mature')}</th>
                <th className="num">{t('all')}</th>
              </tr>
            </thead>
            <tbody>
              {(['today', 'week', 'month', 'year'] as const).map((w) => (
                <tr key={w}>
                  <td>{t(`window_${w}` as StringKey)}</td>
                  <td className="num">{pct(s.retention[w].young)}</td>
                  <td className="num">{pct(s.retention[w].mature)}</td>
                  <td className="num">
                    {pct(s.retention[w].all)} <span className="muted small">({s.retention[w].all.n})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <KeepRates rows={keep ?? []} />
        </>
      )}
    </section>
  );
}

/** The learner's own verdict on each rule: the share of the cards it made that they kept. */
function KeepRates({ rows }: { rows: ApiResult<'import/keep-rates'> }) {
  const { t } = useI18n();
  return (
    <>
      <h2 className="stats-head">{t('keepRateTitle')}</h2>
      <p className="muted small">{t('keepRateHelp')}</p>
      {rows.length === 0 ? (
        <p className="muted">{t('keepNone')}</p>
      ) : (
        <KeepRateTable
          testId="keep-rates"
          rows={[...rows].sort((a, b) => a.keepRate - b.keepRate || b.made - a.made)}
        />
      )}
    </>
  );
}
