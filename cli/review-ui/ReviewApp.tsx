import { Box, Text, useApp, useInput } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../../core/api.ts';
import type { Core } from '../../core/app.ts';
import type { Strings } from './strings.ts';

type Next = ApiResult<'review/next'>;
type Check = ApiResult<'review/check-answer'>;
type Mode = 'question' | 'typing' | 'answer';
const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
const COLORS = { again: 'red', hard: 'yellow', good: 'green', easy: 'blue' } as const;

/** Interactive review: every action is a core call, so it behaves exactly like the UI and the scripted commands. */
export function ReviewApp({ core, deck, t }: { core: Core; deck?: string; t: Strings }) {
  const { exit } = useApp();
  const [next, setNext] = useState<Next | null>(null);
  const [mode, setMode] = useState<Mode>('question');
  const [typed, setTyped] = useState('');
  const [check, setCheck] = useState<Check | null>(null);
  const [note, setNote] = useState('');
  const shownAt = useRef(performance.now());

  const load = useCallback(async () => {
    const n = await core.call('review/next', { deck });
    setNext(n);
    setMode('question');
    setTyped('');
    setCheck(null);
    shownAt.current = performance.now();
  }, [core, deck]);

  const attempt = useCallback((work: () => Promise<void>) => {
    work().catch((e: Error) => setNote(e.message));
  }, []);

  useEffect(() => attempt(load), [attempt, load]);

  useInput((input, key) => {
    const card = next?.card;
    if (mode === 'typing') {
      // Pasted or fast input arrives as one chunk, possibly with the Enter inside it.
      const enter = key.return || /[\r\n]/.test(input);
      const text = key.return ? '' : input.split(/[\r\n]/)[0]!;
      if (key.escape) setMode('question');
      else if (key.backspace || key.delete) setTyped((s) => [...s].slice(0, -1).join(''));
      else if (text && !key.ctrl && !key.meta) setTyped((s) => s + text);
      if (enter && card) {
        const answer = typed + text;
        attempt(async () => {
          setCheck(await core.call('review/check-answer', { cardId: card.id, typed: answer }));
          setMode('answer');
        });
      }
      return;
    }
    if (input === 'q') return exit();
    if (input === 'u')
      return attempt(async () => {
        try {
          await core.call('review/undo', {});
          setNote(t.undone);
        } catch {
          setNote(t.nothingToUndo);
        }
        await load();
      });
    if (!card) return;
    if (mode === 'question' && input === ' ') return setMode('answer');
    if (mode === 'question' && input === 't' && card.answerKind) return setMode('typing');
    const n = Number(input);
    if (mode === 'answer' && n >= 1 && n <= 4)
      attempt(async () => {
        const r = await core.call('review/rate', {
          cardId: card.id,
          rating: RATINGS[n - 1]!,
          elapsedMs: Math.round(performance.now() - shownAt.current),
        });
        setNote(r.message ?? '');
        await load();
      });
  });

  if (!next) return <Text dimColor>…</Text>;
  const { counts, card, previews } = next;
  return (
    <Box flexDirection="column" paddingX={1}>
      <Box gap={2}>
        <Text color="blue">
          {t.new} {counts.new}
        </Text>
        <Text color="red">
          {t.learning} {counts.learning}
        </Text>
        <Text color="green">
          {t.review} {counts.review}
        </Text>
      </Box>
      {!card || !previews ? (
        <Text>{t.done}</Text>
      ) : (
        <Box flexDirection="column" marginTop={1}>
          <Text dimColor>{[card.deck, ...card.context].join(' › ')}</Text>
          <Box marginY={1}>
            <Text bold>{card.prompt}</Text>
          </Box>
          {mode === 'typing' && (
            <Text>
              {t.typeHere}
              <Text color="cyan">{typed}</Text>
              <Text inverse> </Text>
            </Text>
          )}
          {mode === 'answer' && (
            <Box flexDirection="column">
              <Text dimColor>────────</Text>
              <Text>{card.answer}</Text>
              {check && (
                <Text>
                  <Text color={check.correct ? 'green' : 'red'}>{check.correct ? t.correct : t.wrong}</Text>
                  {'  '}
                  {check.diff.map((d, i) => (
                    <Text
                      // biome-ignore lint/suspicious/noArrayIndexKey: diff parts have no identity beyond position
                      key={i}
                      color={d.op === 'equal' ? undefined : d.op === 'missing' ? 'green' : 'red'}
                      strikethrough={d.op === 'extra'}
                    >
                      {d.text}
                    </Text>
                  ))}
                  {'  '}
                  <Text dimColor>
                    {t.suggested}: {t[check.suggested]}
                  </Text>
                </Text>
              )}
              <Box gap={2} marginTop={1}>
                {RATINGS.map((r, i) => (
                  <Text key={r} color={COLORS[r]} bold={check?.suggested === r}>
                    {i + 1} {t[r]} {previews[r].label}
                  </Text>
                ))}
              </Box>
            </Box>
          )}
        </Box>
      )}
      {note && <Text color="yellow">{note}</Text>}
      <Box marginTop={1}>
        <Text dimColor>
          {mode === 'typing' ? t.keysTyping : mode === 'answer' ? t.keysAnswer : t.keysQuestion}
        </Text>
      </Box>
    </Box>
  );
}
