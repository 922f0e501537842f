import { Fragment, lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { call } from '../api/client.ts';
import { CheckBadges } from '../components/CheckBadges.tsx';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Markdown } from '../components/Markdown.tsx';
import { NewLimitNote, Summary, TypedDiff } from '../components/ReviewParts.tsx';
import { type Offer, RuleOffOffer } from '../components/RuleOffOffer.tsx';
import { firstRunSettled, takeArrivedFirstCard, takeFirstCard } from '../first-calls.ts';
import { type StringKey, useI18n } from '../i18n/index.ts';
import { useReviewAhead } from './review-ahead.ts';
import {
  addRating,
  type CheckResult,
  type Counts,
  type DueView,
  emptyTally,
  type Next,
  optionPieces,
  RATINGS,
  type RatingName,
  removeRating,
  type SessionTally,
  toDueView,
} from './review-view.ts';

// The editor comes with it: loaded only when a whole-manifest card comes up.
const ManifestAttempt = lazy(() =>
  import('../components/ManifestAttempt.tsx').then((m) => ({ default: m.ManifestAttempt })),
);

const TYPED_KEY = 'kubedeck.typedAnswers';
const MC_KEY = 'kubedeck.multipleChoice';
type Choices = { options: string[]; correct: number };

export function ReviewScreen({
  deck,
  onClearDeck,
  onEdit,
}: {
  deck?: string;
  onClearDeck: () => void;
  onEdit: (cardId: string) => void;
}) {
  const { t, lang } = useI18n();
  const [early] = useState(() => takeArrivedFirstCard(lang, deck));
  const [due, setDue] = useState<DueView | null | undefined>(() => (early ? toDueView(early) : undefined));
  const [newLimit, setNewLimit] = useState<Next['newLimit'] | null>(early?.newLimit ?? null);
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [offer, setOffer] = useState<Offer | null>(null);
  // How many of suspend, bury, bad card and undo are still on their way; the buttons wait while any is.
  const [working, setWorking] = useState(0);
  const busy = working > 0;
  const begin = useCallback(() => setWorking((n) => n + 1), []);
  const end = useCallback(() => setWorking((n) => n - 1), []);
  const [typedMode, setTypedMode] = useState(() => localStorage.getItem(TYPED_KEY) === '1');
  const [mcMode, setMcMode] = useState(() => localStorage.getItem(MC_KEY) === '1');
  const [typed, setTyped] = useState('');
  const [checked, setChecked] = useState<CheckResult | null>(null);
  const [choices, setChoices] = useState<Choices | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  // Whether the learner's manifest passed the grader, once graded.
  const [manifestPassed, setManifestPassed] = useState<boolean | null>(null);
  const [counts, setCounts] = useState<Counts | null>(early?.counts ?? null);
  const [tally, setTally] = useState<SessionTally>(emptyTally);
  // This session's ratings, newest last: an undone one comes off the tally exactly as it went on.
  const ratedHere = useRef<{ rating: RatingName; ms: number }[]>([]);
  const started = useRef(Date.now());
  // Set while a rating is being taken, so a second key press on the same card does nothing.
  const rating = useRef(false);
  const { after, rateCard } = useReviewAhead(due, deck);

  const show = useCallback((next: Awaited<ReturnType<typeof call<'review/next'>>>) => {
    setDue(toDueView(next));
    setNewLimit(next.newLimit ?? null);
    setCounts(next.counts);
    setShown(false);
    setTyped('');
    setChecked(null);
    setChoices(null);
    setPicked(null);
    setManifestPassed(null);
    setError(null);
    started.current = Date.now();
  }, []);
  const load = useCallback(async () => {
    try {
      // The very first card was asked for as the app started (first-calls.ts); after that, ask.
      const first = takeFirstCard(lang, deck);
      if (!first) await firstRunSettled;
      show(await (first ?? after(() => call('review/next', deck ? { deck } : {}))));
    } catch (e) {
      setError(e);
    }
  }, [deck, lang, show, after]);

  // The first load was the early card, already on screen; later ones (another deck or language) ask.
  const shownEarly = useRef(early !== null);
  useEffect(() => {
    if (shownEarly.current) {
      shownEarly.current = false;
      return;
    }
    load();
  }, [load]);

  // Multiple choice: three distractors of the same kind (ports for a port), fetched once per card.
  useEffect(() => {
    if (!mcMode || !due?.typeable) return;
    let live = true;
    call('review/choices', { cardId: due.cardId }).then(
      (c) => {
        if (live && c.options.length >= 2) setChoices({ options: c.options, correct: c.correct });
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [mcMode, due]);

  const suggested: RatingName | null =
    checked?.suggested ??
    (picked !== null && choices ? (picked === choices.correct ? 'good' : 'again') : null) ??
    (manifestPassed === null ? null : manifestPassed ? 'good' : 'again');

  const rate = useCallback(
    async (choice: RatingName) => {
      if (!due || !shown || busy || rating.current) return;
      rating.current = true;
      setNotice(null);
      const elapsedMs = Math.min(Date.now() - started.current, 86_400_000);
      try {
        const { next, rated } = await rateCard({ cardId: due.cardId, rating: choice, elapsedMs });
        ratedHere.current.push({ rating: choice, ms: elapsedMs });
        // After an await React would render in a task of its own, often after the next frame; the learner is
        // waiting on this card, so it is drawn now, in time for the frame after the key.
        flushSync(() => {
          setTally((s) => addRating(s, choice, elapsedMs));
          show(next);
        });
        // Known ahead, the card shows before the core has the rating: a failure shows then, and the queue reloads.
        rated.then(
          (r) => r.message && setNotice(r.message),
          (e: unknown) => {
            setError(e);
            void load();
          },
        );
      } catch (e) {
        setError(e);
      } finally {
        rating.current = false;
      }
    },
    [due, shown, busy, show, rateCard, load],
  );

  // Never dropped while another action is on its way: U pressed the moment the next card shows must still take
  // back the suspend before it. `after` runs it once that action's calls are done.
  const undo = useCallback(async () => {
    begin();
    try {
      const { what } = await after(() => call('review/undo', {}));
      setNotice(t(what === 'rating' ? 'undone' : what === 'suspend' ? 'undoneSuspend' : 'undoneBury'));
      const last = what === 'rating' ? ratedHere.current.pop() : undefined;
      if (last) setTally((s) => removeRating(s, last.rating, last.ms));
      await load();
    } catch (e) {
      setNotice(
        (e as { code?: string }).code === 'nothing-to-undo' ? t('nothingToUndo') : (e as Error).message,
      );
    } finally {
      end();
    }
  }, [begin, end, load, t, after]);

  const act = useCallback(
    async (what: 'suspend' | 'bury') => {
      if (!due || busy) return;
      begin();
      try {
        await after(() =>
          call(what === 'suspend' ? 'review/suspend' : 'review/bury', { cardId: due.cardId }),
        );
        setNotice(t(what === 'suspend' ? 'suspendedNotice' : 'buriedNotice'));
        await load();
      } catch (e) {
        setError(e);
      } finally {
        end();
      }
    },
    [due, busy, begin, end, load, t, after],
  );

  // "Bad card": thrown away for good (a tombstone keeps re-imports from making it again).
  const badCard = useCallback(async () => {
    if (!due || busy) return;
    begin();
    try {
      const r = await call('review/bad-card', { cardId: due.cardId });
      setNotice(t(r.outcome === 'deleted' ? 'badCardNotice' : 'badCardSuspended'));
      setOffer(r.offer ?? null);
      await load();
    } catch (e) {
      setError(e);
    } finally {
      end();
    }
  }, [due, busy, begin, end, load, t]);

  const pick = useCallback((i: number) => {
    setPicked(i);
    setShown(true);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable)) return;
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      const digit = ['1', '2', '3', '4'].indexOf(e.key);
      const key = e.key.toLowerCase();
      if (e.key === ' ' && due && !shown) {
        e.preventDefault();
        setShown(true);
      } else if (digit >= 0 && due && !shown && choices && digit < choices.options.length) {
        e.preventDefault();
        pick(digit);
      } else if (digit >= 0 && shown) {
        e.preventDefault();
        rate(RATINGS[digit]!);
      } else if (e.key === 'Enter' && shown && suggested) {
        e.preventDefault();
        rate(suggested);
      } else if (key === 'u') {
        e.preventDefault();
        undo();
      } else if (key === 's' && due) {
        e.preventDefault();
        act('suspend');
      } else if (key === 'b' && due) {
        e.preventDefault();
        act('bury');
      } else if (key === 'e' && due) {
        e.preventDefault();
        onEdit(due.cardId);
      } else if (key === 'x' && due) {
        e.preventDefault();
        badCard();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [due, shown, choices, suggested, rate, undo, act, pick, onEdit, badCard]);

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

  const toggle = (key: string, set: (v: boolean) => void) => (v: boolean) => {
    localStorage.setItem(key, v ? '1' : '0');
    set(v);
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
              checked={mcMode}
              onChange={(e) => toggle(MC_KEY, setMcMode)(e.target.checked)}
            />
            {t('multipleChoice')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={typedMode}
              onChange={(e) => toggle(TYPED_KEY, setTypedMode)(e.target.checked)}
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
      {offer && <RuleOffOffer offer={offer} onDone={() => setOffer(null)} />}
      {due === undefined && !error && <p className="muted">{t('loading')}</p>}
      {due === null && tally.cards > 0 && <Summary tally={tally} />}
      {due === null && newLimit && <NewLimitNote {...newLimit} />}
      {due === null && tally.cards === 0 && !newLimit && (
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
              <span className="card-actions">
                <button type="button" className="btn ghost small" onClick={() => act('suspend')} title="S">
                  {t('suspend')}
                </button>
                <button type="button" className="btn ghost small" onClick={() => act('bury')} title="B">
                  {t('bury')}
                </button>
                <button
                  type="button"
                  className="btn ghost small"
                  onClick={() => onEdit(due.cardId)}
                  title="E"
                >
                  {t('edit')}
                </button>
                <button
                  type="button"
                  className="btn ghost small danger"
                  data-testid="bad-card"
                  onClick={() => void badCard()}
                  title="X"
                >
                  {t('badCard')}
                </button>
              </span>
            </div>
            <Markdown
              className="prompt"
              text={due.prompt}
              cardId={due.cardId}
              cloze={due.cloze ? { answer: shown ? due.answer : null } : undefined}
            />
            {due.manifest && (!shown || manifestPassed !== null) && (
              <Suspense fallback={<p className="muted">{t('loading')}</p>}>
                <ManifestAttempt
                  key={due.cardId}
                  reference={due.manifest}
                  onGraded={(passed) => {
                    setManifestPassed(passed);
                    setShown(true);
                  }}
                />
              </Suspense>
            )}
            {typedMode && due.typeable && !shown && !choices && (
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
            {choices && (
              <ol className="choices" data-testid="choices" aria-label={t('chooseHint')}>
                {choices.options.map((o, i) => {
                  const state = !shown
                    ? ''
                    : i === choices.correct
                      ? ' right'
                      : i === picked
                        ? ' wrong'
                        : ' dim';
                  return (
                    <li key={o}>
                      <button
                        type="button"
                        className={`choice${state}`}
                        disabled={shown}
                        onClick={() => pick(i)}
                        data-testid={`choice-${i + 1}`}
                      >
                        <kbd>{i + 1}</kbd>{' '}
                        <span className="choice-text">
                          {optionPieces(o).map((piece, k) => (
                            // biome-ignore lint/suspicious/noArrayIndexKey: pieces are positional
                            <Fragment key={k}>
                              {k > 0 && <wbr />}
                              {piece}
                            </Fragment>
                          ))}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ol>
            )}
            {shown && (
              <div className="answer" data-testid="answer">
                <hr />
                {checked && <TypedDiff result={checked} />}
                {!due.cloze && <Markdown text={due.answer} cardId={due.cardId} />}
                {due.source && (
                  <p className="source">
                    {t('source')}: {due.source}
                  </p>
                )}
                {/* After the answer: a finding names the value, so shown earlier it would give the answer away. */}
                <CheckBadges
                  cardId={due.cardId}
                  checks={due.checks}
                  onDismissed={(left) => setDue({ ...due, checks: left })}
                />
              </div>
            )}
          </article>
          <div className="answer-bar">
            {!shown ? (
              <button type="button" className="btn primary wide" onClick={() => setShown(true)}>
                {choices ? t('chooseHint') : t('showAnswer')} <kbd>Space</kbd>
              </button>
            ) : (
              <div className="ratings">
                {RATINGS.map((r, i) => (
                  <button
                    key={r}
                    type="button"
                    className={`btn rate ${r}${suggested === r ? ' suggested' : ''}`}
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
