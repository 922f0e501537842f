import {
  attemptsWithoutCard,
  cardsWithoutDeck,
  cardsWithoutNote,
  clearAttemptCards,
  clearExerciseCards,
  deleteUndoEntries,
  detachCardsFromNote,
  exercisesWithoutCard,
  integrityProblems,
  logRowsWithoutCard,
  type MemoryRow,
  moveCardsToDeck,
  suspiciousMemory,
  undoPastCard,
  writeMemoryFix,
} from '../db/check.ts';
import { ensureDeck } from '../db/decks.ts';
import { KubedeckError } from '../db/errors.ts';
import { restoreHint, takeBackup } from './backups.ts';
import type { Ctx, Lang } from './context.ts';
import { loadSettings } from './review/session.ts';

const DAY = 86_400_000;
/** No review of this app can be due before this: a due moment earlier than 2000 is a broken value. */
const EARLIEST_DUE = Date.UTC(2000, 0, 1);
export const RECOVERED_DECK = { en: 'Recovered', ko: '복구됨' } as const;

export type CheckProblem = {
  kind: string;
  count: number;
  /** What was done (or, for what is left alone, why). */
  action: string;
  fixed: boolean;
  /** Up to 20 of the rows concerned, for the curious. */
  sample: (string | number)[];
};
export type CheckReport = {
  integrity: string[];
  problems: CheckProblem[];
  fixed: number;
  backup: string | null;
};

const T: Record<string, Record<Lang, string>> = {
  'card-without-deck': {
    en: 'cards pointed to a missing deck: moved to deck "Recovered"',
    ko: '없는 덱을 가리키는 카드: "복구됨" 덱으로 옮김',
  },
  'card-without-note': {
    en: 'cards pointed to a missing note: unlinked (cards and history kept)',
    ko: '없는 노트를 가리키는 카드: 연결만 끊음 (카드와 기록 유지)',
  },
  'log-without-card': {
    en: 'review-log rows of cards that no longer exist: left as they are (history is never deleted)',
    ko: '없는 카드의 복습 기록: 그대로 둠 (기록은 지우지 않음)',
  },
  'undo-past-card': {
    en: 'undo entries whose card or review-log row is gone: removed (they could not be undone)',
    ko: '카드나 복습 기록이 사라진 되돌리기 항목: 삭제함',
  },
  'attempt-without-card': {
    en: 'exercise attempts pointing to a missing card: unlinked (attempts kept)',
    ko: '없는 카드를 가리키는 실습 시도: 연결만 끊음',
  },
  'exercise-without-card': {
    en: 'exercises pointing to a missing card: unlinked',
    ko: '없는 카드를 가리키는 실습: 연결만 끊음',
  },
  'memory-state': {
    en: 'cards with an FSRS state outside 0-3: reset to new',
    ko: 'FSRS 상태가 0-3 밖인 카드: 새 카드로 되돌림',
  },
  'memory-range': {
    en: 'cards with stability, difficulty, reps or lapses out of range: clamped into range',
    ko: '안정성·난이도·반복·실패 수가 범위 밖인 카드: 범위 안으로 맞춤',
  },
  'due-far-past': {
    en: 'cards due before 2000 or with no due moment: due now',
    ko: '2000년 이전이거나 복습 시점이 없는 카드: 지금 복습',
  },
  'due-far-future': {
    en: 'cards due past the maximum interval: due at their interval from now',
    ko: '최대 간격 너머로 잡힌 카드: 지금부터 간격만큼 뒤로',
  },
};

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Decides the repair of one card's memory fields; returns the kinds of problem it had. */
function memoryFix(r: MemoryRow, now: number, maxDue: number, maxInterval: number) {
  const kinds: string[] = [];
  const fix = {
    id: r.id,
    state: r.state,
    due: r.due,
    stability: r.stability ?? 0,
    difficulty: r.difficulty ?? 0,
  };
  const counts = { reps: Math.max(0, r.reps), lapses: Math.max(0, r.lapses) };
  if (![0, 1, 2, 3].includes(r.state)) {
    kinds.push('memory-state');
    return { kinds, fix: { ...fix, ...counts, state: 0, due: null, stability: 0, difficulty: 0 } };
  }
  if (r.reps < 0 || r.lapses < 0 || r.stability === null || r.difficulty === null) kinds.push('memory-range');
  if (r.state > 0) {
    const s = clamp(fix.stability, 0.01, 36500);
    const d = clamp(fix.difficulty, 1, 10);
    if ((s !== fix.stability || d !== fix.difficulty) && !kinds.includes('memory-range'))
      kinds.push('memory-range');
    fix.stability = s;
    fix.difficulty = d;
    if (r.due === null || r.due < EARLIEST_DUE) {
      kinds.push('due-far-past');
      fix.due = now;
    } else if (r.due > maxDue) {
      kinds.push('due-far-future');
      fix.due = now + clamp(r.scheduled_days, 1, maxInterval) * DAY;
    }
  }
  return { kinds, fix: { ...fix, ...counts } };
}

