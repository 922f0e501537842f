import { default_w } from 'ts-fsrs';
import { browseCard, cardHistory } from '../../db/browse.ts';
import { KubedeckError } from '../../db/errors.ts';
import type { Ctx } from '../context.ts';
import { readNote } from '../import/note-excerpt.ts';
import { uploadsDir } from '../import/uploads.ts';
import { DAY_MS } from '../review/day.ts';
import { RATINGS, retrievability, STATE_NAMES } from '../review/scheduler.ts';
import { loadSettings } from '../review/session.ts';

/**
 * How a card is edited: `note` (its line in a Markdown note on disk; `upload` says the note is Kubedeck's copy of an
 * uploaded file), `bundled` (shipped with Kubedeck, read-only), `missing` (the note is gone) or `none`.
 */
export type EditMode = 'note' | 'bundled' | 'missing' | 'none';

export type CardDetail = {
  card: {
    id: string;
    prompt: string;
    answer: string;
    context: string[];
    tags: string[];
    kind: string;
    lang: string;
    deck: string;
    rule: string;
    state: (typeof STATE_NAMES)[number];
    due: string | null;
    suspended: boolean;
    buried: boolean;
    orphaned: boolean;
    leech: boolean;
    lapses: number;
    reps: number;
  };
  memory: { stability: number; difficulty: number; retrievability: number | null; lastReview: string | null };
  history: {
    at: string;
    rating: (typeof RATINGS)[number];
    state: string;
    elapsedMs: number;
    scheduledDays: number;
  }[];
  source: {
    file: string | null;
    line: number | null;
    /** The note on disk (absolute), when there is one. */
    path: string | null;
    /** What the note says at `line` today: the text an edit in place starts from. */
    lineText: string | null;
    edit: EditMode;
    upload: boolean;
  };
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function cardDetail(ctx: Ctx, id: string): CardDetail {
  const row = browseCard(ctx.db, id);
  if (!row) throw new KubedeckError('unknown-card', `no card with id "${id}"`);
  const now = ctx.now().getTime();
  const settings = loadSettings(ctx);
  const tags = JSON.parse(row.tags) as string[];
  const r =
    row.state === 0 || row.last_review === null
      ? null
      : retrievability((now - row.last_review) / DAY_MS, row.stability, settings.weights ?? default_w);

  let path: string | null = null;
  let lineText: string | null = null;
  let edit: EditMode = 'none';
  const file = row.source_file;
  if (file?.startsWith('bundled:')) edit = 'bundled';
  else if (file) {
    try {
      const note = readNote(ctx, file);
      path = note.path;
      lineText = row.source_line === null ? null : (note.text.split('\n')[row.source_line - 1] ?? null);
      edit = lineText === null ? 'missing' : 'note';
    } catch {
      edit = 'missing';
    }
  }
  return {
    card: {
      id: row.id,
      prompt: row.prompt,
      answer: row.answer,
      context: JSON.parse(row.context) as string[],
      tags,
      kind: row.kind,
      lang: row.lang,
      deck: row.deck,
      rule: row.rule,
      state: STATE_NAMES[row.state] ?? 'new',
      due: iso(row.due),
      suspended: row.suspended === 1,
      buried: row.buried_until !== null && row.buried_until > now,
      orphaned: row.orphaned === 1,
      leech: tags.includes('leech') || row.lapses >= settings.leechThreshold,
      lapses: row.lapses,
      reps: row.reps,
    },
    memory: {
      stability: row.stability,
      difficulty: row.difficulty,
      retrievability: r,
      lastReview: iso(row.last_review),
    },
    history: cardHistory(ctx.db, id).map((h) => ({
      at: new Date(h.reviewed_at).toISOString(),
      rating: RATINGS[h.rating - 1] ?? 'again',
      state: STATE_NAMES[h.state_before] ?? 'new',
      elapsedMs: h.elapsed_ms,
      scheduledDays: h.scheduled_days,
    })),
    source: {
      file: file === null ? null : showSource(ctx, file),
      line: row.source_line,
      path,
      lineText,
      edit,
      upload: path?.startsWith(uploadsDir(ctx)) ?? false,
    },
  };
}

/** Uploaded notes are shown by their folder-relative name, as the learner picked them. */
export function showSource(ctx: Ctx, file: string): string {
  const base = uploadsDir(ctx);
  return file.startsWith(`${base}/`) || file.startsWith(`${base}\\`)
    ? file.slice(base.length + 1).replaceAll('\\', '/')
    : file;
}
