import { useI18n } from '../i18n/index.ts';
import { type CheckResult, clock, type SessionTally } from '../screens/review-view.ts';

/** The end of a session: cards, time on cards, again-rate. */
export function Summary({ tally }: { tally: SessionTally }) {
  const { t } = useI18n();
  return (
    <div className="card done summary" data-testid="summary">
      <h2>{t('summaryTitle')}</h2>
      <div className="tiles">
        <div className="tile">
          <div className="tile-value" data-testid="summary-cards">
            {tally.cards}
          </div>
          <div className="tile-label">{t('summaryCards')}</div>
        </div>
        <div className="tile">
          <div className="tile-value" data-testid="summary-time">
            {clock(tally.ms)}
          </div>
          <div className="tile-label">{t('summaryTime')}</div>
        </div>
        <div className="tile">
          <div className="tile-value" data-testid="summary-again">
            {Math.round((tally.again / Math.max(1, tally.cards)) * 100)}%
          </div>
          <div className="tile-label">{t('summaryAgain')}</div>
        </div>
      </div>
      <p className="muted">{t('doneBody')}</p>
    </div>
  );
}

/** A typed answer against the card's, character by character. */
export function TypedDiff({ result }: { result: CheckResult }) {
  const { t } = useI18n();
  return (
    <div className={result.correct ? 'typed-diff right' : 'typed-diff wrong'} data-testid="typed-diff">
      <span className="tmark">{result.correct ? '✓' : '✗'}</span>
      <span className="muted">{t('yourAnswer')}: </span>
      <code>
        {result.diff.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
          <span key={i} className={`diff-${p.op}`}>
            {p.text}
          </span>
        ))}
      </code>
    </div>
  );
}

/** No card, but new cards wait behind today's limit: say so, and where to study more. */
export function NewLimitNote({ perDay, waiting }: { perDay: number; waiting: number }) {
  const { t } = useI18n();
  return (
    <div className="card done" data-testid="new-limit">
      <h2>{t('newLimitTitle', { perDay })}</h2>
      <p className="muted">{t('newLimitBody', { waiting })}</p>
      <div className="pane-actions">
        <a className="btn primary" href="#/decks">
          {t('newLimitDecks')}
        </a>
        <a className="btn" href="#/settings">
          {t('newLimitSettings')}
        </a>
      </div>
    </div>
  );
}
