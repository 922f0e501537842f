import type { Verdict } from '../../content/grader/index.ts';
import { useI18n } from '../i18n/index.ts';
import type { EditorHandle } from './YamlEditor.tsx';

/**
 * A grader's verdict as the learner reads it: pass or fail with the score, then each YAML problem and each check,
 * its line:column a button that puts the editor's cursor there. Shared by the Exercises screen and the manifest
 * cards of Review, which grade the same way.
 */
export function VerdictView({ verdict, jump }: { verdict: Verdict; jump: { current: EditorHandle | null } }) {
  const { t } = useI18n();
  return (
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
            <CheckLoc line={e.line} column={e.column} jump={jump} />
            <span>{e.message}</span>
          </li>
        ))}
        {dedupe(verdict.checks).map(({ check: c, times }) => (
          <li key={c.id} className={c.passed ? 'check-row ok' : 'check-row bad'}>
            <span className="mark">{c.passed ? '✓' : '✗'}</span>
            <CheckLoc line={c.line} column={c.column} jump={jump} />
            <span>
              {c.message}
              {times > 1 ? <span className="muted"> ×{times}</span> : null}
              {!c.passed && c.hint ? <span className="hint"> — {c.hint}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

type CheckRow = Verdict['checks'][number];

/** A missing document fails every check on it with the same message; show it once with a count. */
function dedupe(checks: CheckRow[]): { check: CheckRow; times: number }[] {
  const out: { check: CheckRow; times: number }[] = [];
  for (const c of checks) {
    const same = out.find(
      (o) =>
        !c.passed && !o.check.passed && o.check.message === c.message && o.check.line === c.line && !c.hint,
    );
    if (same) same.times++;
    else out.push({ check: c, times: 1 });
  }
  return out;
}

const loc = (line: number | null, column: number | null) =>
  line === null ? '' : column === null ? `${line}` : `${line}:${column}`;

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
