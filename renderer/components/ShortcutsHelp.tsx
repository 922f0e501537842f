import { useEffect, useRef } from 'react';
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

/**
 * Help › Keyboard shortcuts (or ?): every key the app answers to. A modal: the focus moves in and stays in, and no
 * key reaches the screen behind it (Space or 3 must not rate the card under the dialog).
 */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const back = document.activeElement as HTMLElement | null;
    // The box, not its button: Space pressed out of habit must neither close the dialog nor reach the card.
    box.current?.focus();
    // Capture, on the window: runs before any screen's own key handler.
    const onKey = (e: KeyboardEvent) => {
      const inside = box.current?.contains(e.target as Node) === true;
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      } else if (e.key === 'Tab') {
        const stops = [...(box.current?.querySelectorAll<HTMLElement>('button, [href], input') ?? [])];
        const at = stops.indexOf(document.activeElement as HTMLElement);
        e.preventDefault();
        stops[(at + (e.shiftKey ? -1 : 1) + stops.length) % stops.length]?.focus();
      } else if (!(inside && (e.key === 'Enter' || e.key === ' '))) e.preventDefault();
      // Even Enter or Space on the dialog's button goes no further than the button's own default (its click).
      e.stopImmediatePropagation();
    };
    const keepFocus = (e: FocusEvent) => {
      if (!box.current?.contains(e.target as Node)) box.current?.focus();
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', keepFocus);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', keepFocus);
      back?.focus?.();
    };
  }, [onClose]);
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label={t('shortcutsTitle')}>
      <div className="overlay-box" ref={box} tabIndex={-1}>
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
