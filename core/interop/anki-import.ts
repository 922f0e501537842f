import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { strFromU8 } from 'fflate';
import { z } from 'zod';
import {
  type AnkiCard,
  type AnkiCollection,
  type AnkiNote,
  readAnkiCollection,
} from '../../db/anki-collection.ts';
import { KubedeckError } from '../../db/errors.ts';
import type { Ctx } from '../context.ts';
import { dayStart, learnerDay } from '../review/day.ts';
import { makeScheduler, type SchedCard } from '../review/scheduler.ts';
import { loadSettings } from '../review/session.ts';
import type { KubedeckNoteMeta } from './anki-export.ts';
import { checkedRows } from './anki-rows.ts';
import { ankiHtmlToMarkdown, kubedeckFieldToText } from './field-html.ts';
import { readImportFile } from './read-import-file.ts';
import { NEW_CARD, replayHistory } from './replay.ts';
import { DEFAULT_ZIP_CAPS, safeUnzip, type ZipCaps } from './safe-unzip.ts';
import { memoryFromSm2 } from './sm2-memory.ts';
import {
  detectLang,
  type IncomingCard,
  type InteropSummary,
  stableId,
  writeImported,
} from './write-imported.ts';

export type ApkgImportResult = {
  summary: InteropSummary;
  reviews: number;
  media: number;
  decks: string[];
  warnings: { file: string; line: number; message: string }[];
  ms: number;
};

const Model = z.looseObject({
  name: z.string(),
  type: z.number().optional(),
  flds: z.array(z.looseObject({ name: z.string() })),
  tmpls: z.array(z.looseObject({ qfmt: z.string().optional() })),
});
const Models = z.record(z.string(), Model);
const Decks = z.record(z.string(), z.looseObject({ name: z.string() }));

const UNSUPPORTED =
  'was made by Anki 23.10 or newer in its new format (collection.anki21b), which Kubedeck cannot read; in Anki, export again with "Support older Anki versions" ticked';

/** Picks the collection inside an Anki package (.apkg / .colpkg) and refuses the formats Kubedeck cannot read. */
function pickCollection(
  entries: Record<string, Uint8Array>,
  file: string,
): { name: string; bytes: Uint8Array } {
  if (entries['collection.anki21b']) throw new KubedeckError('anki-unsupported', `${file}: ${UNSUPPORTED}`);
  for (const name of ['collection.anki21', 'collection.anki2']) {
    const bytes = entries[name];
    if (bytes) return { name, bytes };
  }
  throw new KubedeckError(
    'anki-no-collection',
    `${file}: not an Anki package (no collection.anki2 or collection.anki21 inside)`,
  );
}

function parseJson<T>(text: string, schema: z.ZodType<T>, what: string, file: string): T {
  try {
    return schema.parse(JSON.parse(text));
  } catch (e) {
    throw new KubedeckError(
      'anki-bad-json',
      `${file}: the collection's ${what} cannot be read (${(e as Error).message.split('\n')[0]})`,
    );
  }
}

