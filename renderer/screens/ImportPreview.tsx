import { useMemo, useState } from 'react';
import type { ApiResult } from '../../core/api.ts';
import { HeldBackNote } from '../components/HeldBackNote.tsx';
import { PreviewAnswer } from '../components/PreviewAnswer.tsx';
import { ruleLabel, useI18n } from '../i18n/index.ts';

type PreviewCard = NonNullable<ApiResult<'import/run'>['preview']>[number];
export type Excerpt = { file: string; line: number; from: number; lines: string[] };

type Props = {
  cards: PreviewCard[];
  /** The note's text at a line, when the screen has it (uploads). */
  lineOf: (file: string, line: number) => string | undefined;
  skipRules: Set<string>;
  skipCards: Set<string>;
  setSkipRules: (s: Set<string>) => void;
  setSkipCards: (s: Set<string>) => void;
};

const toggled = (set: Set<string>, keys: string[], on: boolean) => {
  const next = new Set(set);
  for (const k of keys) on ? next.delete(k) : next.add(k);
  return next;
};

/** Cards grouped by deck, then by the rule that made them; a checkbox at every level leaves cards out. */
export function ImportPreview({ cards, lineOf, skipRules, skipCards, setSkipRules, setSkipCards }: Props) {
  const { t, lang } = useI18n();
  const groups = useMemo(() => {
    const decks = new Map<string, Map<string, PreviewCard[]>>();
    for (const c of cards) {
      const rules = decks.get(c.deck) ?? new Map<string, PreviewCard[]>();
      decks.set(c.deck, rules);
      const list = rules.get(c.rule) ?? [];
      rules.set(c.rule, list);
      list.push(c);
    }
    return [...decks].map(([deck, rules]) => ({ deck, rules: [...rules] }));
  }, [cards]);
  const ruleCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of cards) m.set(c.rule, (m.get(c.rule) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1]);
  }, [cards]);
  // A folder of notes can preview thousands of cards: decks then start closed and render their cards when opened.
  const big = cards.length > 300;
  const [opened, setOpened] = useState<Set<string>>(new Set());
  const kept = (c: PreviewCard) => !skipRules.has(c.rule) && !skipCards.has(c.key);

  return (
    <div className="import-preview" data-testid="import-preview">
      {/* A note that makes only suggestions has no rule to switch off: no empty box. */}
      {ruleCounts.length > 0 && (
        <fieldset className="rule-filter">
          <legend>{t('importRules')}</legend>
          {ruleCounts.map(([rule, n]) => (
            <label key={rule} className="check">
              <input
                type="checkbox"
                data-testid={`rule-${rule}`}
                checked={!skipRules.has(rule)}
                onChange={(e) => setSkipRules(toggled(skipRules, [rule], e.target.checked))}
              />
              <span title={rule}>{ruleLabel(lang, rule)}</span> <span className="muted">({n})</span>
            </label>
          ))}
        </fieldset>
      )}
      {groups.map(({ deck, rules }) => {
        const all = rules.flatMap(([, list]) => list);
        const deckOn = all.some(kept);
        return (
          <details
            key={deck}
            className="deck-group"
            open={!big || opened.has(deck)}
            onToggle={(e) => {
              const open = (e.currentTarget as HTMLDetailsElement).open;
              if (open !== opened.has(deck)) setOpened(toggled(opened, [deck], !open));
            }}
          >
            <summary>
              <label className="check strong">
                <input
                  type="checkbox"
                  checked={deckOn}
                  onChange={(e) =>
                    setSkipCards(
                      toggled(
                        skipCards,
                        all.map((c) => c.key),
                        e.target.checked,
                      ),
                    )
                  }
                />
                {deck}
              </label>
              <span className="muted small">
                {' '}
                {t('importCardsN', { count: all.length }).replace('{n}', String(all.length))}
              </span>
            </summary>
            {(!big || opened.has(deck)) &&
              rules.map(([rule, list]) => (
                <div key={rule} className="rule-group">
                  <label className="check">
                    <input
                      type="checkbox"
                      disabled={skipRules.has(rule)}
                      checked={!skipRules.has(rule) && list.some((c) => !skipCards.has(c.key))}
                      onChange={(e) =>
                        setSkipCards(
                          toggled(
                            skipCards,
                            list.map((c) => c.key),
                            e.target.checked,
                          ),
                        )
                      }
                    />
                    <span title={rule}>{ruleLabel(lang, rule)}</span>{' '}
                    <span className="muted">({list.length})</span>
                  </label>
                  <ul className="preview-cards">
                    {list.map((c) => {
                      const src = lineOf(c.source.file ?? '', c.source.line ?? 0);
                      return (
                        <li key={c.key} className={kept(c) ? 'preview-card' : 'preview-card skipped'}>
                          <input
                            type="checkbox"
                            aria-label={c.prompt}
                            disabled={skipRules.has(rule)}
                            checked={kept(c)}
                            onChange={(e) => setSkipCards(toggled(skipCards, [c.key], e.target.checked))}
                          />
                          <div className="preview-text">
                            <div>
                              <span className="p-prompt">{c.prompt}</span>
                              <span className="p-arrow"> → </span>
                              <PreviewAnswer text={c.answer} />
                            </div>
                            <div className="p-source">
                              <span className={`status ${c.status}`}>{t(`importStatus_${c.status}`)}</span>
                              <code className="muted">
                                {c.source.file}:{c.source.line}
                              </code>
                              {src !== undefined && <code className="src-line">{src}</code>}
                            </div>
                          </div>
                        </li>
                      );
                    })}
                  </ul>
                </div>
              ))}
          </details>
        );
      })}
    </div>
  );
}

