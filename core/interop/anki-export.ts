import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import type { Grade } from 'ts-fsrs';
import {
  type AnkiCard,
  type AnkiNote,
  type AnkiRevlog,
  buildAnkiCollection,
} from '../../db/anki-collection.ts';
import { KubedeckError } from '../../db/errors.ts';
import {
  cardsForExport,
  deckOrParentExists,
  type ExportCardRow,
  type ExportLogRow,
  logsForCards,
} from '../../db/interop.ts';
import type { Ctx } from '../context.ts';
import { tr } from '../i18n/index.ts';
import { type DayClock, dayStart, learnerDay } from '../review/day.ts';
import { makeScheduler, rateCard, type SchedCard, type Scheduler } from '../review/scheduler.ts';
import { loadSettings } from '../review/session.ts';
import type { ReviewSettings } from '../review/settings.ts';
import { fieldHtml, type Segment } from './anki-html.ts';
import { imageFile, MediaPacker } from './anki-media.ts';
import {
  ankiConf,
  ankiDeck,
  ankiDeckConfig,
  ankiModels,
  MODEL_FIELDS,
  MODEL_IDS,
  type ModelKind,
} from './anki-models.ts';
import { guidOfCards, withSource } from './anki-note-source.ts';
import { CONTEXT_SEPARATOR, escapeHtml, fieldPlainText } from './field-html.ts';
import { NEW_CARD } from './replay.ts';
import { easeFromMemory } from './sm2-memory.ts';

export type ApkgExportResult = {
  file: string;
  decks: number;
  notes: number;
  cards: number;
  revlog: number;
  media: number;
  ms: number;
};

/** Anki's duplicate check: the first 8 hex digits of sha1 over the first field as plain text, as an integer. */
export const fieldChecksum = (firstField: string) =>
  Number.parseInt(createHash('sha1').update(fieldPlainText(firstField)).digest('hex').slice(0, 8), 16);

/** One Anki note: its note type, its front and back as Markdown segments, and its cards in template order. */
type NotePlan = {
  model: ModelKind;
  front: Segment[];
  back: Segment[];
  code: boolean;
  cards: ExportCardRow[];
};

/**
 * One Anki note per card, except a reversed pair (same sibling, sides swapped), which is one two-card note, and the
 * clozes of one sentence, which are one Cloze note with c1..cN (Anki then buries them together, as Kubedeck does).
 */
function planNotes(rows: ExportCardRow[]): NotePlan[] {
  const plans: NotePlan[] = [];
  const pending = new Map<string, ExportCardRow>();
  const clozeGroups = new Map<string, ExportCardRow[]>();
  for (const r of rows)
    if (r.kind === 'cloze') clozeGroups.set(r.sibling_key, [...(clozeGroups.get(r.sibling_key) ?? []), r]);
  for (const r of rows) {
    if (r.kind === 'cloze') {
      const group = clozeGroups.get(r.sibling_key);
      if (!group) continue;
      clozeGroups.delete(r.sibling_key);
      const one = group.length > 1 ? clozeNote(group) : null;
      if (one) plans.push(one);
      else for (const c of group) plans.push(singleNote(c));
      continue;
    }
    if (r.kind === 'reversed') {
      const mate = pending.get(r.sibling_key);
      if (mate && mate.prompt === r.answer && mate.answer === r.prompt) {
        pending.delete(r.sibling_key);
        plans.push({
          model: 'reversed',
          front: [mate.prompt],
          back: [mate.answer],
          code: false,
          cards: [mate, r],
        });
        continue;
      }
      if (!mate) {
        pending.set(r.sibling_key, r);
        continue;
      }
    }
    plans.push(singleNote(r));
  }
  for (const r of pending.values()) plans.push(singleNote(r));
  return plans;
}

const HOLE = '[...]';
const plainCloze = (r: ExportCardRow) =>
  r.prompt.indexOf(HOLE) >= 0 &&
  r.prompt.indexOf(HOLE) === r.prompt.lastIndexOf(HOLE) &&
  !/::|\{\{|\}\}/.test(r.prompt + r.answer);

