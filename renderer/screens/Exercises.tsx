import { useRef, useState } from 'react';
import type { ApiResult } from '../../core/api.ts';
import { call } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Markdown } from '../components/Markdown.tsx';
import { VerdictView } from '../components/VerdictView.tsx';
import { type EditorHandle, YamlEditor } from '../components/YamlEditor.tsx';
import { type StringKey, type T, useI18n } from '../i18n/index.ts';
import { useAsync } from '../useAsync.ts';
import { pick } from './exercise-types.ts';

type GradeResult = ApiResult<'exercises/grade'>;

const DRAFTS_KEY = 'kubedeck.exerciseDrafts';

/**
 * What the learner typed for each exercise, kept while they switch between exercises (and across a reload): picking
 * another exercise must never throw an answer away.
 */
function useDrafts() {
  const drafts = useRef<Record<string, string>>(
    (() => {
      try {
        return JSON.parse(localStorage.getItem(DRAFTS_KEY) ?? '{}') as Record<string, string>;
      } catch {
        return {};
      }
    })(),
  );
  return {
    get: (id: string) => drafts.current[id] ?? '',
    set: (id: string, text: string) => {
      if (text.trim() === '') delete drafts.current[id];
      else drafts.current[id] = text;
      localStorage.setItem(DRAFTS_KEY, JSON.stringify(drafts.current));
    },
  };
}

export function ExercisesScreen() {
  const { t, lang } = useI18n();
  const list = useAsync(() => call('exercises/list', {}), []);
  const [selected, setSelected] = useState<string | null>(null);
  const drafts = useDrafts();
  const items = list.data ?? [];

  return (
    <section className="screen exercises">
      <h1>{t('exercisesTitle')}</h1>
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <p className="muted">{t('loading')}</p> : null}
      {list.data && items.length === 0 ? <p className="muted">{t('noExercises')}</p> : null}
      <div className="split">
        <ul className="exercise-list">
          {items.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                className={e.id === selected ? 'exercise-item active' : 'exercise-item'}
                data-exercise={e.id}
                onClick={() => setSelected(e.id)}
              >
                <span className="exercise-title">
                  {e.passed && (
                    <span
                      className="exercise-passed"
                      title={t('exercisePassed')}
                      data-testid="exercise-passed"
                    >
                      ✓{' '}
                    </span>
                  )}
                  {pick(e.title, lang)}
                </span>
                <span className="exercise-meta">
                  {topicLabel(e.topic, t)}
                  {` · ${t(`difficulty_${e.difficulty}` as StringKey)}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <div className="exercise-pane">
          {selected ? (
            <ExerciseDetailView
              key={selected}
              id={selected}
              draft={drafts.get(selected)}
              onDraft={(text) => drafts.set(selected, text)}
              onPassed={list.reload}
            />
          ) : (
            items.length > 0 && <p className="muted">{t('chooseExercise')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

/** A topic in the learner's language; one the tables do not know shows as written. */
function topicLabel(topic: string, t: T): string {
  const key = `topic_${topic}` as StringKey;
  const label = t(key);
  return label === key ? topic : label;
}

function ExerciseDetailView({
  id,
  draft,
  onDraft,
  onPassed,
}: {
  id: string;
  draft: string;
  onDraft: (text: string) => void;
  onPassed: () => void;
}) {
  const { t, lang } = useI18n();
  const ex = useAsync(() => call('exercises/get', { id }), [id]);
  const [text, setTextState] = useState(draft);
  const setText = (s: string) => {
    setTextState(s);
    onDraft(s);
  };
  const [result, setResult] = useState<GradeResult | null>(null);
  const [gradeError, setGradeError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [hintsOpened, setHintsOpened] = useState(false);
  const editor = useRef<EditorHandle | null>(null);

  if (ex.error) return <ErrorNote error={ex.error} onRetry={ex.reload} />;
  if (!ex.data) return <p className="muted">{t('loading')}</p>;
  const d = ex.data;
  const verdict = result?.verdict;

  const grade = async (gaveUp = false) => {
    setBusy(true);
    setGradeError(null);
    try {
      const r = await call('exercises/grade', {
        id,
        answer: text,
        lang,
        gaveUp,
        hintsUsed: hintsOpened ? d.hints.length : 0,
      });
      setResult(r);
      if (r.verdict?.passed) onPassed();
    } catch (e) {
      setResult(null);
      setGradeError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="exercise-detail">
      <h2>{pick(d.title, lang)}</h2>
      <Markdown className="task" text={pick(d.task, lang)} />
      {d.hints.length > 0 && (
        <details className="hints" onToggle={(e) => e.currentTarget.open && setHintsOpened(true)}>
          <summary>{t('hints')}</summary>
          <ul>
            {d.hints.map((h) => (
              <li key={pick(h, 'en')}>
                <Markdown text={pick(h, lang)} />
              </li>
            ))}
          </ul>
        </details>
      )}
      <YamlEditor value={text} onChange={setText} label="YAML" handleRef={editor} />
      <div className="actions">
        <button type="button" className="btn primary" onClick={() => grade()} disabled={busy}>
          {busy ? t('grading') : t('grade')}
        </button>
        {!result?.solution && (
          <button type="button" className="btn ghost" onClick={() => grade(true)} disabled={busy}>
            {t('showSolution')}
          </button>
        )}
      </div>
      {gradeError ? <ErrorNote error={gradeError} /> : null}
      {verdict && <VerdictView verdict={verdict} jump={editor} />}
      {result?.solution && (
        <>
          <h3 className="solution-head">{t('solution')}</h3>
          <pre className="solution">{result.solution}</pre>
        </>
      )}
    </article>
  );
}
