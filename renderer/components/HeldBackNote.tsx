import { useI18n } from '../i18n/index.ts';

/** Beside a suggestion's score in the Import preview and the Suggestions list: why one over the line waits. */
export function HeldBackNote({ heldBack }: { heldBack?: 'junk-risk' }) {
  const { t } = useI18n();
  if (!heldBack) return null;
  return (
    <span className="muted small" data-testid="held-back">
      {t('suggestionHeldBack')}
    </span>
  );
}
