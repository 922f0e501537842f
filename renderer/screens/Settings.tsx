import { useEffect, useState } from 'react';
import { callMaybe, transportName } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { type Lang, useI18n } from '../i18n/index.ts';

type SettingsView = { desiredRetention?: number };

export function SettingsScreen() {
  const { t, lang, setLang } = useI18n();
  const [retention, setRetention] = useState<string>('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    callMaybe<'settings/get', SettingsView>('settings/get', {}).then(
      (s) => setRetention(String((s as SettingsView).desiredRetention ?? '')),
      setError,
    );
  }, []);

  const save = async () => {
    setSaved(false);
    setError(null);
    try {
      await callMaybe<'settings/set', unknown>('settings/set', { key: 'desiredRetention', value: retention });
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="screen settings">
      <h1>{t('settingsTitle')}</h1>
      <div className="form-row">
        <span className="form-label">{t('language')}</span>
        <fieldset className="segmented" aria-label={t('language')}>
          {(['ko', 'en'] as Lang[]).map((l) => (
            <button
              key={l}
              type="button"
              aria-pressed={lang === l}
              className={lang === l ? 'seg active' : 'seg'}
              onClick={() => setLang(l)}
            >
              {l === 'ko' ? t('langKo') : t('langEn')}
            </button>
          ))}
        </fieldset>
      </div>
      <div className="form-row">
        <label className="form-label" htmlFor="retention">
          {t('retention')}
        </label>
        <div>
          <input
            id="retention"
            className="input narrow"
            type="number"
            min={0.7}
            max={0.99}
            step={0.01}
            value={retention}
            onChange={(e) => setRetention(e.target.value)}
          />
          <button type="button" className="btn" onClick={save}>
            {t('save')}
          </button>
          {saved && <span className="ok-text"> {t('saved')}</span>}
          <p className="muted small">{t('retentionHelp')}</p>
        </div>
      </div>
      {error ? <ErrorNote error={error} /> : null}
      <p className="muted small">
        {t('transport')}: {transportName() === 'electron' ? 'Electron IPC' : 'HTTP (kubedeck serve)'}
      </p>
    </section>
  );
}