/**
 * Sibling clozes as one note: each card is the same sentence with its own answer hidden, so filling every hole gives
 * one text, and each answer's place in it is where that card's hole was. Returns null when that does not hold.
 */
function clozeNote(group: ExportCardRow[]): NotePlan | null {
  if (!group.every(plainCloze) || new Set(group.map((r) => `${r.rule}\u0000${r.context}`)).size !== 1)
    return null;
  const spans = group.map((r, i) => {
    const at = r.prompt.indexOf(HOLE);
    return {
      n: i + 1,
      at,
      end: at + r.answer.length,
      full: r.prompt.slice(0, at) + r.answer + r.prompt.slice(at + 5),
    };
  });
  const full = spans[0]!.full;
  if (spans.some((s) => s.full !== full)) return null;
  const sorted = [...spans].sort((a, b) => a.at - b.at);
  if (sorted.some((s, i) => i > 0 && s.at < sorted[i - 1]!.end)) return null;
  const front: Segment[] = [];
  let pos = 0;
  for (const s of sorted) {
    front.push(full.slice(pos, s.at), { n: s.n, text: full.slice(s.at, s.end) });
    pos = s.end;
  }
  front.push(full.slice(pos));
  return { model: 'cloze', front, back: [], code: false, cards: group };
}

function singleNote(r: ExportCardRow): NotePlan {
  const hole = r.prompt.indexOf(HOLE);
  // A cloze whose hole shows a hint, or whose text holds cloze syntax itself, travels as a Basic note.
  if (r.kind === 'cloze' && hole >= 0 && !/::|\{\{|\}\}/.test(r.prompt + r.answer)) {
    const front = [r.prompt.slice(0, hole), { n: 1, text: r.answer }, r.prompt.slice(hole + 5)];
    return { model: 'cloze', front, back: [], code: false, cards: [r] };
  }
  return { model: 'basic', front: [r.prompt], back: [r.answer], code: r.kind === 'manifest', cards: [r] };
}

/** Anki tags are space-separated words. */
const ankiTags = (json: string) => {
  const tags = (JSON.parse(json) as string[]).map((t) => t.replace(/\s+/g, '_')).filter(Boolean);
  return tags.length ? ` ${tags.join(' ')} ` : '';
};

