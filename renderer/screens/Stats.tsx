import { callMaybe } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useI18n } from '../i18n/index.ts';
import { useAsync } from '../useAsync.ts';

/** Shows every number the stats handler returns, one tile each, so new figures appear without UI changes. */
function flatten(v: unknown, prefix = ''): [string, number | string][] {
  if (v === null || typeof v !== 'object') return [];
  const out: [string, number | string][] = [];
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const name = prefix ? `${prefix} · ${k}` : k;
    if (typeof x === 'number') out.push([name, Number.isInteger(x) ? x : x.toFixed(2)]);
    else if (x && typeof x === 'object' && !Array.isArray(x)) out.push(...flatten(x, name));
  }
  return out;
}

export function StatsScreen() {
  const { t } = useI18n();
  const stats = useAsync(() => callMaybe<'stats/summary', unknown>('stats/summary', {}), []);
  const tiles = flatten(stats.data);
  return (
    <section className="screen stats">
      <h1>{t('statsTitle')}</h1>
      {stats.error ? <ErrorNote error={stats.error} onRetry={stats.reload} /> : null}
      {stats.loading && !stats.data ? <p className="muted">{t('loading')}</p> : null}
      <div className="tiles">
        {tiles.map(([k, v]) => (
          <div className="tile" key={k}>
            <div className="tile-value">{v}</div>
            <div className="tile-label">{k}</div>
          </div>
        ))}
      </div>
    </section>
  );
}
