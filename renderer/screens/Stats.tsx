import type { ApiResult } from '../../core/api.ts';
import { call } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { type StringKey, useI18n } from '../i18n/index.ts';
import { useAsync } from '../useAsync.ts';

type Stats = ApiResult<'stats/summary'>;
type Rate = Stats['retention']['today']['all'];

const pct = (r: Rate) => (r.rate === null ? '—' : `${Math.round(r.rate * 100)}%`);

export function StatsScreen() {
  const { t } = useI18n();
  const stats = useAsync(() => call('stats/summary', {}), []);
  const s = stats.data;
  return (
    <section className="screen stats">
      <h1>{t('statsTitle')}</h1>
      {stats.error ? <ErrorNote error={stats.error} onRetry={stats.reload} /> : null}
      {stats.loading && !s ? <p className="muted">{t('loading')}</p> : null}
      {s && (
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
          <Heatmap days={s.heatmap} />
          <h2 className="stats-head">{t('forecast')}</h2>
          <Forecast days={s.forecast} />
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
        </>
      )}
    </section>
  );
}

function Heatmap({ days }: { days: Stats['heatmap'] }) {
  const max = Math.max(1, ...days.map((d) => d.reviews));
  const level = (n: number) => (n === 0 ? 0 : Math.min(4, Math.ceil((n / max) * 4)));
  return (
    <div className="heatmap" role="img" aria-label={`${days.reduce((n, d) => n + d.reviews, 0)} reviews`}>
      {days.map((d) => (
        <span key={d.date} className={`heat l${level(d.reviews)}`} title={`${d.date}: ${d.reviews}`} />
      ))}
    </div>
  );
}

function Forecast({ days }: { days: Stats['forecast'] }) {
  const max = Math.max(1, ...days.map((d) => d.due));
  return (
    <div className="forecast">
      {days.map((d) => (
        <div key={d.date} className="bar-wrap" title={`${d.date}: ${d.due}`}>
          <div className="bar" style={{ height: `${(d.due / max) * 100}%` }} />
        </div>
      ))}
    </div>
  );
}
