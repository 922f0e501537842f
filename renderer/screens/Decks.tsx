import { Fragment, useMemo, useState } from 'react';
import type { ApiResult } from '../../core/api.ts';
import { call } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { type Lang, useI18n } from '../i18n/index.ts';
import { useAsync } from '../useAsync.ts';
import { allPaths, type DeckNode, deckTree } from './deck-tree.ts';

const LANGS: Lang[] = ['ko', 'en'];
type DueCounts = ApiResult<'review/deck-counts'>;
const COLLAPSED_KEY = 'kubedeck.collapsedDecks';

export function DecksScreen({ onStudy }: { onStudy: (deck: string) => void }) {
  const { t } = useI18n();
  const decks = useAsync(() => call('decks/list', {}), []);
  const [toggleError, setToggleError] = useState<unknown>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(
    () => new Set(JSON.parse(localStorage.getItem(COLLAPSED_KEY) ?? '[]') as string[]),
  );
  const all = decks.data ?? [];
  // Hiding a language is stored by the core, so the review queue skips those decks too.
  const hidden = LANGS.filter((l) => all.some((d) => d.lang === l && d.hidden));
  const tree = useMemo(() => deckTree(all.filter((d) => !d.hidden)), [all]);
  const paths = useMemo(() => allPaths(tree), [tree]);
  const due = useAsync(
    () => (paths.length ? call('review/deck-counts', { decks: paths }) : Promise.resolve({} as DueCounts)),
    // Again whenever the deck list reloads (new limits change what is due today).
    [paths.join('\n'), decks.data],
  );

  const toggleLang = async (l: Lang) => {
    try {
      await call('decks/hide-lang', { lang: l, hidden: !hidden.includes(l) });
      setToggleError(null);
      decks.reload();
    } catch (e) {
      setToggleError(e);
    }
  };
  const toggleOpen = (path: string) => {
    const next = new Set(collapsed);
    if (!next.delete(path)) next.add(path);
    localStorage.setItem(COLLAPSED_KEY, JSON.stringify([...next]));
    setCollapsed(next);
  };

  return (
    <section className="screen decks">
      <div className="screen-head">
        <h1>{t('decksTitle')}</h1>
        <fieldset className="lang-filter">
          <legend>{t('showLang')}</legend>
          {LANGS.map((l) => (
            <label key={l} className="check">
              <input type="checkbox" checked={!hidden.includes(l)} onChange={() => toggleLang(l)} />
              {l === 'ko' ? t('langKo') : t('langEn')}
            </label>
          ))}
        </fieldset>
      </div>
      {decks.error ? <ErrorNote error={decks.error} onRetry={decks.reload} /> : null}
      {toggleError ? <ErrorNote error={toggleError} /> : null}
      {decks.loading && !decks.data ? <p className="muted">{t('loading')}</p> : null}
      {decks.data && tree.length === 0 ? <p className="muted">{t('noDecks')}</p> : null}
      {tree.length > 0 && (
        <table className="deck-table deck-tree" data-testid="deck-tree">
          <thead>
            <tr>
              <th>{t('deck')}</th>
              <th className="num" title={t('dueToday')}>
                {t('countNew')}
              </th>
              <th className="num">{t('countLearning')}</th>
              <th className="num">{t('countReview')}</th>
              <th className="num">{t('cards')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tree.map((n) => (
              <DeckRows
                key={n.path}
                node={n}
                depth={0}
                collapsed={collapsed}
                onToggle={toggleOpen}
                due={due.data}
                onStudy={onStudy}
                onLimits={decks.reload}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DeckRows(props: {
  node: DeckNode;
  depth: number;
  collapsed: Set<string>;
  onToggle: (path: string) => void;
  due: DueCounts | undefined;
  onStudy: (deck: string) => void;
  onLimits: () => void;
}) {
  const { node: n, depth, collapsed, onToggle, due, onStudy } = props;
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const open = !collapsed.has(n.path);
  const c = due?.[n.path];
  return (
    <Fragment>
      <tr data-testid="deck-row" data-deck={n.path}>
        <td>
          <span className="deck-indent" style={{ paddingLeft: `${depth * 1.25}rem` }}>
            {n.children.length > 0 ? (
              <button
                type="button"
                className="twisty"
                aria-expanded={open}
                aria-label={open ? t('collapse') : t('expand')}
                onClick={() => onToggle(n.path)}
              >
                {open ? '▾' : '▸'}
              </button>
            ) : (
              <span className="twisty-space" />
            )}
            <span className="deck-name">{n.label}</span>
            {n.deck && <span className="tag">{n.deck.lang ?? '?'}</span>}
            {n.deck?.bundled && <span className="tag subtle">{t('bundled')}</span>}
          </span>
        </td>
        <td className="num count-new">{c?.new ?? '·'}</td>
        <td className="num count-learning">{c?.learning ?? '·'}</td>
        <td className="num count-review">{c?.review ?? '·'}</td>
        <td className="num muted">{n.cards}</td>
        <td className="num actions-cell">
          {n.deck && (
            <button type="button" className="btn ghost small" onClick={() => setEditing(!editing)}>
              {t('limits')}
            </button>
          )}
          <button type="button" className="btn small" onClick={() => onStudy(n.path)}>
            {t('studyDeck')}
          </button>
        </td>
      </tr>
      {editing && n.deck && (
        <tr className="limits-row">
          <td colSpan={6}>
            <LimitsForm
              deck={n.path}
              newPerDay={n.deck.newPerDay}
              reviewsPerDay={n.deck.reviewsPerDay}
              onSaved={() => {
                setEditing(false);
                props.onLimits();
              }}
            />
          </td>
        </tr>
      )}
      {open && n.children.map((ch) => <DeckRows key={ch.path} {...props} node={ch} depth={depth + 1} />)}
    </Fragment>
  );
}

function LimitsForm(p: {
  deck: string;
  newPerDay: number | null;
  reviewsPerDay: number | null;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [nw, setNw] = useState(p.newPerDay === null ? '' : String(p.newPerDay));
  const [rv, setRv] = useState(p.reviewsPerDay === null ? '' : String(p.reviewsPerDay));
  const [error, setError] = useState<unknown>(null);
  const num = (s: string) => (s.trim() === '' ? null : Number(s));
  const save = async () => {
    try {
      await call('decks/set-limits', { deck: p.deck, newPerDay: num(nw), reviewsPerDay: num(rv) });
      p.onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form
      className="limits-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        {t('newPerDayShort')}{' '}
        <input
          className="input narrow"
          type="number"
          min={0}
          value={nw}
          onChange={(e) => setNw(e.target.value)}
        />
      </label>
      <label>
        {t('reviewsPerDayShort')}{' '}
        <input
          className="input narrow"
          type="number"
          min={0}
          value={rv}
          onChange={(e) => setRv(e.target.value)}
        />
      </label>
      <button type="submit" className="btn small">
        {t('save')}
      </button>
      <span className="muted small">{t('limitsHelp')}</span>
      {error ? <ErrorNote error={error} /> : null}
    </form>
  );
}
