import { useCallback, useEffect, useState } from 'react';
import type { ApiResult } from '../../core/api.ts';
import { call } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useI18n } from '../i18n/index.ts';

type Run = ApiResult<'watch/changes'>['runs'][number];

/** The last part of a path, for a short label (the whole path is the tooltip). */
const fileName = (p: string) => p.split(/[\\/]/).filter(Boolean).pop() ?? p;

/** Settings › Watched folders: the note folders synced on start, add or remove one, and what the last syncs changed. */
export function WatchPanel() {
  const { t, lang } = useI18n();
  const [folders, setFolders] = useState<string[] | null>(null);
  const [runs, setRuns] = useState<Run[] | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setFolders((await call('watch/list', {})).folders);
      setRuns((await call('watch/changes', { limit: 10 })).runs);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const change = async (name: 'watch/add' | 'watch/remove', folder: string) => {
    setBusy(true);
    setError(null);
    try {
      setFolders((await call(name, { folder })).folders);
      if (name === 'watch/add') setText('');
      // Adding a folder syncs it: its notes show up under the changes.
      setRuns((await call('watch/changes', { limit: 10 })).runs);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const when = (ms: number) =>
    new Date(ms).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });

  return (
    <fieldset className="settings-group watch" data-testid="watch">
      <legend>{t('group.watch')}</legend>
      <p className="muted small">{t('watchHelp')}</p>
      {folders && folders.length === 0 && <p className="muted">{t('watchNone')}</p>}
      {folders && folders.length > 0 && (
        <ul className="watch-list" data-testid="watch-list">
          {folders.map((f) => (
            <li key={f} data-testid="watch-folder">
              <code className="watch-path">{f}</code>
              <button
                type="button"
                className="btn small danger"
                disabled={busy}
                onClick={() => void change('watch/remove', f)}
              >
                {t('watchRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="watch-add"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim() && folders !== null) void change('watch/add', text.trim());
        }}
      >
        <label className="form-label" htmlFor="watch-folder-input">
          {t('watchFolderLabel')}
        </label>
        <div className="watch-add-row">
          <input
            id="watch-folder-input"
            data-testid="watch-input"
            className="input"
            type="text"
            value={text}
            placeholder={t('watchPlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
          {/* Not before the list is in: a late first load would overwrite the folder just added. */}
          <button
            type="submit"
            className="btn"
            disabled={busy || folders === null || !text.trim()}
            data-testid="watch-add"
          >
            {t('watchAdd')}
          </button>
        </div>
        <p className="hint small">{t('watchTypeHint')}</p>
      </form>
      {error ? <ErrorNote error={error} /> : null}
      <h3 className="watch-changes-title">{t('watchChanges')}</h3>
      {runs && runs.length === 0 && <p className="muted small">{t('watchNoChanges')}</p>}
      {runs && runs.length > 0 && (
        <div className="table-scroll">
          <table className="deck-table watch-runs" data-testid="watch-runs">
            <thead>
              <tr>
                <th>{t('watchRunWhen')}</th>
                <th>{t('watchRunFiles')}</th>
                <th className="num">{t('watchRunNew')}</th>
                <th className="num">{t('watchRunUpdated')}</th>
                <th className="num">{t('watchRunSuspended')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id}>
                  <td>{when(r.startedAt)}</td>
                  <td className="watch-files" title={r.sources.join('\n')}>
                    {r.sources.length === 0 ? '–' : r.sources.slice(0, 3).map(fileName).join(', ')}
                    {r.sources.length > 3 ? ` ${t('watchMoreFiles', { n: r.sources.length - 3 })}` : ''}
                  </td>
                  <td className="num">{r.new}</td>
                  <td className="num">{r.updated}</td>
                  <td className="num">{r.suspended}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </fieldset>
  );
}
