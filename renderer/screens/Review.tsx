import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Markdown } from '../components/Markdown.tsx';
import { type StringKey, useI18n } from '../i18n/index.ts';
import {
  type CheckResult,
  type Counts,
  type DueView,
  RATINGS,
  type RatingName,
  toDueView,
} from './review-view.ts';

const TYPED_KEY = 'kubedeck.typedAnswers';

export function ReviewScreen({ deck, onClearDeck }: { deck?: string; onClearDeck: () => void }) {
  const { t } = useI18n();
  const [due, setDue] = useState<DueView | null | undefined>(undefined);
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [typedMode, setTypedMode] = useState(() => localStorage.getItem(TYPED_KEY) === '1');
  const [typed, setTyped] = useState('');
  const [checked, setChecked] = useState<CheckResult | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  const started = useRef(Date.now());

  const show = useCallback((next: Awaited<ReturnType<typeof call<'review/next'>>>) => {
    setDue(toDueView(next));
    setCounts(next.counts);
    setShown(false);
    setTyped('');
    setChecked(null);
    setError(null);
    started.current = Date.now();
  }, []);
  const load = useCallback(async () => {
    try {
      show(await call('review/next', deck ? { deck } : {}));
    } catch (e) {
      setError(e);
    }
  }, [deck, show]);

  useEffect(() => {
    load();
  }, [load]);

  const rate = useCallback(
    async (rating: RatingName) => {
      if (!due || !shown || busy) return;
      setBusy(true);
      setNotice(null);
      try {
        // One round trip: the rating and the next card come back together.
        const { rated: r, next } = await call('review/rate-next', {
          rate: { cardId: due.cardId, rating, elapsedMs: Math.min(Date.now() - started.current, 86_400_000) },
          next: deck ? { deck } : {},
        });
        show(next);
        if (r.message) setNotice(r.message);
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    },
    [due, shown, busy, deck, show],
  );

  const undo = useCallback(async () => {
    if (busy) return;
    setBusy(true);
    try {
      await call('review/undo', {});
      setNotice(t('undone'));
      await load();
    } catch (e) {
      setNotice(
        (e as { code?: string }).code === 'nothing-to-undo' ? t('nothingToUndo') : (e as Error).message,
      );
    } finally {
      setBusy(false);
    }
  }, [busy, load, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable)) return;
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === ' ' && due && !shown) {
        e.preventDefault();
        setShown(true);
      } else if (['1', '2', '3', '4'].includes(e.key) && shown) {
        e.preventDefault();
        rate(RATINGS[Number(e.key) - 1]!);
      } else if (e.key === 'u' || e.key === 'U') {
        e.preventDefault();
        undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [due, shown, rate, undo]);

  const check = async () => {
    if (!due) return;
    if (typed.trim() !== '') {
      try {
        setChecked(await call('review/check-answer', { cardId: due.cardId, typed }));
      } catch (e) {
        setError(e);
      }
    }
    setShown(true);
  };

  return (
    <section className="screen review">
      <div className="review-bar">
        <div className="counts" data-testid="counts" aria-live="polite">
          <span className="count new" title={t('countNew')}>
            <b data-testid="count-new">{counts?.new ?? 0}</b> {t('countNew')}
          </span>
          <span className="count learning" title={t('countLearning')}>
            <b data-testid="count-learning">{counts?.learning ?? 0}</b> {t('countLearning')}
          </span>
          <span className="count due" title={t('countReview')}>
            <b data-testid="count-review">{counts?.review ?? 0}</b> {t('countReview')}
          </span>
        </div>
        <div className="review-tools">
          {deck && (
            <button type="button" className="chip" onClick={onClearDeck} title={t('allDecks')}>
              {deck} ×
            </button>
          )}
          <label className="check">
            <input
              type="checkbox"
              checked={typedMode}
              onChange={(e) => {
                localStorage.setItem(TYPED_KEY, e.target.checked ? '1' : '0');
                setTypedMode(e.target.checked);
              }}
            />
            {t('typeAnswer')}
          </label>
          <button type="button" className="btn ghost" onClick={undo} disabled={busy} title="U">
            ↶ {t('undo')}
          </button>
        </div>
      </div>

      {error ? <ErrorNote error={error} onRetry={load} /> : null}
      {notice && <p className="notice">{notice}</p>}
      {due === undefined && !error && <p className="muted">{t('loading')}</p>}
      {due === null && (
        <div className="card done">
          <h2>{t('doneTitle')}</h2>
          <p className="muted">{t('doneBody')}</p>
        </div>
      )}
      {due && (
        <>
          <article className="card" data-testid="card" data-card-id={due.cardId}>
            <div className="card-meta">
              <span>{due.deck}</span>
              {due.context.length > 0 && <span className="crumbs">{due.context.join(' › ')}</span>}
            </div>
            <Markdown className="prompt" text={due.prompt} />
            {typedMode && due.typeable && !shown && (
              <form
                className="typed"
                onSubmit={(e) => {
                  e.preventDefault();
                  check();
                }}
              >
                <input
                  // biome-ignore lint/a11y/noAutofocus: the learner is about to type the answer
                  autoFocus
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  placeholder={t('typeAnswerHint')}
                  aria-label={t('typeAnswer')}
                />
                <button type="submit" className="btn">
                  {t('check')}
                </button>
              </form>
            )}
            {shown && (
              <div className="answer" data-testid="answer">
                <hr />
                {checked && <TypedDiff result={checked} />}
                <Markdown text={due.answer} />
                {due.source && (
                  <p className="source">
                    {t('source')}: {due.source}
                  </p>
                )}
              </div>
            )}
          </article>
          <div className="answer-bar">
            {!shown ? (
              <button type="button" className="btn primary wide" onClick={() => setShown(true)}>
                {t('showAnswer')} <kbd>Space</kbd>
              </button>
            ) : (
              <div className="ratings">
                {RATINGS.map((r, i) => (
                  <button
                    key={r}
                    type="button"
                    className={`btn rate ${r}${checked?.suggested === r ? ' suggested' : ''}`}
                    disabled={busy}
                    onClick={() => rate(r)}
                  >
                    <span className="preview">{due.previews[r] ?? ''}</span>
                    <span className="rate-name">{t(r as StringKey)}</span>
                    <kbd>{i + 1}</kbd>
                  </button>
                ))}
              </div>
            )}
          </div>
        </>
      )}
      <p className="shortcuts muted">{t('shortcuts')}</p>
    </section>
  );
}

function TypedDiff({ result }: { result: CheckResult }) {
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
