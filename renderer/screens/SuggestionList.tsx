import { useState } from 'react';
import { call } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { HeldBackNote } from '../components/HeldBackNote.tsx';
import { PreviewAnswer } from '../components/PreviewAnswer.tsx';
import { ruleLabel, useI18n } from '../i18n/index.ts';
import { useAsync } from '../useAsync.ts';

type Filters = { text: string; deck?: string; rule?: string };

/** Browse › Suggestions: candidates under the density line. Never scheduled until the learner makes one a card. */
export function SuggestionList({ filters }: { filters: Filters }) {
  const { t, lang } = useI18n();
  const list = useAsync(
    () => call('browse/suggestions', { ...filters, limit: 500 }),
    [filters.text, filters.deck, filters.rule],
  );
  const [accepted, setAccepted] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (list.error) return <ErrorNote error={list.error} onRetry={list.reload} />;
  const items = list.data?.items;
  if (!items) return <p className="muted">{t('loading')}</p>;
  return (
    <div className="suggestion-list" data-testid="suggestion-list">
      <p className="muted small" data-testid="suggestions-total">
        {items.length === 0
          ? t('suggestionsNone')
          : t('suggestionsTotal').replace('{n}', `${items.length}${list.data?.more ? '+' : ''}`)}
      </p>
      {accepted && <p className="notice">{t('suggestionAccepted')}</p>}
      {error !== null && <ErrorNote error={error} />}
      <ul className="preview-cards">
        {items.map((s) => (
          <li key={s.id} className="preview-card suggestion" data-suggestion-id={s.id}>
            <div className="preview-text">
              <div>
                <span className="p-prompt">{s.prompt}</span>
                <span className="p-arrow"> → </span>
                <PreviewAnswer text={s.answer} />
              </div>
              <div className="p-source">
                <span className="tag subtle" title={s.rule}>
                  {ruleLabel(lang, s.rule)}
                </span>
                <span className="muted small">{t('importScore').replace('{score}', String(s.score))}</span>
                <HeldBackNote heldBack={s.heldBack} />
                <code className="muted" title={s.source}>
                  {s.source.split('/').pop()}
                </code>
              </div>
            </div>
            <button
              type="button"
              className="btn small"
              data-testid="accept-suggestion"
              onClick={async () => {
                setError(null);
                try {
                  const r = await call('suggestions/accept', { id: s.id });
                  setAccepted(r.cardId);
                  list.reload();
                } catch (e) {
                  setError(e);
                }
              }}
            >
              {t('suggestionAccept')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