/** A note around one line, as a warning points at it. */
export function ExcerptView({ excerpt, onClose }: { excerpt: Excerpt; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <div className="excerpt" data-testid="excerpt">
      <div className="excerpt-head">
        <code>
          {excerpt.file}:{excerpt.line}
        </code>
        <button type="button" className="btn ghost small" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <pre>
        {excerpt.lines.map((l, i) => {
          const n = excerpt.from + i;
          return (
            <div key={n} className={n === excerpt.line ? 'ex-line hit' : 'ex-line'}>
              <span className="ex-no">{n}</span>
              {l || ' '}
            </div>
          );
        })}
      </pre>
    </div>
  );
}

type Suggestion = NonNullable<ApiResult<'import/run'>['suggestions']>[number];

/** Candidates under the density line, offered unticked: a ticked one becomes a card with this import. */
export function SuggestionPreview({
  suggestions,
  accept,
  setAccept,
}: {
  suggestions: Suggestion[];
  accept: Set<string>;
  setAccept: (s: Set<string>) => void;
}) {
  const { t, lang } = useI18n();
  if (suggestions.length === 0) return null;
  return (
    <details className="deck-group suggestions" open data-testid="preview-suggestions">
      <summary className="strong">
        {t('importSuggestions').replace('{n}', String(suggestions.length))}
      </summary>
      <ul className="preview-cards">
        {suggestions.map((s) => (
          <li key={s.key} className={accept.has(s.key) ? 'preview-card' : 'preview-card skipped'}>
            <input
              type="checkbox"
              aria-label={s.prompt}
              data-testid="suggestion-tick"
              checked={accept.has(s.key)}
              onChange={(e) => setAccept(toggled(accept, [s.key], !e.target.checked))}
            />
            <div className="preview-text">
              <div>
                <span className="p-prompt">{s.prompt}</span>
                <span className="p-arrow"> → </span>
                <PreviewAnswer text={s.answer} />
              </div>
              <div className="p-source">
                <span className="tag subtle" title={s.rule}>
                  {ruleLabel(lang, s.rule)}
                </span>
                <span
                  className="muted small"
                  title={s.features.map((f) => `${f.name} ${f.weight}`).join(', ')}
                >
                  {t('importScore').replace('{score}', String(s.score))}
                </span>
                <HeldBackNote heldBack={s.heldBack} />
                <code className="muted">
                  {s.file}:{s.line}
                </code>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </details>
  );
}
