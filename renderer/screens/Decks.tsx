import { useState } from 'react';
import { call } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { type Lang, useI18n } from '../i18n/index.ts';
import { useAsync } from '../useAsync.ts';

const LANGS: Lang[] = ['ko', 'en'];

export function DecksScreen({ onStudy }: { onStudy: (deck: string) => void }) {
  const { t } = useI18n();
  const decks = useAsync(() => call('decks/list', {}), []);
  const [toggleError, setToggleError] = useState<unknown>(null);
  const all = decks.data ?? [];
  // Hiding a language is stored by the core, so the review queue skips those decks too.
  const hidden = LANGS.filter((l) => all.some((d) => d.lang === l && d.hidden));
  const toggle = async (l: Lang) => {
    try {
      await call('decks/hide-lang', { lang: l, hidden: !hidden.includes(l) });
      setToggleError(null);
      decks.reload();
    } catch (e) {
      setToggleError(e);
    }
  };
  const shown = all.filter((d) => !d.hidden);

  return (
    <section className="screen decks">
      <div className="screen-head">
        <h1>{t('decksTitle')}</h1>
        <fieldset className="lang-filter">
          <legend>{t('showLang')}</legend>
          {LANGS.map((l) => (
            <label key={l} className="check">
              <input type="checkbox" checked={!hidden.includes(l)} onChange={() => toggle(l)} />
              {l === 'ko' ? t('langKo') : t('langEn')}
            </label>
          ))}
        </fieldset>
      </div>
      {decks.error ? <ErrorNote error={decks.error} onRetry={decks.reload} /> : null}
      {toggleError ? <ErrorNote error={toggleError} /> : null}
      {decks.loading && !decks.data ? <p className="muted">{t('loading')}</p> : null}
      {decks.data && shown.length === 0 ? <p className="muted">{t('noDecks')}</p> : null}
      {shown.length > 0 && (
        <table className="deck-table">
          <thead>
            <tr>
              <th>{t('deck')}</th>
              <th className="num">{t('cards')}</th>
              <th className="num">{t('newCards')}</th>
              <th className="num">{t('suspended')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => (
              <tr key={d.id}>
                <td>
                  <span className="deck-name">{d.name}</span>
                  <span className="tag">{d.lang ?? '?'}</span>
                  {d.bundled && <span className="tag subtle">{t('bundled')}</span>}
                </td>
                <td className="num">{d.cards}</td>
                <td className="num">{d.new}</td>
                <td className="num">{d.suspended}</td>
                <td className="num">
                  <button type="button" className="btn small" onClick={() => onStudy(d.name)}>
                    {t('studyDeck')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
