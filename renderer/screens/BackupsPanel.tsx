import { useCallback, useEffect, useState } from 'react';
import type { ApiResult } from '../../core/api.ts';
import { call } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { type StringKey, useI18n } from '../i18n/index.ts';

type Backup = ApiResult<'backups/list'>[number];

/** The reasons the core names its backups with; any other one is shown as written. */
const REASONS = ['manual', 'auto', 'before-restore', 'before-check', 'before-migrate'] as const;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Settings › Backups: the backups of this collection, newest first; take one now or restore one. */
export function BackupsPanel({ onRestored }: { onRestored: () => void }) {
  const { t, lang } = useI18n();
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const list = await call('backups/list', {});
      setBackups([...list].sort((a, b) => b.takenAt.localeCompare(a.takenAt)));
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const reasonText = (reason: string) => {
    const base = reason.replace(/-\d+$/, '');
    return (REASONS as readonly string[]).includes(base) ? t(`backupReason.${base}` as StringKey) : reason;
  };
  const when = (iso: string) =>
    new Date(iso).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });

  const create = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const b = await call('backups/create', {});
      setMessage(t('backupTaken', { name: b.name }));
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const restore = async (b: Backup) => {
    if (!window.confirm(t('backupRestoreConfirm', { when: when(b.takenAt) }))) return;
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await call('backups/restore', { name: b.name });
      setMessage(t('backupRestored', { when: when(b.takenAt) }));
      await load();
      onRestored();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="settings-group backups" data-testid="backups">
      <legend>{t('group.backups')}</legend>
      <p className="muted small">{t('backupsHelp')}</p>
      <button type="button" className="btn primary" onClick={create} disabled={busy} data-testid="backup-now">
        {t('backupNow')}
      </button>
      {message && (
        <p className="ok-text" role="status" data-testid="backup-message">
          ✓ {message}
        </p>
      )}
      {error ? <ErrorNote error={error} /> : null}
      {backups && backups.length === 0 && <p className="muted">{t('backupsNone')}</p>}
      {backups && backups.length > 0 && (
        <div className="table-scroll">
          <table className="deck-table backups-table" data-testid="backups-table">
            <thead>
              <tr>
                <th>{t('backupWhen')}</th>
                <th className="num">{t('backupSize')}</th>
                <th className="num">{t('backupCards')}</th>
                <th className="num">{t('backupReviews')}</th>
                <th>{t('backupReason')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.name} data-testid="backup-row" title={b.name}>
                  <td>{when(b.takenAt)}</td>
                  <td className="num">{formatSize(b.size)}</td>
                  <td className="num">{b.cards ?? '–'}</td>
                  <td className="num">{b.reviews ?? '–'}</td>
                  <td>{reasonText(b.reason)}</td>
                  <td className="actions-cell">
                    <button
                      type="button"
                      className="btn small"
                      disabled={busy}
                      onClick={() => void restore(b)}
                      data-testid="backup-restore"
                    >
                      {t('backupRestore')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </fieldset>
  );
}
