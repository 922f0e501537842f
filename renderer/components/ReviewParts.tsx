import { useI18n } from '../i18n/index.ts';
import { type CheckResult, clock, diffColumns, type SessionTally } from '../screens/review-view.ts';

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

/** A typed answer over the card's, aligned column by column, the characters that differ marked in each. */
export function TypedDiff({ result }: { result: CheckResult }) {
  const { t } = useI18n();
  const cols = diffColumns(result.diff);
  const row = (which: 'typed' | 'expected', mark: string) =>
    cols.map((c, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
      <span key={i} className={c.same ? 'diff-equal' : mark}>
        {c[which]}
      </span>
    ));
  return (
    <div className={result.correct ? 'typed-diff right' : 'typed-diff wrong'} data-testid="typed-diff">
      <span className="tmark">{result.correct ? '✓' : '✗'}</span>
      <div className="diff-rows">
        <span className="muted">{t('yourAnswer')}</span>
        <code data-testid="diff-typed">{row('typed', 'diff-extra')}</code>
        {!result.correct && (
          <>
            <span className="muted">{t('correctAnswer')}</span>
            <code data-testid="diff-expected">{row('expected', 'diff-missing')}</code>
          </>
        )}
      </div>
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