export function exportApkg(
  ctx: Ctx,
  a: { deck?: string; out: string; withHistory: boolean },
): ApkgExportResult {
  const started = performance.now();
  const { db } = ctx;
  // A parent deck ("CKA Networking") has no row of its own; its children's cards are what it holds.
  if (a.deck && !deckOrParentExists(db, a.deck))
    throw new KubedeckError('no-such-deck', tr(ctx.lang, 'core.unknownDeck', { name: a.deck }));
  const rows = cardsForExport(db, a.deck);
  const settings = loadSettings(ctx);
  const sched = makeScheduler(settings);
  const clock: DayClock = { timeZone: settings.timeZone, startHour: settings.dayStartHour };
  const now = ctx.now().getTime();
  const mod = Math.floor(now / 1000);
  const crtDay = learnerDay(Math.min(now, ...rows.map((r) => r.created_at)), clock);
  const crt = Math.floor(dayStart(crtDay, clock) / 1000);
  const plans = planNotes(rows);

  // Ids are epoch milliseconds, as Anki's own, counted up to just before now: current Anki rewrites ids that lie
  // more than a day ahead, which would cut the link between an exported card and its review log.
  let nextId = now - (plans.length + 3 * rows.length + 10);
  const deckIds = new Map<string, number>();
  const decks: Record<string, unknown> = { 1: ankiDeck(1, 'Default', mod) };
  const ensureDeck = (name: string): number => {
    let id = deckIds.get(name);
    if (id !== undefined) return id;
    const parts = name.split('::');
    if (parts.length > 1) ensureDeck(parts.slice(0, -1).join('::'));
    id = ++nextId;
    deckIds.set(name, id);
    decks[id] = ankiDeck(id, name, mod);
    return id;
  };

  const media = new MediaPacker();
  const notes: AnkiNote[] = [];
  const cards: AnkiCard[] = [];
  const ankiCardId = new Map<string, number>();
  const params = { weights: sched.f.parameters.w, retention: settings.desiredRetention, settings };
  let position = 0;
  for (const p of plans) {
    const first = p.cards[0]!;
    const nid = ++nextId;
    const images: Record<string, string> = {};
    const imageName = (src: string) => {
      const file = imageFile(src, first, ctx.dbPath);
      const name = file ? media.add(file) : null;
      if (name) images[src] = name;
      return name;
    };
    const context = JSON.parse(first.context) as string[];
    const html = [
      fieldHtml(p.front, { imageName }),
      fieldHtml(p.back, { code: p.code, imageName }),
      escapeHtml(context.join(CONTEXT_SEPARATOR)),
    ];
    const fields = withSource(html, {
      kind: first.kind,
      rule: first.rule,
      lang: first.lang,
      ...(first.exercise_id ? { exercise: first.exercise_id } : {}),
      context,
      cards: p.cards.map((c) => ({ prompt: c.prompt, answer: c.answer })),
      ...(Object.keys(images).length ? { images } : {}),
    });
    if (fields.length !== MODEL_FIELDS[p.model].length) throw new Error(`field count for ${p.model}`);
    notes.push({
      id: nid,
      guid: guidOfCards(p.cards.map((c) => c.id)),
      mid: MODEL_IDS[p.model],
      mod,
      tags: ankiTags(first.tags),
      flds: fields.join('\x1f'),
      sfld: fieldPlainText(fields[0]!),
      csum: fieldChecksum(fields[0]!),
      data: '',
    });
    position++;
    // A card's ord is its template (Basic, reversed) or its cloze number minus one: the card's place in p.cards.
    p.cards.forEach((r, ord) => {
      const cid = ++nextId;
      ankiCardId.set(r.id, cid);
      cards.push({
        id: cid,
        nid,
        did: ensureDeck(r.deck_name),
        ord,
        mod,
        ...schedule(r, position, crtDay, clock, now, params),
      });
    });
  }

  const logs = a.withHistory
    ? logsForCards(
        db,
        rows.map((r) => r.id),
      )
    : [];
  const revlog = toRevlog(rows, logs, ankiCardId, sched);
  const collection = buildAnkiCollection({
    col: {
      crt,
      mod: now,
      scm: now,
      ver: 11,
      conf: JSON.stringify(ankiConf(MODEL_IDS.basic, position + 1, settings.dayStartHour)),
      models: JSON.stringify(ankiModels(mod)),
      decks: JSON.stringify(decks),
      dconf: JSON.stringify(ankiDeckConfig(settings, mod)),
      tags: '{}',
    },
    notes,
    cards,
    revlog,
  });
  // The legacy media map: zip entry "0", "1", … → the file's name in Anki's media folder.
  const files: Record<string, Uint8Array> = {};
  const map: Record<string, string> = {};
  media.files.forEach((f, i) => {
    files[String(i)] = f.bytes;
    map[String(i)] = f.name;
  });
  const zip = zipSync({
    'collection.anki2': new Uint8Array(collection),
    media: strToU8(JSON.stringify(map)),
    ...files,
  });
  writeFileSync(a.out, zip);
  return {
    file: a.out,
    decks: deckIds.size,
    notes: notes.length,
    cards: cards.length,
    revlog: revlog.length,
    media: media.files.length,
    ms: Math.round(performance.now() - started),
  };
}

type Sched = Pick<
  AnkiCard,
  'type' | 'queue' | 'due' | 'ivl' | 'factor' | 'reps' | 'lapses' | 'left' | 'odue' | 'odid' | 'data'
>;
type SchedParams = { weights: readonly number[]; retention: number; settings: ReviewSettings };

/**
 * Kubedeck's FSRS state as Anki's columns. The memory state rides along in card.data as current Anki keeps it:
 * stability, difficulty, desired retention and the decay of the weights it was computed with (without decay, Anki
 * assumes FSRS-5's 0.5).
 */
