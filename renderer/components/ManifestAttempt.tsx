import { useRef, useState } from 'react';
import type { Verdict } from '../../content/grader/index.ts';
import { call } from '../api/client.ts';
import { useI18n } from '../i18n/index.ts';
import { ErrorNote } from './ErrorNote.tsx';
import { VerdictView } from './VerdictView.tsx';
import { type EditorHandle, YamlEditor } from './YamlEditor.tsx';

/**
 * A whole-manifest card answered the way the exam asks it: written, then graded. The grader derives its checks from
 * the note's manifest (kinds, names, selectors, ports, the fields that matter), so a correct answer in another
 * order or style passes, where comparing text would fail it. Loaded only when such a card comes up: it brings
 * the editor.
 */
export function ManifestAttempt({
  reference,
  onGraded,
}: {
  reference: string;
  onGraded: (passed: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const editor = useRef<EditorHandle | null>(null);

  const grade = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await call('exercises/grade-manifest', { reference, answer: text, lang });
      setVerdict(r.verdict);
      onGraded(r.verdict.passed);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="manifest-attempt" data-testid="manifest-attempt">
      <p className="muted">{t('manifestAttemptHint')}</p>
      <YamlEditor value={text} onChange={setText} label={t('manifestAttempt')} handleRef={editor} />
      <div className="actions">
        <button
          type="button"
          className="btn primary"
          onClick={() => void grade()}
          disabled={busy || text.trim() === ''}
        >
          {busy ? t('grading') : t('grade')}
        </button>
      </div>
      {error ? <ErrorNote error={error} /> : null}
      {verdict && <VerdictView verdict={verdict} jump={editor} />}
    </div>
  );
}
