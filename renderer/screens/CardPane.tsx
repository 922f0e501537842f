import { useEffect, useState } from 'react';
import { bridge, call } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Markdown } from '../components/Markdown.tsx';
import type { Offer } from '../components/RuleOffOffer.tsx';
import { ruleLabel, type StringKey, useI18n } from '../i18n/index.ts';
import { useAsync } from '../useAsync.ts';

type Props = {
  cardId: string;
  /** Opened to edit (Edit in Review): the source line takes the focus once it shows. */
  focusEdit?: boolean;
  decks: string[];
  onChanged: () => void;
  /** `offer`: the learner has thrown away enough of this rule's cards in this note to switch it off there. */
  onDeleted: (offer?: Offer) => void;
  onRestored: (id: string) => void;
};

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const day = (iso: string | null) => (iso === null ? '—' : new Date(iso).toLocaleString());

/** One card: what it says, its FSRS memory, its history, where it came from and what can be done to it. */
export function CardPane({ cardId, focusEdit, decks, onChanged, onDeleted, onRestored }: Props) {
  const { t, lang } = useI18n();
  const detail = useAsync(() => call('browse/card', { cardId }), [cardId]);
  const [error, setError] = useState<unknown>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const [edit, setEdit] = useState<string | null>(null);
  const [moveTo, setMoveTo] = useState('');
  const [saved, setSaved] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new card starts a clean pane
  useEffect(() => {
    setError(null);
    setEdit(null);
    setSaved(null);
    setMoveTo('');
  }, [cardId]);
  useEffect(() => {
    if (detail.data) setEdit(detail.data.source.lineText);
  }, [detail.data]);

  const act = async (run: () => Promise<unknown>, after: () => void = onChanged) => {
    setError(null);
    try {
      await run();
      after();
      detail.reload();
    } catch (e) {
      setError(e);
    }
  };

  if (deleted)
    return (
      <div className="card-pane" data-testid="card-pane">
        <p>{t('browseDeleted')}</p>
        <button
          type="button"
          className="btn"
          data-testid="undo-delete"
          onClick={() =>
            void act(
              () => call('cards/undelete', {}),
              () => {
                setDeleted(null);
                onRestored(deleted);
              },
            )
          }
        >
          {t('undo')}
        </button>
        {error !== null && <ErrorNote error={error} />}
      </div>
    );
  if (detail.error) return <ErrorNote error={detail.error} onRetry={detail.reload} />;
  const d = detail.data;
  if (!d || d.card.id !== cardId) return <p className="muted">{t('loading')}</p>;
  const { card, memory, source } = d;
  const openNote = bridge()?.openNote;

  return (
    <div className="card-pane" data-testid="card-pane" data-card-id={card.id}>
      <div className="card-meta">
        <span className="deck-name">{card.deck}</span>
        <span className="tag">{t(`kind_${card.kind}` as StringKey)}</span>
        <span className="tag subtle" title={card.rule}>
          {ruleLabel(lang, card.rule)}
        </span>
        <span className={`state ${card.suspended ? 'suspended' : card.state}`}>
          {t(card.suspended ? 'state_suspended' : `state_${card.state}`)}
        </span>
        {card.buried && <span className="state buried">{t('state_buried')}</span>}
        {card.leech && <span className="state leech">{t('browseLeech')}</span>}
      </div>
      {card.context.length > 0 && <div className="crumbs muted small">{card.context.join(' › ')}</div>}
      <Markdown className="prompt" text={card.prompt} />
      <hr />
      <Markdown className="answer" text={card.answer} />
      {card.tags.length > 0 && (
        <div className="small muted">
          {card.tags.map((x) => (
            <span key={x} className="tag subtle">
              #{x}
            </span>
          ))}
        </div>
      )}

      <div className="pane-actions">
        {card.suspended ? (
          <button
            type="button"
            className="btn small"
            onClick={() => void act(() => call('cards/unsuspend', { cardId }))}
          >
            {t('browseUnsuspend')}
          </button>
        ) : (
          <button
            type="button"
            className="btn small"
            onClick={() => void act(() => call('cards/suspend', { cardId }))}
          >
            {t('browseSuspend')}
          </button>
        )}
        <button
          type="button"
          className="btn small"
          onClick={() => void act(() => call('cards/bury', { cardId }))}
        >
          {t('browseBury')}
        </button>
        <button
          type="button"
          className="btn small"
          onClick={() => void act(() => call('cards/reset', { cardId }))}
        >
          {t('browseReset')}
        </button>
        {source.edit !== 'bundled' && (
          <button
            type="button"
            className="btn small danger"
            data-testid="delete-card"
            onClick={() =>
              void act(
                async () => {
                  const r = await call('cards/delete', { cardId });
                  setDeleted(cardId);
                  onDeleted(r.offer);
                },
                () => {},
              )
            }
          >
            {t('browseDelete')}
          </button>
        )}
      </div>
      <form
        className="pane-actions"
        onSubmit={(e) => {
          e.preventDefault();
          if (moveTo.trim()) void act(() => call('cards/move', { cardId, deck: moveTo.trim() }));
        }}
      >
        <input
          className="input narrow"
          list="browse-decks"
          aria-label={t('browseMoveTo')}
          placeholder={t('browseMoveTo')}
          value={moveTo}
          onChange={(e) => setMoveTo(e.target.value)}
        />
        <datalist id="browse-decks">
          {decks.map((x) => (
            <option key={x} value={x} />
          ))}
        </datalist>
        <button type="submit" className="btn small" disabled={!moveTo.trim()}>
          {t('browseMove')}
        </button>
      </form>
      {error !== null && <ErrorNote error={error} />}

      <h3>{t('browseSource')}</h3>
      <SourceSection
        source={source}
        edit={edit}
        setEdit={setEdit}
        saved={saved}
        focus={focusEdit === true}
        openNote={openNote}
        onSave={() =>
          void act(async () => {
            const r = await call('cards/edit-source', {
              cardId,
              expected: source.lineText ?? '',
              text: edit ?? '',
            });
            // The edited line may no longer make this card (say, a value the Kubernetes check finds wrong).
            const said = r.cardId === null ? t('browseSavedGone') : t('browseSaved');
            setSaved(
              said
                .replace('{file}', `${source.file}:${source.line}`)
                .replace('{updated}', String(r.summary.updated))
                .replace('{new}', String(r.summary.new)),
            );
          })
        }
      />

      <h3>{t('browseMemory')}</h3>
      <div className="tiles small-tiles" data-testid="memory">
        <div className="tile">
          <div className="tile-value">{memory.stability ? memory.stability.toFixed(2) : '—'}</div>
          <div className="tile-label">{t('browseStability')}</div>
        </div>
        <div className="tile">
          <div className="tile-value">{memory.difficulty ? memory.difficulty.toFixed(2) : '—'}</div>
          <div className="tile-label">{t('browseDifficulty')}</div>
        </div>
        <div className="tile">
          <div className="tile-value">{pct(memory.retrievability)}</div>
          <div className="tile-label">{t('browseRetrievability')}</div>
        </div>
      </div>
      <p className="small muted">
        {t('browseDueAt')} {day(card.due)} · {t('browseReps')} {card.reps} · {t('browseLapses')} {card.lapses}
      </p>

      <h3>{t('browseHistory')}</h3>
      {d.history.length === 0 ? (
        <p className="muted small">{t('browseNoHistory')}</p>
      ) : (
        <table className="history" data-testid="history">
          <tbody>
            {d.history.map((h) => (
              <tr key={h.at}>
                <td className="history-cell">{day(h.at)}</td>
                <td className={`history-cell rating ${h.rating}`}>{t(h.rating)}</td>
                <td className="history-cell muted">{t(`state_${h.state as 'new'}`)}</td>
                <td className="history-cell num">{(h.elapsedMs / 1000).toFixed(1)}s</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

type SourceProps = {
  source: Awaited<ReturnType<typeof call<'browse/card'>>>['source'];
  edit: string | null;
  setEdit: (s: string) => void;
  saved: string | null;
  focus: boolean;
  openNote: ((path: string, line: number) => Promise<void>) | undefined;
  onSave: () => void;
};

/** Says how this card is edited, and offers that way: in its note, or not at all. */
function SourceSection({ source, edit, setEdit, saved, focus, openNote, onSave }: SourceProps) {
  const { t } = useI18n();
  const where = source.file ? `${source.file}:${source.line ?? 1}` : '—';
  if (source.edit === 'bundled')
    return (
      <p className="small" data-testid="source-mode">
        <code>{where}</code> — {t('browseBundled')}
      </p>
    );
  if (source.edit === 'none' || source.edit === 'missing')
    return (
      <p className="small" data-testid="source-mode">
        <code>{where}</code> — {t(source.edit === 'none' ? 'browseNoNote' : 'browseMissing')}
      </p>
    );
  return (
    <div className="source-edit">
      <p className="small" data-testid="source-mode">
        {t('browseEditInNote')} {source.upload && t('browseUploadCopy')}
      </p>
      <div className="src-where">
        <code data-testid="source-path">
          {source.path}:{source.line}
        </code>
        {openNote && source.path && (
          <button
            type="button"
            className="btn small"
            onClick={() => void openNote(source.path!, source.line ?? 1)}
          >
            {t('browseOpenEditor')}
          </button>
        )}
      </div>
      {!openNote && <p className="small muted">{t('browseOpenYourself')}</p>}
      <form
        className="pane-actions"
        onSubmit={(e) => {
          e.preventDefault();
          onSave();
        }}
      >
        <input
          className="input mono"
          data-testid="source-line"
          // biome-ignore lint/a11y/noAutofocus: the learner asked to edit this card (Edit / E in Review)
          autoFocus={focus}
          aria-label={t('browseSourceLine')}
          value={edit ?? ''}
          onChange={(e) => setEdit(e.target.value)}
        />
        <button
          type="submit"
          className="btn small primary"
          data-testid="save-source"
          disabled={edit === null || edit === source.lineText}
        >
          {t('browseSaveLine')}
        </button>
      </form>
      {saved && (
        <p className="ok-text small" role="status">
          {saved}
        </p>
      )}
    </div>
  );
}