function schedule(
  r: ExportCardRow,
  position: number,
  crtDay: number,
  clock: DayClock,
  now: number,
  p: SchedParams,
): Sched {
  const base = { reps: r.reps, lapses: r.lapses, odue: 0, odid: 0 };
  if (r.state === 0)
    return {
      ...base,
      type: 0,
      queue: r.suspended ? -1 : 0,
      due: position,
      ivl: 0,
      factor: 0,
      left: 0,
      data: '{}',
    };
  const data = JSON.stringify({
    s: round(r.stability),
    d: round(r.difficulty),
    dr: p.retention,
    decay: p.weights[20] ?? 0.5,
  });
  const factor = easeFromMemory(r.stability, r.difficulty);
  if (r.state === 2)
    return {
      ...base,
      type: 2,
      queue: r.suspended ? -1 : 2,
      due: learnerDay(r.due ?? now, clock) - crtDay,
      ivl: Math.max(1, r.scheduled_days),
      factor,
      left: 0,
      data,
    };
  // Steps still to go: Anki reads left % 1000 (and the v2 scheduler left / 1000 as those doable today).
  const steps = r.state === 1 ? p.settings.learningSteps : p.settings.relearningSteps;
  const remaining = Math.max(1, steps.length - r.learning_steps);
  return {
    ...base,
    type: r.state === 1 ? 1 : 3,
    queue: r.suspended ? -1 : 1,
    due: Math.floor((r.due ?? now) / 1000),
    ivl: r.state === 3 ? Math.max(1, r.scheduled_days) : 0,
    factor: r.state === 3 ? factor : 2500,
    left: remaining * 1000 + remaining,
    data,
  };
}

const round = (x: number) => Math.round(x * 10000) / 10000;
const REVLOG_TYPE = [0, 0, 1, 2] as const;

/**
 * review_log holds each card as it was before a rating; Anki's revlog holds the interval after it: days for a
 * review, minus the seconds of the learning step for a learning card. The step is what the rating scheduled
 * (found by answering again, as the review did), not the time until the learner came back.
 */
function toRevlog(
  rows: ExportCardRow[],
  logs: ExportLogRow[],
  ids: Map<string, number>,
  sched: Scheduler,
): AnkiRevlog[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const used = new Set<number>();
  const out: AnkiRevlog[] = [];
  let replayed: SchedCard = NEW_CARD;
  for (let i = 0; i < logs.length; i++) {
    const l = logs[i]!;
    if (i === 0 || logs[i - 1]!.card_id !== l.card_id) replayed = NEW_CARD;
    replayed = rateCard(
      sched,
      replayed,
      Math.max(l.reviewed_at, replayed.last_review ?? 0),
      l.rating as Grade,
    ).card;
    const cid = ids.get(l.card_id);
    if (cid === undefined) continue;
    const card = byId.get(l.card_id)!;
    const next = logs[i + 1]?.card_id === l.card_id ? logs[i + 1] : undefined;
    const afterState = next ? next.state_before : card.state;
    const afterDays = next ? next.scheduled_days : card.scheduled_days;
    const stepMs = replayed.state !== 2 && replayed.due !== null ? replayed.due - l.reviewed_at : 600_000;
    const ivl =
      afterState === 2 ? Math.max(1, afterDays) : -Math.min(86_400, Math.max(60, Math.round(stepMs / 1000)));
    let id = l.reviewed_at;
    while (used.has(id)) id++;
    used.add(id);
    out.push({
      id,
      cid,
      ease: l.rating,
      ivl,
      lastIvl: l.state_before === 2 ? Math.max(1, l.scheduled_days) : -600,
      factor: l.state_before === 0 ? 0 : easeFromMemory(l.stability, l.difficulty),
      time: Math.min(2_147_483_647, Math.max(0, Math.round(l.elapsed_ms))),
      type: REVLOG_TYPE[l.state_before] ?? 0,
    });
  }
  return out;
}
