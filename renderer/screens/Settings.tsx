import { type ReactNode, useEffect, useState } from 'react';
import {
  boundsOf,
  choicesOf,
  parseSetting,
  SETTING_KIND,
  type SettingKey,
  type Settings,
  toText,
} from '../../core/settings/schema.ts';
import { call, transportName } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { type StringKey, useI18n } from '../i18n/index.ts';
import type { ThemeChoice } from '../theme.ts';
import { BackupsPanel } from './BackupsPanel.tsx';
import { Optimizer } from './Optimizer.tsx';
import { WatchPanel } from './WatchPanel.tsx';

/** The form is laid out from the one settings schema; these are its sections. */
const GROUPS: { title: StringKey; keys: SettingKey[] }[] = [
  { title: 'group.appearance', keys: ['language', 'theme'] },
  { title: 'group.daily', keys: ['newPerDay', 'reviewsPerDay'] },
  {
    title: 'group.memory',
    keys: [
      'desiredRetention',
      'learningSteps',
      'relearningSteps',
      'maximumInterval',
      'fuzz',
      'leechThreshold',
    ],
  },
  { title: 'group.day', keys: ['dayStartHour', 'timeZone'] },
];

export function SettingsScreen({
  theme,
  onTheme,
}: {
  theme: ThemeChoice;
  onTheme: (t: ThemeChoice) => void;
}) {
  const { t, lang, setLang } = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    call('settings/get', {}).then(setSettings, setError);
  }, []);

  const save = async (key: SettingKey, text: string): Promise<boolean> => {
    // A new language shows at once, before the core has stored it: a learner who picks English and goes straight to
    // Review must not meet a card asked for in Korean. If the core refuses, the language goes back.
    const before = lang;
    if (key === 'language') {
      if (text === 'ko' || text === 'en') setLang(text);
      if (text === 'system') setLang(navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en');
    }
    try {
      setSettings(await call('settings/set', { key, value: text }));
      setError(null);
      if (key === 'theme') onTheme(text as ThemeChoice);
      return true;
    } catch (e) {
      if (key === 'language') setLang(before);
      setError(e);
      return false;
    }
  };

  return (
    <section className="screen settings">
      <h1>{t('settingsTitle')}</h1>
      {error ? <ErrorNote error={error} /> : null}
      {!settings && !error && <p className="muted">{t('loading')}</p>}
      {settings &&
        GROUPS.map((g) => (
          <fieldset className="settings-group" key={g.title}>
            <legend>{t(g.title)}</legend>
            {g.keys.map((k) => (
              <SettingField
                key={k}
                name={k}
                value={k === 'theme' ? theme : settings[k]}
                onSave={(text) => save(k, text)}
              />
            ))}
          </fieldset>
        ))}
      <Optimizer onDone={() => call('settings/get', {}).then(setSettings, setError)} />
      <WatchPanel />
      <BackupsPanel onRestored={() => call('settings/get', {}).then(setSettings, setError)} />
      <p className="muted small">
        {t('transport')}: {transportName() === 'electron' ? 'Electron IPC' : 'HTTP (kubedeck serve)'}
      </p>
    </section>
  );
}

function SettingField({
  name,
  value,
  onSave,
}: {
  name: SettingKey;
  value: unknown;
  onSave: (text: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const kind = SETTING_KIND[name];
  const [text, setText] = useState(toText(value));
  const [state, setState] = useState<'idle' | 'saved' | 'bad'>('idle');
  useEffect(() => setText(toText(value)), [value]);
  const id = `setting-${name}`;
  const commit = async (next: string) => {
    if (next === toText(value)) return;
    // The same schema the core checks with, so a typo is caught before the call.
    if (parseSetting(name, next) === null) {
      setState('bad');
      return;
    }
    setState((await onSave(next)) ? 'saved' : 'bad');
  };

  let input: ReactNode;
  if (kind === 'choice') {
    input = (
      <fieldset className="segmented" aria-label={t(`setting.${name}` as StringKey)} id={id}>
        {choicesOf(name as 'language' | 'theme').map((c) => (
          <button
            key={c}
            type="button"
            data-testid={`${name}-${c}`}
            aria-pressed={text === c}
            className={text === c ? 'seg active' : 'seg'}
            onClick={() => {
              setText(c);
              void commit(c);
            }}
          >
            {t(`choice.${c}` as StringKey)}
          </button>
        ))}
      </fieldset>
    );
  } else if (kind === 'bool') {
    input = (
      <input
        id={id}
        type="checkbox"
        checked={text === 'true'}
        onChange={(e) => {
          const v = String(e.target.checked);
          setText(v);
          void commit(v);
        }}
      />
    );
  } else {
    const numeric = kind === 'int' || kind === 'number';
    const b = boundsOf(name);
    input = (
      <input
        id={id}
        className={`input ${numeric ? 'narrow' : ''}`}
        type={numeric ? 'number' : 'text'}
        min={b.min ?? undefined}
        max={b.max ?? undefined}
        step={kind === 'number' ? 0.01 : 1}
        value={text}
        aria-invalid={state === 'bad'}
        onChange={(e) => {
          setText(e.target.value);
          setState('idle');
        }}
        onBlur={() => void commit(text)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit(text);
        }}
      />
    );
  }
  return (
    <div className="form-row">
      <label className="form-label" htmlFor={id}>
        {t(`setting.${name}` as StringKey)}
      </label>
      <div>
        {input}
        {state === 'saved' && <span className="ok-text"> ✓ {t('saved')}</span>}
        {state === 'bad' && (
          <span className="bad-text" role="alert">
            {' '}
            {t('invalidValue', { hint: t(`hint.${name}` as StringKey) })}
          </span>
        )}
      </div>
    </div>
  );
}