export function importApkg(ctx: Ctx, file: string, caps: ZipCaps = DEFAULT_ZIP_CAPS): ApkgImportResult {
  const started = performance.now();
  const shown = basename(file);
  const bytes = readImportFile(file, 'apkg');
  const entries = safeUnzip(bytes, file, caps);
  const picked = pickCollection(entries, file);
  const col = readAnkiCollection(picked.bytes);
  if ('problem' in col)
    throw new KubedeckError(
      'anki-bad-collection',
      `${file}: ${picked.name} is not an Anki collection: ${col.problem}`,
    );
  if (col.col.ver !== 11)
    throw new KubedeckError(
      'anki-unsupported',
      `${file}: unknown Anki collection version ${col.col.ver} (Kubedeck reads version 11); in Anki, export again with "Support older Anki versions" ticked`,
    );
  const models = parseJson(col.col.models, Models, 'note types', file);
  const decks = parseJson(col.col.decks, Decks, 'decks', file);

  const settings = loadSettings(ctx);
  const sched = makeScheduler(settings);
  const clock = { timeZone: settings.timeZone, startHour: settings.dayStartHour };
  const now = ctx.now().getTime();
  const warnings: ApkgImportResult['warnings'] = [];
  const rows = checkedRows(col, shown, warnings);
  const notes = new Map<number, AnkiNote>(rows.notes.map((n) => [n.id, n]));
  const reviews = groupRevlog(rows);
  const incoming: IncomingCard[] = [];
  for (const card of rows.cards) {
    const note = notes.get(card.nid);
    const model = note && models[String(note.mid)];
    if (!note || !model) {
      warnings.push({ file: shown, line: 0, message: `card ${card.id} has no note or note type; skipped` });
      continue;
    }
    const text = cardText(note, model, card.ord);
    if (!text) continue;
    const deck = decks[String(card.odid || card.did)]?.name ?? 'Default';
    const id = stableId('a', `${note.guid}\u0000${card.ord}`);
    const history = replayHistory(sched, id, reviews.get(card.id) ?? []);
    incoming.push({
      id,
      deck,
      ...text,
      tags: note.tags.trim().split(/\s+/).filter(Boolean),
      sibling: `anki:${note.guid}`,
      // A card lent to a filtered deck keeps its own schedule in odue.
      schedule: ankiSchedule(
        card.odid ? { ...card, due: card.odue } : card,
        history.card,
        history.logs.length > 0,
        col.col.crt,
        clock,
        sched.f.parameters.w,
      ),
      suspended: card.queue === -1,
      logs: history.logs,
    });
  }
  // One package, one transaction: media names are checked before anything is written, and a media file that still
  // cannot be written rolls the cards back with it.
  const { summary, media } = ctx.db
    .transaction(() => ({
      summary: writeImported(ctx.db, incoming, { source: file, now, warnings }),
      media: extractMedia(entries, join(dirname(ctx.dbPath), 'media'), warnings, shown),
    }))
    .immediate();
  return {
    summary: { new: summary.new, updated: 0, unchanged: summary.unchanged, suspended: 0 },
    reviews: summary.reviews,
    media,
    decks: [...new Set(incoming.map((c) => c.deck))],
    warnings,
    ms: Math.round(performance.now() - started),
  };
}

function groupRevlog(col: AnkiCollection) {
  const out = new Map<number, { rating: number; reviewedAt: number; elapsedMs: number }[]>();
  for (const r of col.revlog) {
    // ease 0 marks manual rescheduling (type 4) and cram entries without an answer: not reviews.
    if (r.ease < 1 || r.ease > 4 || r.type === 4) continue;
    let list = out.get(r.cid);
    if (!list) {
      list = [];
      out.set(r.cid, list);
    }
    list.push({ rating: r.ease, reviewedAt: r.id, elapsedMs: Math.max(0, r.time) });
  }
  return out;
}

type CardText = Pick<IncomingCard, 'kind' | 'rule' | 'lang' | 'prompt' | 'answer' | 'context' | 'exerciseId'>;
const KINDS = ['basic', 'reversed', 'cloze', 'list', 'manifest'];
const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

function readMeta(note: AnkiNote): KubedeckNoteMeta | null {
  if (!note.data?.startsWith('{')) return null;
  try {
    const m = JSON.parse(note.data) as Partial<KubedeckNoteMeta>;
    // Only a kind Kubedeck knows: the data column is the package's word, not ours.
    return m.kd === 1 && KINDS.includes(m.kind as string) ? (m as KubedeckNoteMeta) : null;
  } catch {
    return null;
  }
}

