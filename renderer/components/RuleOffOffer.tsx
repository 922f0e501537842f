import { useState } from 'react';
import type { ApiResult } from '../../core/api.ts';
import { call } from '../api/client.ts';
import { ruleLabel, useI18n } from '../i18n/index.ts';
import { ErrorNote } from './ErrorNote.tsx';

export type Offer = ApiResult<'review/bad-card'>['offer'] & {};

const fileName = (f: string) =>
  f
    .replace(/^bundled:/, '')
    .split('/')
    .pop() ?? f;

/**
 * After a few of one rule's cards were thrown away in one note: switch that rule off there? Taking the offer
 * writes `rules-off` into the note (or a per-note setting for a bundled note); the next import applies it.
 */
export function RuleOffOffer({ offer, onDone }: { offer: Offer; onDone?: () => void }) {
  const { t, lang } = useI18n();
  const [done, setDone] = useState<'front matter' | 'note setting' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const vars = (s: string) =>
    s
      .replace('{n}', String(offer.deletions))
      .replace('{label}', ruleLabel(lang, offer.rule))
      .replace('{rule}', offer.rule)
      .replace('{file}', fileName(offer.file));
  return (
    <div className="notice rule-off-offer" data-testid="rule-off-offer">
      {done === null ? (
        <>
          <span>{vars(t('offerRuleOff'))}</span>{' '}
          <button
            type="button"
            className="btn small"
            data-testid="rule-off-go"
            onClick={async () => {
              try {
                const r = await call('import/rule-off', { file: offer.file, rule: offer.rule });
                setDone(r.where);
                onDone?.();
              } catch (e) {
                setError(e);
              }
            }}
          >
            {t('offerRuleOffGo')}
          </button>
        </>
      ) : (
        <span>{vars(t(done === 'front matter' ? 'ruleOffDoneFrontMatter' : 'ruleOffDoneSetting'))}</span>
      )}
      {error !== null && <ErrorNote error={error} />}
    </div>
  );
}
