import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import {
  type AnkiCard,
  type AnkiNote,
  type AnkiRevlog,
  buildAnkiCollection,
} from '../../db/anki-collection.ts';
import { deckByName } from '../../db/decks.ts';
import { KubedeckError } from '../../db/errors.ts';
import { cardsForExport, type ExportCardRow, type ExportLogRow, logsForCards } from '../../db/interop.ts';
import type { Ctx } from '../context.ts';
import { type DayClock, dayStart, learnerDay } from '../review/day.ts';
import { loadSettings } from '../review/session.ts';
import {
  ankiConf,
  ankiDeck,
  ankiDeckConfig,
  ankiModels,
  MODEL_FIELDS,
  MODEL_IDS,
  type ModelKind,
} from './anki-models.ts';
import { codeField, contextField, fieldPlainText, textToField } from './field-html.ts';
import { easeFromMemory } from './sm2-memory.ts';

export type ApkgExportResult = {
  file: string;
  decks: number;
  notes: number;
  cards: number;
  revlog: number;
  ms: number;
};

/** What Kubedeck keeps about a card that Anki's fields cannot say; read back by the apkg importer. */
export type KubedeckNoteMeta = { kd: 1; kind: string; rule: string; lang: string; exercise?: string };

/** Anki's guid: a stable short id, so importing the same package twice updates instead of duplicating. */
const GUID_ALPHABET =
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';
export function ankiGuid(key: string): string {
  const h = createHash('sha1').update(key).digest();
  let out = '';
  for (let i = 0; i < 10; i++) out += GUID_ALPHABET[h[i]! % GUID_ALPHABET.length];
  return out;
}

/** Anki's duplicate check: the first 8 hex digits of sha1 over the first field as plain text, as an integer. */
export const fieldChecksum = (firstField: string) =>
  Number.parseInt(createHash('sha1').update(fieldPlainText(firstField)).digest('hex').slice(0, 8), 16);

type NotePlan = { model: ModelKind; fields: string[]; cards: ExportCardRow[]; key: string };

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
  const ctx = (r: ExportCardRow) => contextField(JSON.parse(r.context) as string[]);
  for (const r of rows) {
    if (r.kind === 'cloze') {
      const group = clozeGroups.get(r.sibling_key);
      if (!group) continue;
      clozeGroups.delete(r.sibling_key);
      const one = group.length > 1 ? clozeNote(group, ctx(r)) : null;
      if (one) plans.push(one);
      else for (const c of group) plans.push(singleNote(c, ctx(c)));
      continue;
    }
    if (r.kind === 'reversed') {
      const mate = pending.get(r.sibling_key);
      if (mate && mate.prompt === r.answer && mate.answer === r.prompt) {
        pending.delete(r.sibling_key);
        plans.push({
          model: 'reversed',
          fields: [ctx(mate) + textToField(mate.prompt), textToField(mate.answer)],
          cards: [mate, r],
          key: `${mate.id}|${r.id}`,
        });
        continue;
      }
      if (!mate) {
        pending.set(r.sibling_key, r);
        continue;
      }
    }
    plans.push(singleNote(r, ctx(r)));
  }
  for (const r of pending.values()) plans.push(singleNote(r, ctx(r)));
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
function clozeNote(group: ExportCardRow[], context: string): NotePlan | null {
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
  let text = '';
  let pos = 0;
  for (const s of sorted) {
    text += `${textToField(full.slice(pos, s.at))}{{c${s.n}::${textToField(full.slice(s.at, s.end))}}}`;
    pos = s.end;
  }
  text += textToField(full.slice(pos));
  return {
    model: 'cloze',
    fields: [context + text, ''],
    cards: group,
    key: group.map((r) => r.id).join('|'),
  };
}

