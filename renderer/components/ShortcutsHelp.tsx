import { useEffect } from 'react';
import { type StringKey, useI18n } from '../i18n/index.ts';

const KEYS: [string, StringKey][] = [
  ['Space', 'key.space'],
  ['1 – 4', 'key.digits'],
  ['Enter', 'key.enter'],
  ['U', 'key.u'],
  ['S', 'key.s'],
  ['B', 'key.b'],
  ['E', 'key.e'],
  ['X', 'key.x'],
  ['?', 'key.help'],
];

/** Help › Keyboard shortcuts (or ?): every key the app answers to. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label={t('shortcutsTitle')}>
      <div className="overlay-box">
        <h2>{t('shortcutsTitle')}</h2>
        <table className="deck-table">
          <tbody>
            {KEYS.map(([k, label]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{t(label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">{t('key.screens')}</p>
        <button type="button" className="btn" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
