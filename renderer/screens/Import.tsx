import { type ChangeEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { Density } from '../../content/markdown/types.ts';
import type { ApiResult } from '../../core/api.ts';
import { bridge, call, callWithProgress, type ProgressEvent } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useI18n, warningText } from '../i18n/index.ts';
import { type Excerpt, ExcerptView, ImportPreview, SuggestionPreview } from './ImportPreview.tsx';
import { fromFileList, onPick, type Picked } from './import-pick.ts';
import { LearnerSummary } from './LearnerSummary.tsx';

type Result = ApiResult<'import/run'>;
type Stage =
  | { at: 'pick' }
  | { at: 'reading' }
  | { at: 'preview'; picked: Picked; result: Result }
  | { at: 'importing'; picked: Picked; progress: ProgressEvent | null }
  | { at: 'done'; picked: Picked; result: Result };

/** The same call for both ways in: texts uploaded from a browser, or paths the desktop app reads itself. */
// The list is the renderer's own (it imports core's and content's types only); the type keeps it to real densities.
const DENSITIES: Density[] = ['fewer', 'standard', 'more', 'all'];

function runFor(
  picked: Picked,
  extra: {
    dryRun?: boolean;
    preview?: boolean;
    skip?: { rules: string[]; cards: string[] };
    density?: Density;
    accept?: string[];
  },
) {
  return (onProgress: (p: ProgressEvent) => void): Promise<Result> =>
    picked.kind === 'upload'
      ? callWithProgress('import/upload', { root: picked.root, files: picked.files, ...extra }, onProgress)
      : callWithProgress('import/run', { paths: picked.paths, ...extra }, onProgress);
}

/** Where a shown file name's text is, for an upload (before the import it exists only here). */
function localText(picked: Picked, file: string): string | undefined {
  if (picked.kind !== 'upload') return undefined;
  const prefix = `${picked.root ?? 'files'}/`;
  return picked.files.find((f) => `${prefix}${f.path}` === file || f.path === file)?.text;
}

