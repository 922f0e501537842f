import { useI18n } from '../i18n/index.ts';

/** A failed call, shown as its one-line message (never a stack). */
export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string } | null)?.code;
  return (
    <div className="error-note" role="alert">
      <strong>{code === 'unknown-handler' ? t('notAvailable') : t('errorTitle')}</strong>
      <p className="error-message">{message.split('\n')[0]}</p>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