/** One Anki card's question and answer as Kubedeck text; fields Kubedeck wrote are read back exactly. */
function cardText(note: AnkiNote, model: z.infer<typeof Model>, ord: number): CardText | null {
  const meta = readMeta(note);
  const raw = note.flds.split('\x1f');
  let context: string[] = [];
  const fields = raw.map((f, i) => {
    if (!meta) return ankiHtmlToMarkdown(f);
    const r = kubedeckFieldToText(f);
    if (i === 0 && r.context) context = r.context;
    return r.text;
  });
  const lang = meta?.lang === 'ko' || meta?.lang === 'en' ? meta.lang : detectLang(fields.join(' '));
  const base = { lang, context, exerciseId: meta?.exercise ?? null };
  if (model.type === 1) {
    const n = ord + 1;
    const hidden: string[] = [];
    const prompt = (fields[0] ?? '').replace(CLOZE, (_m, num: string, body: string, hint?: string) => {
      if (Number(num) !== n) return body;
      hidden.push(body);
      return hint ? `[${hint}]` : '[...]';
    });
    if (hidden.length === 0) return null;
    return { ...base, kind: 'cloze', rule: meta?.rule ?? 'anki-cloze', prompt, answer: hidden.join(', ') };
  }
  const front = fields[0] ?? '';
  const back = fields.slice(1).find((f) => f.trim()) ?? '';
  if (!front.trim() && !back.trim()) return null;
  const [prompt, answer] = ord === 0 ? [front, back] : [back, front];
  const guessed =
    model.tmpls.length > 1 ? 'reversed' : /^```\w*\n(apiVersion|kind):/.test(back) ? 'manifest' : 'basic';
  const kind = (meta?.kind as CardText['kind'] | undefined) ?? guessed;
  const answerText = !meta && kind === 'manifest' ? back.replace(/^```\w*\n|\n```$/g, '') : answer;
  return { ...base, kind, rule: meta?.rule ?? `anki-${kind}`, prompt, answer: answerText };
}

/**
 * The card's schedule: the replayed history decides the memory state; Anki's own due date is kept for review and
 * learning cards, so a learner who moves keeps their dates. A review card without history gets a state estimated
 * from its interval and ease.
 */
function ankiSchedule(
  c: AnkiCard,
  replayed: SchedCard,
  hasHistory: boolean,
  crt: number,
  clock: { timeZone: string; startHour: number },
  w: readonly number[],
): SchedCard {
  if (c.type === 2) {
    const due = dayStart(learnerDay(crt * 1000 + c.due * 86_400_000 + 12 * 3_600_000, clock), clock);
    if (hasHistory && replayed.state === 2) return { ...replayed, due, scheduled_days: c.ivl };
    const m = memoryFromSm2((c.factor || 2500) / 1000, c.ivl, w);
    return {
      ...replayed,
      state: 2,
      due,
      ...m,
      scheduled_days: c.ivl,
      elapsed_days: 0,
      learning_steps: 0,
      reps: Math.max(1, c.reps),
      lapses: c.lapses,
      last_review: due - c.ivl * 86_400_000,
    };
  }
  if ((c.type === 1 || c.type === 3) && hasHistory && c.queue === 1)
    return { ...replayed, due: c.due * 1000 };
  // A new card (never studied, or reset with "Forget" in Anki) starts over; its past reviews stay in the log.
  if (c.type === 0 || !hasHistory) return NEW_CARD;
  return replayed;
}

/** Anki's media map ("0" → "image.png") and the numbered files; names that try to leave the folder are refused. */
function extractMedia(
  entries: Record<string, Uint8Array>,
  dir: string,
  warnings: ApkgImportResult['warnings'],
  shown: string,
): number {
  const rawMap = entries.media;
  if (!rawMap) return 0;
  let map: Record<string, string>;
  try {
    map = JSON.parse(strFromU8(rawMap)) as Record<string, string>;
  } catch {
    warnings.push({ file: shown, line: 0, message: 'media list unreadable; media not extracted' });
    return 0;
  }
  let n = 0;
  for (const [key, name] of Object.entries(map)) {
    const data = entries[key];
    if (!data) continue;
    // Most file systems take 255 bytes per name: a longer one would fail half-way through the package.
    if (typeof name !== 'string' || !name || /[/\\]|^\.|\0/.test(name) || Buffer.byteLength(name) > 255) {
      const label = typeof name === 'string' && name.length > 60 ? `${name.slice(0, 60)}…` : name;
      warnings.push({ file: shown, line: 0, message: `media file name ${JSON.stringify(label)} refused` });
      continue;
    }
    if (n === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name), data);
    n++;
  }
  return n;
}