/**
 * Check Database: the integrity check, rows that point nowhere, FSRS fields out of range and due moments far in the
 * past or future. With `repair`, what is safe is fixed in one transaction after a backup; every fix is reported.
 */
export async function checkDatabase(ctx: Ctx, opts: { repair: boolean }): Promise<CheckReport> {
  try {
    return await checkSound(ctx, opts);
  } catch (e) {
    if (e instanceof KubedeckError) throw e;
    // Some damage makes SQLite fail the check itself ("database disk image is malformed") instead of listing rows.
    if (!isCorrupt(e)) throw e;
    throw damaged(ctx, [(e as Error).message]);
  }
}

const isCorrupt = (e: unknown) =>
  /^SQLITE_(CORRUPT|NOTADB)/.test(String((e as { code?: unknown })?.code ?? '')) ||
  /malformed/i.test((e as Error)?.message ?? '');

const damaged = (ctx: Ctx, integrity: string[]) =>
  new KubedeckError(
    'db-corrupt',
    `${ctx.dbPath}: the integrity check failed (${integrity[0]}${integrity.length > 1 ? `, and ${integrity.length - 1} more` : ''}); Check Database cannot repair that; ${restoreHint(ctx.dbPath)}`,
  );

async function checkSound(ctx: Ctx, opts: { repair: boolean }): Promise<CheckReport> {
  const { db } = ctx;
  const integrity = integrityProblems(db);
  if (integrity.length > 0) throw damaged(ctx, integrity);
  const now = ctx.now().getTime();
  const { maximumInterval } = loadSettings(ctx);
  const maxDue = now + (maximumInterval + 1) * DAY;

  const found = {
    'card-without-deck': cardsWithoutDeck(db),
    'card-without-note': cardsWithoutNote(db),
    'log-without-card': logRowsWithoutCard(db),
    'undo-past-card': undoPastCard(db),
    'attempt-without-card': attemptsWithoutCard(db),
    'exercise-without-card': exercisesWithoutCard(db),
  };
  const memory = suspiciousMemory(db, EARLIEST_DUE, maxDue).map((r) =>
    memoryFix(r, now, maxDue, maximumInterval),
  );
  const memoryKinds: Record<string, string[]> = {};
  for (const m of memory)
    for (const k of m.kinds) {
      memoryKinds[k] ??= [];
      memoryKinds[k].push(m.fix.id);
    }

  const problems: CheckProblem[] = [];
  const add = (kind: string, rows: (string | number)[], fixable: boolean) => {
    if (rows.length === 0) return;
    problems.push({
      kind,
      count: rows.length,
      action: T[kind]![ctx.lang],
      fixed: fixable && opts.repair,
      sample: rows.slice(0, 20),
    });
  };
  for (const [kind, rows] of Object.entries(found)) add(kind, rows, kind !== 'log-without-card');
  for (const [kind, rows] of Object.entries(memoryKinds)) add(kind, rows, true);

  let backup: string | null = null;
  const toFix = problems.filter((p) => p.fixed);
  if (toFix.length > 0) {
    if (ctx.readOnly)
      throw new KubedeckError(
        'db-readonly',
        `${ctx.dbPath}: is read-only; run kubedeck check --dry-run to only look`,
      );
    // Back up first, so a repair that turns out wrong is one `kubedeck restore` away.
    if (ctx.dbPath !== ':memory:')
      backup = (await takeBackup(db, ctx.dbPath, ctx.now(), 'before-check', ctx.lang)).path;
    db.transaction(() => {
      if (found['card-without-deck'].length) {
        const deck = ensureDeck(db, RECOVERED_DECK[ctx.lang], ctx.lang, false, now);
        moveCardsToDeck(db, found['card-without-deck'], deck, now);
      }
      detachCardsFromNote(db, found['card-without-note'], now);
      deleteUndoEntries(db, found['undo-past-card']);
      clearAttemptCards(db, found['attempt-without-card']);
      clearExerciseCards(db, found['exercise-without-card']);
      for (const m of memory) writeMemoryFix(db, m.fix, now);
    }).immediate();
  }
  return { integrity, problems, fixed: toFix.reduce((n, p) => n + p.count, 0), backup };
}
