import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { call } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { type Offer, RuleOffOffer } from '../components/RuleOffOffer.tsx';
import { ruleLabel, useI18n } from '../i18n/index.ts';
import { useAsync } from '../useAsync.ts';
import { type BrowseFilters, useBrowsePages } from './browse-pages.ts';
import { CardPane } from './CardPane.tsx';
import { SuggestionList } from './SuggestionList.tsx';

const ROW_HEIGHT = 56;
const STATES = ['new', 'learning', 'review', 'relearning', 'suspended', 'buried'] as const;
const DUES = ['overdue', 'today', 'week'] as const;

/** `#/browse/<card id>` (Edit in Review) opens that card in the pane. */
const cardFromHash = (): string | null => {
  const m = /^#\/?browse\/(.+)$/.exec(window.location.hash);
  return m ? decodeURIComponent(m[1]!) : null;
};

export function BrowseScreen() {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<Omit<BrowseFilters, 'text'>>({});
  const [selected, setSelected] = useState<string | null>(cardFromHash);
  const [selIndex, setSelIndex] = useState(-1);
  const [suggestions, setSuggestions] = useState(false);
  const [offer, setOffer] = useState<Offer | null>(null);
  // The card asked for by the address, while it is the one shown: its source line gets the focus, ready to edit.
  const [asked, setAsked] = useState<string | null>(cardFromHash);
  useEffect(() => {
    const onHash = () => {
      const id = cardFromHash();
      if (id === null) return;
      setSelected(id);
      setSelIndex(-1);
      setAsked(id);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const facets = useAsync(() => call('browse/facets', {}), []);
  const all: BrowseFilters = { text, ...filters };
  const results = useBrowsePages(all);
  const scroller = useRef<HTMLDivElement>(null);
  const total = results.total ?? 0;

  const virtual = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const rows = virtual.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: load the pages the visible rows fall on
  useEffect(() => {
    if (total > 0) results.ensure(first, last);
  }, [first, last, total, results.key]);

  const set = <K extends keyof typeof filters>(k: K, v: (typeof filters)[K] | '') =>
    setFilters((f) => {
      const next = { ...f };
      if (v === '' || v === undefined || v === false) delete next[k];
      else next[k] = v as (typeof filters)[K];
      return next;
    });

  const moveSelection = (step: number) => {
    const next = Math.min(total - 1, Math.max(0, selIndex + step));
    const item = results.itemAt(next);
    if (item) {
      setSelected(item.id);
      setSelIndex(next);
      virtual.scrollToIndex(next, { align: 'auto' });
    }
  };

  return (
    <section className="browse-screen">
      <div className="browse-tools">
        <input
          className="input search"
          type="search"
          data-testid="browse-search"
          placeholder={t('browseSearch')}
          aria-label={t('browseSearch')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              moveSelection(1);
            }
          }}
        />
        <select
          aria-label={t('deck')}
          value={filters.deck ?? ''}
          onChange={(e) => set('deck', e.target.value)}
        >
          <option value="">{t('allDecks')}</option>
          {facets.data?.decks.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <select
          aria-label={t('browseTag')}
          value={filters.tag ?? ''}
          onChange={(e) => set('tag', e.target.value)}
        >
          <option value="">{t('browseAnyTag')}</option>
          {facets.data?.tags.map((d) => (
            <option key={d} value={d}>
              #{d}
            </option>
          ))}
        </select>
        <select
          aria-label={t('browseState')}
          value={filters.state ?? ''}
          onChange={(e) => set('state', e.target.value as (typeof STATES)[number])}
        >
          <option value="">{t('browseAnyState')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`state_${s}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('browseDue')}
          value={filters.due ?? ''}
          onChange={(e) => set('due', e.target.value as (typeof DUES)[number])}
        >
          <option value="">{t('browseAnyDue')}</option>
          {DUES.map((s) => (
            <option key={s} value={s}>
              {t(`due_${s}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('browseRule')}
          value={filters.rule ?? ''}
          onChange={(e) => set('rule', e.target.value)}
        >
          <option value="">{t('browseAnyRule')}</option>
          {facets.data?.rules.map((d) => (
            <option key={d} value={d} title={d}>
              {ruleLabel(lang, d)}
            </option>
          ))}
        </select>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.leech === true}
            onChange={(e) => set('leech', e.target.checked)}
          />
          {t('browseLeech')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            data-testid="filter-suggestions"
            checked={suggestions}
            onChange={(e) => setSuggestions(e.target.checked)}
          />
          {t('browseSuggestions')}
        </label>
      </div>
      {offer && <RuleOffOffer offer={offer} onDone={() => setOffer(null)} />}
      {results.error !== null && <ErrorNote error={results.error} />}
      {suggestions && <SuggestionList filters={{ text, deck: filters.deck, rule: filters.rule }} />}
      {/* Hidden, not unmounted: the card list keeps its scroll place and loaded pages. */}
      <div className="browse-split" style={suggestions ? { display: 'none' } : undefined}>
        <div className="browse-list-wrap">
          {/* `count` picks "1 card" or "2 cards" (i18next's plural forms; Korean has one form). */}
          <div className="muted small" data-testid="browse-total">
            {results.total === null
              ? t('loading')
              : t(results.exact ? 'browseTotal' : 'browseTotalMore', { count: total }).replace(
                  '{n}',
                  (results.exact ? total : total - 1).toLocaleString(),
                )}
          </div>
          <div
            ref={scroller}
            className="browse-list"
            data-testid="browse-list"
            data-results-for={results.shownFor === results.key ? text : undefined}
            role="listbox"
            aria-label={t('navBrowse')}
            tabIndex={0}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || e.key === 'j') moveSelection(1);
              else if (e.key === 'ArrowUp' || e.key === 'k') moveSelection(-1);
              else return;
              e.preventDefault();
            }}
          >
            <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
              {rows.map((v) => {
                const item = results.itemAt(v.index);
                return (
                  <div
                    key={v.key}
                    className={item && item.id === selected ? 'browse-row active' : 'browse-row'}
                    style={{
                      position: 'absolute',
                      top: 0,
                      left: 0,
                      right: 0,
                      height: v.size,
                      transform: `translateY(${v.start}px)`,
                    }}
                    role="option"
                    tabIndex={-1}
                    aria-selected={item?.id === selected}
                    data-card-id={item?.id}
                    onClick={() => {
                      if (!item) return;
                      setSelected(item.id);
                      setSelIndex(v.index);
                    }}
                    onKeyDown={() => {}}
                  >
                    {item ? (
                      <>
                        <div className="row-prompt">{item.prompt}</div>
                        <div className="row-meta">
                          <span>{item.deck}</span>
                          <span className={`state ${item.suspended ? 'suspended' : item.state}`}>
                            {t(item.suspended ? 'state_suspended' : `state_${item.state}`)}
                          </span>
                          {item.buried && <span className="state buried">{t('state_buried')}</span>}
                          {item.leech && <span className="state leech">{t('browseLeech')}</span>}
                          {item.source && (
                            // The file name and line; the card pane shows the whole path.
                            <code className="row-source" title={item.source}>
                              {item.source.split('/').pop()}
                            </code>
                          )}
                        </div>
                      </>
                    ) : (
                      <div className="row-prompt muted">…</div>
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
        <div className="browse-pane">
          {selected ? (
            <CardPane
              cardId={selected}
              focusEdit={asked === selected}
              decks={facets.data?.decks ?? []}
              onChanged={() => results.refresh()}
              onDeleted={(o) => {
                setOffer(o ?? null);
                setSelected(null);
                setSelIndex(-1);
                results.refresh();
              }}
              onRestored={(id) => {
                setSelected(id);
                results.refresh();
              }}
            />
          ) : (
            <p className="muted">{t('browsePick')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