function singleNote(r: ExportCardRow, context: string): NotePlan {
  const hole = r.prompt.indexOf('[...]');
  // A cloze whose hole shows a hint, or whose text holds cloze syntax itself, travels as a Basic note.
  if (r.kind === 'cloze' && hole >= 0 && !/::|\{\{|\}\}/.test(r.prompt + r.answer)) {
    const text =
      textToField(r.prompt.slice(0, hole)) +
      `{{c1::${textToField(r.answer)}}}` +
      textToField(r.prompt.slice(hole + 5));
    return { model: 'cloze', fields: [context + text, ''], cards: [r], key: r.id };
  }
  const back = r.kind === 'manifest' ? codeField(r.answer) : textToField(r.answer);
  return { model: 'basic', fields: [context + textToField(r.prompt), back], cards: [r], key: r.id };
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
  if (a.deck && !deckByName(db, a.deck)) throw new KubedeckError('no-such-deck', `no deck named "${a.deck}"`);
  const rows = cardsForExport(db, a.deck);
  const settings = loadSettings(ctx);
  const clock: DayClock = { timeZone: settings.timeZone, startHour: settings.dayStartHour };
  const now = ctx.now().getTime();
  const mod = Math.floor(now / 1000);
  const crtDay = learnerDay(Math.min(now, ...rows.map((r) => r.created_at)), clock);
  const crt = Math.floor(dayStart(crtDay, clock) / 1000);

  // Deck ids: 1 is Anki's Default; parents of "A::B" exist too, as Anki expects.
  const deckIds = new Map<string, number>();
  const decks: Record<string, unknown> = { 1: ankiDeck(1, 'Default', mod) };
  const ensureDeck = (name: string): number => {
    let id = deckIds.get(name);
    if (id !== undefined) return id;
    const parts = name.split('::');
    if (parts.length > 1) ensureDeck(parts.slice(0, -1).join('::'));
    id = now + deckIds.size + 1;
    deckIds.set(name, id);
    decks[id] = ankiDeck(id, name, mod);
    return id;
  };

  const plans = planNotes(rows);
  const notes: AnkiNote[] = [];
  const cards: AnkiCard[] = [];
  const ankiCardId = new Map<string, number>();
  let nextId = now * 10;
  let position = 0;
  for (const p of plans) {
    const first = p.cards[0]!;
    const nid = ++nextId;
    const meta: KubedeckNoteMeta = {
      kd: 1,
      kind: first.kind,
      rule: first.rule,
      lang: first.lang,
      ...(first.exercise_id ? { exercise: first.exercise_id } : {}),
    };
    if (p.fields.length !== MODEL_FIELDS[p.model].length) throw new Error(`field count for ${p.model}`);
    notes.push({
      id: nid,
      guid: ankiGuid(p.key),
      mid: MODEL_IDS[p.model],
      mod,
      tags: ankiTags(first.tags),
      flds: p.fields.join('\x1f'),
      sfld: fieldPlainText(p.fields[0]!),
      csum: fieldChecksum(p.fields[0]!),
      data: JSON.stringify(meta),
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
        ...schedule(r, position, crtDay, clock, now),
      });
    });
  }

  const logs = a.withHistory
    ? logsForCards(
        db,
        rows.map((r) => r.id),
      )
    : [];
  const revlog = toRevlog(rows, logs, ankiCardId);
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
  const zip = zipSync({ 'collection.anki2': new Uint8Array(collection), media: strToU8('{}') });
  writeFileSync(a.out, zip);
  return {
    file: a.out,
    decks: deckIds.size,
    notes: notes.length,
    cards: cards.length,
    revlog: revlog.length,
    ms: Math.round(performance.now() - started),
  };
}

type Sched = Pick<
  AnkiCard,
  'type' | 'queue' | 'due' | 'ivl' | 'factor' | 'reps' | 'lapses' | 'left' | 'odue' | 'odid' | 'data'
>;

/** Kubedeck's FSRS state as Anki's columns; the memory state rides along in card.data (s, d) for FSRS in Anki. */
function schedule(r: ExportCardRow, position: number, crtDay: number, clock: DayClock, now: number): Sched {
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
  const data = JSON.stringify({ s: round(r.stability), d: round(r.difficulty) });
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
  return {
    ...base,
    type: r.state === 1 ? 1 : 3,
    queue: r.suspended ? -1 : 1,
    due: Math.floor((r.due ?? now) / 1000),
    ivl: r.state === 3 ? Math.max(1, r.scheduled_days) : 0,
    factor: r.state === 3 ? factor : 2500,
    left: 1001,
    data,
  };
}

const round = (x: number) => Math.round(x * 10000) / 10000;
const REVLOG_TYPE = [0, 0, 1, 2] as const;

/** review_log holds each card as it was before a rating; Anki's revlog holds the interval after it. */
function toRevlog(rows: ExportCardRow[], logs: ExportLogRow[], ids: Map<string, number>): AnkiRevlog[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const used = new Set<number>();
  const out: AnkiRevlog[] = [];
  for (let i = 0; i < logs.length; i++) {
    const l = logs[i]!;
    const cid = ids.get(l.card_id);
    if (cid === undefined) continue;
    const card = byId.get(l.card_id)!;
    const next = logs[i + 1]?.card_id === l.card_id ? logs[i + 1] : undefined;
    const afterState = next ? next.state_before : card.state;
    const afterDays = next ? next.scheduled_days : card.scheduled_days;
    const nextAt = next ? next.reviewed_at : (card.due ?? l.reviewed_at);
    const ivl =
      afterState === 2
        ? Math.max(1, afterDays)
        : -Math.min(86_400, Math.max(60, Math.round((nextAt - l.reviewed_at) / 1000)));
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