export function ImportScreen() {
  const { t } = useI18n();
  const [stage, setStage] = useState<Stage>({ at: 'pick' });
  const [error, setError] = useState<unknown>(null);
  const [skipRules, setSkipRules] = useState<Set<string>>(new Set());
  const [skipCards, setSkipCards] = useState<Set<string>>(new Set());
  const [excerpt, setExcerpt] = useState<Excerpt | null>(null);
  // Suggestions are offered unticked: only the ones the learner ticks become cards.
  const [accept, setAccept] = useState<Set<string>>(new Set());
  const [density, setDensity] = useState<Density | null>(null);
  useEffect(() => {
    call('settings/get', {}).then(
      (s) => setDensity((d) => d ?? s['import.density']),
      () => {},
    );
  }, []);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const desktop = bridge()?.pickNotes;

  const preview = async (pending: Promise<Picked>, at: Density | null = density) => {
    setError(null);
    setExcerpt(null);
    setStage({ at: 'reading' });
    try {
      const picked = await pending;
      if (picked.kind === 'upload' && picked.files.length === 0) {
        setStage({ at: 'pick' });
        setError(new Error(t('importNoMarkdown')));
        return;
      }
      const result = await runFor(picked, { dryRun: true, preview: true, ...(at ? { density: at } : {}) })(
        () => {},
      );
      setSkipRules(new Set());
      setSkipCards(new Set());
      setAccept(new Set());
      setStage({ at: 'preview', picked, result });
    } catch (e) {
      setStage({ at: 'pick' });
      setError(e);
    }
  };

  // Notes dropped anywhere on the window arrive here.
  // biome-ignore lint/correctness/useExhaustiveDependencies: subscribe once; `preview` reads only setters and t
  useEffect(() => onPick((p) => void preview(p)), []);

  const onInput = async (e: ChangeEvent<HTMLInputElement>) => {
    const list = e.target.files;
    if (!list || list.length === 0) return;
    await preview(fromFileList(list));
    e.target.value = '';
  };

  const pickNative = async (kind: 'files' | 'folder') => {
    const paths = await desktop?.(kind);
    if (paths?.length) await preview(Promise.resolve({ kind: 'paths', paths }));
  };

  const doImport = async (picked: Picked) => {
    setError(null);
    setStage({ at: 'importing', picked, progress: null });
    try {
      const result = await runFor(picked, {
        skip: { rules: [...skipRules], cards: [...skipCards] },
        accept: [...accept],
        ...(density ? { density } : {}),
      })((p) => setStage({ at: 'importing', picked, progress: p }));
      setStage({ at: 'done', picked, result });
    } catch (e) {
      setError(e);
      setStage({ at: 'pick' });
    }
  };

  const showWarning = async (picked: Picked, file: string, line: number) => {
    const text = localText(picked, file);
    if (text !== undefined) {
      const lines = text.split('\n');
      const from = Math.max(1, line - 4);
      setExcerpt({ file, line, from, lines: lines.slice(from - 1, line + 4) });
      return;
    }
    try {
      setExcerpt(await call('import/note-excerpt', { file, line }));
    } catch (e) {
      setError(e);
    }
  };

  const counts = useMemo(() => {
    if (stage.at !== 'preview') return null;
    const cards = stage.result.preview ?? [];
    // A ticked suggestion is a card like the others: counted among all the cards as well as the kept ones ("4 of 4",
    // not "4 of 3").
    const kept = cards.filter((c) => !skipRules.has(c.rule) && !skipCards.has(c.key)).length + accept.size;
    return { kept, all: cards.length + accept.size };
  }, [stage, skipRules, skipCards, accept]);

  /** "4 of 4 cards …"; with no card, nothing to untick: say so, and where cards could come from. */
  const previewCount = (c: { kept: number; all: number }, suggestions: number) => {
    if (c.all > 0)
      return t('importWillImport', { count: c.all })
        .replace('{kept}', String(c.kept))
        .replace('{all}', String(c.all));
    return suggestions > 0
      ? t('importNoCardsSuggestions').replace('{kept}', String(c.kept))
      : t('importNoCards');
  };

  const densityPicker = (
    <label className="density-pick" title={t('importDensityHelp')}>
      {t('importDensity')}{' '}
      <select
        data-testid="import-density"
        value={density ?? 'standard'}
        onChange={(e) => {
          const d = e.target.value as Density;
          setDensity(d);
          if (stage.at === 'preview') void preview(Promise.resolve(stage.picked), d);
        }}
      >
        {DENSITIES.map((d) => (
          <option key={d} value={d}>
            {t(`density_${d}`)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="import-screen">
      <div className="screen-head">
        <h1>{t('importTitle')}</h1>
      </div>
      {error !== null && <ErrorNote error={error} />}
      {stage.at === 'done' && (
        <div className="import-done" data-testid="import-summary">
          <h2>{t('importDone')}</h2>
          <div className="tiles">
            {(['new', 'updated', 'unchanged', 'suspended'] as const).map((k) => (
              <div key={k} className="tile" data-testid={`summary-${k}`}>
                <div className="tile-value">{stage.result.summary[k]}</div>
                <div className="tile-label">{t(`importSum_${k}`)}</div>
              </div>
            ))}
            {(['suggested', 'tombstoned', 'duplicates'] as const)
              .filter((k) => stage.result[k] > 0)
              .map((k) => (
                <div key={k} className="tile" data-testid={`summary-${k}`}>
                  <div className="tile-value">{stage.result[k]}</div>
                  <div className="tile-label">{t(`importSum_${k}`)}</div>
                </div>
              ))}
          </div>
          <LearnerSummary result={stage.result} />
          <Warnings
            warnings={stage.result.warnings}
            onShow={(f, l) => void showWarning(stage.picked, f, l)}
          />
          {excerpt && <ExcerptView excerpt={excerpt} onClose={() => setExcerpt(null)} />}
          <div className="actions">
            <button type="button" className="btn" onClick={() => void preview(Promise.resolve(stage.picked))}>
              {t('importAgain')}
            </button>
            <a className="btn" href="#/browse">
              {t('importBrowse')}
            </a>
          </div>
        </div>
      )}

      {(stage.at === 'pick' || stage.at === 'reading' || stage.at === 'done') && (
        <div className="drop-zone" data-testid="drop-zone">
          <p>{t('importDropHint')}</p>
          <p>{densityPicker}</p>
          <div className="actions center">
            {desktop ? (
              <>
                <button type="button" className="btn" onClick={() => void pickNative('files')}>
                  {t('importChooseFiles')}
                </button>
                <button type="button" className="btn" onClick={() => void pickNative('folder')}>
                  {t('importChooseFolder')}
                </button>
              </>
            ) : (
              <>
                <button type="button" className="btn" onClick={() => filesInput.current?.click()}>
                  {t('importChooseFiles')}
                </button>
                <button type="button" className="btn" onClick={() => folderInput.current?.click()}>
                  {t('importChooseFolder')}
                </button>
                <input
                  ref={filesInput}
                  data-testid="import-files"
                  type="file"
                  multiple
                  accept=".md,.markdown,text/markdown"
                  hidden
                  onChange={(e) => void onInput(e)}
                />
                <input
                  ref={folderInput}
                  data-testid="import-folder"
                  type="file"
                  hidden
                  // React does not know the attribute; the browser does.
                  {...{ webkitdirectory: '' }}
                  onChange={(e) => void onInput(e)}
                />
              </>
            )}
          </div>
          <p className="muted small">{desktop ? t('importDesktopNote') : t('importBrowserNote')}</p>
          {stage.at === 'reading' && <p className="muted">{t('loading')}</p>}
        </div>
      )}

      {stage.at === 'preview' && counts && (
        <>
          <div className="import-bar">
            <span data-testid="preview-count">
              {previewCount(counts, (stage.result.suggestions ?? []).length)}
            </span>
            {densityPicker}
            <span className="grow" />
            <button type="button" className="btn ghost" onClick={() => setStage({ at: 'pick' })}>
              {t('cancel')}
            </button>
            <button
              type="button"
              className="btn primary"
              data-testid="import-go"
              onClick={() => void doImport(stage.picked)}
            >
              {t('importGo')}
            </button>
          </div>
          {stage.picked.kind === 'upload' && stage.picked.ignored.length > 0 && (
            <p className="muted small">
              {t('importIgnored')} {stage.picked.ignored.join(', ')}
            </p>
          )}
          <Warnings
            warnings={stage.result.warnings}
            onShow={(f, l) => void showWarning(stage.picked, f, l)}
          />
          {excerpt && <ExcerptView excerpt={excerpt} onClose={() => setExcerpt(null)} />}
          <ImportPreview
            cards={stage.result.preview ?? []}
            lineOf={(file, line) => localText(stage.picked, file)?.split('\n')[line - 1]}
            skipRules={skipRules}
            skipCards={skipCards}
            setSkipRules={setSkipRules}
            setSkipCards={setSkipCards}
          />
          <SuggestionPreview
            suggestions={stage.result.suggestions ?? []}
            accept={accept}
            setAccept={setAccept}
          />
        </>
      )}

      {stage.at === 'importing' && (
        <div className="import-progress" data-testid="import-progress">
          <p>
            {stage.progress === null
              ? t('importStarting')
              : t(stage.progress.phase === 'read' ? 'importReading' : 'importWriting')
                  .replace('{done}', String(stage.progress.done))
                  .replace('{total}', String(stage.progress.total))}
          </p>
          <progress
            max={stage.progress?.total || 1}
            value={stage.progress?.done ?? 0}
            data-phase={stage.progress?.phase ?? 'start'}
          />
        </div>
      )}
    </section>
  );
}

function Warnings({
  warnings,
  onShow,
}: {
  /**
   * A reader's warning carries a message code and its parameters (rendered in the UI's language); a Kubernetes
   * check warning (issue #18) its kind and its Korean text.
   */
  warnings: {
    file: string;
    line: number;
    message: string;
    code?: string;
    params?: object;
    kind?: string;
    ko?: { message: string };
  }[];
  onShow: (file: string, line: number) => void;
}) {
  const { t, lang } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <details className="warnings" open={warnings.length <= 8}>
      <summary>
        {t('importWarnings')} ({warnings.length})
      </summary>
      <ul>
        {warnings.map((w) => (
          <li
            key={`${w.file}:${w.line}:${w.message}`}
            className={w.kind ? `check-warning ${w.kind}` : undefined}
          >
            <button type="button" className="loc" onClick={() => onShow(w.file, w.line)}>
              {w.file}:{w.line}
            </button>{' '}
            {warningText(lang, w)}
          </li>
        ))}
      </ul>
    </details>
  );
}
