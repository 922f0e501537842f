import { useRef, useState } from 'react';
import { callMaybe } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Markdown } from '../components/Markdown.tsx';
import { type EditorHandle, YamlEditor } from '../components/YamlEditor.tsx';
import { type StringKey, useI18n } from '../i18n/index.ts';
import { useAsync } from '../useAsync.ts';
import { type ExerciseDetail, type ExerciseSummary, pick, type VerdictView } from './exercise-types.ts';

const loc = (line: number | null, column: number | null) =>
  line === null ? '' : column === null ? `${line}` : `${line}:${column}`;

export function ExercisesScreen() {
  const { t, lang } = useI18n();
  const list = useAsync(() => callMaybe<'exercises/list', ExerciseSummary[]>('exercises/list', {}), []);
  const [selected, setSelected] = useState<string | null>(null);
  const items = (list.data ?? []) as ExerciseSummary[];

  return (
    <section className="screen exercises">
      <h1>{t('exercisesTitle')}</h1>
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {list.data && items.length === 0 ? <p className="muted">{t('noExercises')}</p> : null}
      <div className="split">
        <ul className="exercise-list">
          {items.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                className={e.id === selected ? 'exercise-item active' : 'exercise-item'}
                onClick={() => setSelected(e.id)}
              >
                <span className="exercise-title">{pick(e.title, lang)}</span>
                <span className="exercise-meta">
                  {e.topic}
                  {e.difficulty ? ` · ${t(`difficulty_${e.difficulty}` as StringKey) ?? e.difficulty}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <div className="exercise-pane">
          {selected ? (
            <ExerciseDetailView key={selected} id={selected} />
          ) : (
            items.length > 0 && <p className="muted">{t('chooseExercise')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function ExerciseDetailView({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const ex = useAsync(() => callMaybe<'exercises/get', ExerciseDetail>('exercises/get', { id }), [id]);
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<VerdictView | null>(null);
  const [gradeError, setGradeError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [showSolution, setShowSolution] = useState(false);
  const editor = useRef<EditorHandle | null>(null);

  if (ex.error) return <ErrorNote error={ex.error} onRetry={ex.reload} />;
  if (!ex.data) return <p className="muted">{t('loading')}</p>;
  const d = ex.data as ExerciseDetail;

  const grade = async () => {
    setBusy(true);
    setGradeError(null);
    try {
      const v = await callMaybe<'exercises/grade', VerdictView>('exercises/grade', { id, yaml: text });
      setVerdict(v as VerdictView);
    } catch (e) {
      setVerdict(null);
      setGradeError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="exercise-detail">
      <h2>{pick(d.title, lang)}</h2>
      <Markdown className="task" text={pick(d.task, lang)} />
      {d.hints && d.hints.length > 0 && (
        <details className="hints">
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
        <button type="button" className="btn primary" onClick={grade} disabled={busy}>
          {busy ? t('grading') : t('grade')}
        </button>
        {d.solution && (
          <button type="button" className="btn" onClick={() => setShowSolution((s) => !s)}>
            {showSolution ? t('hideSolution') : t('showSolution')}
          </button>
        )}
      </div>
      {gradeError ? <ErrorNote error={gradeError} /> : null}
      {verdict && (
        <div className={verdict.passed ? 'verdict pass' : 'verdict fail'} data-testid="verdict">
          <p className="verdict-head">
            {verdict.passed ? `✓ ${t('passed')}` : `✗ ${t('failed')}`}
            <span className="muted">
              {' '}
              · {t('score')} {verdict.score}%
            </span>
          </p>
          {verdict.errors.length > 0 && <p className="muted">{t('yamlProblems')}</p>}
          <ul className="checks">
            {verdict.errors.map((e) => (
              <li key={`${e.code}-${e.line}-${e.column}-${e.message}`} className="check-row bad">
                <span className="mark">✗</span>
                <CheckLoc line={e.line} column={e.column} jump={editor} />
                <span>{e.message}</span>
              </li>
            ))}
            {verdict.checks.map((c) => (
              <li key={c.id} className={c.passed ? 'check-row ok' : 'check-row bad'}>
                <span className="mark">{c.passed ? '✓' : '✗'}</span>
                <CheckLoc line={c.line} column={c.column} jump={editor} />
                <span>
                  {c.message}
                  {!c.passed && c.hint ? <span className="hint"> — {c.hint}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {showSolution && d.solution && <pre className="solution">{d.solution}</pre>}
    </article>
  );
}

function CheckLoc({
  line,
  column,
  jump,
}: {
  line: number | null;
  column: number | null;
  jump: { current: EditorHandle | null };
}) {
  if (line === null) return <span className="loc" />;
  return (
    <button type="button" className="loc" onClick={() => jump.current?.jumpTo(line, column ?? 1)}>
      {loc(line, column)}
    </button>
  );
}
