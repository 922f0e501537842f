import { useState } from 'react';
import type { CardCheck } from '../../core/review/card-checks.ts';
import { call } from '../api/client.ts';
import { type StringKey, useI18n } from '../i18n/index.ts';

const KIND_KEY: Record<CardCheck['kind'], StringKey> = {
  fact: 'checkKindFact',
  outdated: 'checkKindOutdated',
  manifest: 'checkKindManifest',
};

const isUrl = (s: string) => /^https:\/\/[^\s]+$/.test(s);

/**
 * What the Kubernetes check found in the note line a card comes from: a quiet line per finding ("your note says
 * 3000-32767 · Kubernetes: 30000-32767", with its source) and a Dismiss that keeps the card as it is. The
 * learner fixes the note with Edit; the next import clears what was fixed.
 */
export function CheckBadges({
  cardId,
  checks,
  onDismissed,
}: {
  cardId: string;
  checks: CardCheck[];
  onDismissed: (left: CardCheck[]) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  if (checks.length === 0) return null;
  const dismiss = async (key: string) => {
    setBusy(true);
    try {
      const all = await call('note-checks/dismiss', { cardId, key });
      onDismissed(all.filter((c) => !c.dismissed));
    } finally {
      setBusy(false);
    }
  };
  return (
    <ul className="check-badges" data-testid="check-badges" aria-label={t('checkFixHint')}>
      {checks.map((c) => (
        <li key={c.key} className={`check-badge ${c.kind}`} data-testid="check-badge">
          <span className="check-kind">{t(KIND_KEY[c.kind])}</span>
          <span className="check-text">
            {c.about}: {t('checkSaid')} <code>{c.said}</code> · {t('checkKubernetes')}:{' '}
            <code>{c.kubernetes}</code>
          </span>
          <span className="check-source">
            {t('checkSource')}:{' '}
            {isUrl(c.source) ? (
              <a href={c.source} target="_blank" rel="noreferrer noopener">
                {c.source.replace(/^https:\/\//, '')}
              </a>
            ) : (
              c.source
            )}
          </span>
          <button
            type="button"
            className="btn ghost small"
            disabled={busy}
            title={t('checkDismissTitle')}
            onClick={() => dismiss(c.key)}
          >
            {t('checkDismiss')}
          </button>
        </li>
      ))}
    </ul>
  );
}
