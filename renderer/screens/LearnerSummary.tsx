import type { ApiResult } from '../../core/api.ts';
import { KeepRateTable } from '../components/KeepRateTable.tsx';
import { RuleOffOffer } from '../components/RuleOffOffer.tsx';
import { ruleLabel, useI18n } from '../i18n/index.ts';

type Result = ApiResult<'import/run'>;

/**
 * What an import says about the learner's own decisions: studied cards the notes no longer make (kept, for the
 * learner to decide), the keep rate of the rules they have deleted cards of, and rules worth switching off.
 */
export function LearnerSummary({ result }: { result: Result }) {
  const { t, lang } = useI18n();
  const taught = result.keep.filter((k) => k.deleted > 0);
  return (
    <>
      {result.noLongerMade.length > 0 && (
        <details className="warnings no-longer-made" open data-testid="no-longer-made">
          <summary>{t('importNoLongerMade').replace('{n}', String(result.noLongerMade.length))}</summary>
          <ul>
            {result.noLongerMade.map((n) => (
              <li key={n.id}>
                <code className="muted">
                  {(n.file ?? '').split('/').pop()}:{n.line}
                </code>{' '}
                <span className="tag subtle" title={n.rule}>
                  {ruleLabel(lang, n.rule)}
                </span>{' '}
                {n.prompt.split('\n')[0]}
              </li>
            ))}
          </ul>
        </details>
      )}
      {taught.length > 0 && (
        <div data-testid="import-keep-rates">
          <h3>{t('keepRateTitle')}</h3>
          <KeepRateTable rows={taught} testId="import-keep-table" />
        </div>
      )}
      {result.offers.map((o) => (
        <RuleOffOffer key={`${o.file}:${o.rule}`} offer={o} />
      ))}
    </>
  );
}
