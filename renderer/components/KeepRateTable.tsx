import type { ApiResult } from '../../core/api.ts';
import { ruleLabel, useI18n } from '../i18n/index.ts';

export type RuleKeep = ApiResult<'import/keep-rates'>[number];

/** The learner's own verdict on rules: cards each made, how many were thrown away, the share kept. */
export function KeepRateTable({ rows, testId }: { rows: RuleKeep[]; testId: string }) {
  const { t, lang } = useI18n();
  return (
    <table className="deck-table keep-rates" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('keepRule')}</th>
          <th className="num">{t('keepMade')}</th>
          <th className="num">{t('keepDeleted')}</th>
          <th className="num">{t('keepRate')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.rule} data-rule={r.rule}>
            <td>
              <span title={r.rule}>{ruleLabel(lang, r.rule)}</span>
            </td>
            <td className="num">{r.made}</td>
            <td className="num">{r.deleted}</td>
            <td className="num">{Math.round(r.keepRate * 100)}%</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
