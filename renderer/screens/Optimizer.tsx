import { useEffect, useState } from 'react';
import type { ApiResult } from '../../core/api.ts';
import { call } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useI18n } from '../i18n/index.ts';

type OptimizeResult = ApiResult<'optimizer/run'>;

/** Settings › FSRS optimizer: run it, watch it run, read log loss and RMSE before and after. */
export function Optimizer({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [running, setRunning] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [result, setResult] = useState<OptimizeResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (running === null) return;
    const timer = setInterval(() => setElapsed(Math.round((Date.now() - running) / 1000)), 250);
    return () => clearInterval(timer);
  }, [running]);
  const run = async () => {
    setRunning(Date.now());
    setElapsed(0);
    setError(null);
    setResult(null);
    try {
      setResult(await call('optimizer/run', { apply: true }));
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setRunning(null);
    }
  };
  const f = (n: number) => n.toFixed(4);
  return (
    <fieldset className="settings-group optimizer" data-testid="optimizer">
      <legend>{t('group.optimizer')}</legend>
      <p className="muted small">{t('optimizerHelp')}</p>
      <button type="button" className="btn primary" onClick={run} disabled={running !== null}>
        {t('optimizerRun')}
      </button>
      {running !== null && (
        <div className="progress" data-testid="optimizer-progress">
          <progress aria-label={t('optimizerRunning', { s: elapsed })} />
          <span className="muted small"> {t('optimizerRunning', { s: elapsed })}</span>
        </div>
      )}
      {/* Too few reviews is where every new learner starts, not a failure: say how many it needs, calmly. */}
      {(error as { code?: string } | null)?.code === 'too-few-reviews' ? (
        <p className="notice" role="status" data-testid="optimizer-too-few">
          {(error as Error).message}
        </p>
      ) : error ? (
        <ErrorNote error={error} />
      ) : null}
      {result && (
        <div className="optimizer-result" data-testid="optimizer-result">
          <table className="deck-table">
            <thead>
              <tr>
                <th />
                <th className="num">{t('optimizerBefore')}</th>
                <th className="num">{t('optimizerAfter')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{t('logLoss')}</td>
                <td className="num">{f(result.before.logLoss)}</td>
                <td className="num" data-testid="logloss-after">
                  {f(result.after.logLoss)}
                </td>
              </tr>
              <tr>
                <td>{t('rmse')}</td>
                <td className="num">{f(result.before.rmseBins)}</td>
                <td className="num">{f(result.after.rmseBins)}</td>
              </tr>
            </tbody>
          </table>
          <p className={result.applied ? 'ok-text' : 'muted'}>
            {t(result.applied ? 'optimizerApplied' : 'optimizerKept', {
              n: result.reviews,
              s: result.seconds.toFixed(1),
            })}
          </p>
        </div>
      )}
    </fieldset>
  );
}
