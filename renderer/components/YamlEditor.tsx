import { yaml } from '@codemirror/lang-yaml';
import { EditorState } from '@codemirror/state';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef } from 'react';
import { type T, useI18n } from '../i18n/index.ts';

/** CodeMirror's own words (the fold gutter's tooltips, what a screen reader hears), in the learner's language. */
const phrases = (t: T) => ({
  'Fold line': t('editor.foldLine'),
  'Unfold line': t('editor.unfoldLine'),
  'folded code': t('editor.foldedCode'),
  unfold: t('editor.unfold'),
  'Folded lines': t('editor.foldedLines'),
  'Unfolded lines': t('editor.unfoldedLines'),
  to: t('editor.to'),
});

export type EditorHandle = { jumpTo: (line: number, column: number) => void };

/** CodeMirror 6 with YAML highlighting; the parent owns the text. */
export function YamlEditor({
  value,
  onChange,
  label,
  handleRef,
}: {
  value: string;
  onChange: (text: string) => void;
  label: string;
  handleRef?: { current: EditorHandle | null };
}) {
  const { t } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  // biome-ignore lint/correctness/useExhaustiveDependencies: created once; later `value` changes are synced below
  useEffect(() => {
    const v = new EditorView({
      doc: value,
      parent: host.current!,
      extensions: [
        basicSetup,
        EditorState.phrases.of(phrases(t)),
        yaml(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': label, spellcheck: 'false' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) changed.current(u.state.doc.toString());
        }),
      ],
    });
    view.current = v;
    if (handleRef)
      handleRef.current = {
        jumpTo(line, column) {
          const doc = v.state.doc;
          const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
          const pos = Math.min(l.from + Math.max(column - 1, 0), l.to);
          v.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
          v.focus();
        },
      };
    return () => v.destroy();
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value)
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  return <div className="yaml-editor" ref={host} />;
}
