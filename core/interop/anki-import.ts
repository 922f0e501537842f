import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AnkiCard, AnkiCollection, AnkiNote } from '../../db/anki-collection.ts';
import { localCardStates } from '../../db/interop.ts';
import type { Ctx } from '../context.ts';
import { type Lang, tr } from '../i18n/index.ts';
import { dayStart, learnerDay } from '../review/day.ts';
import { makeScheduler, type SchedCard } from '../review/scheduler.ts';
import { loadSettings } from '../review/session.ts';
import { hashedName, MEDIA_PREFIX, mediaDir } from './anki-media.ts';
import { mergeUpdate } from './anki-merge.ts';
import { cardIdsOfGuid, type NoteSource, readSource } from './anki-note-source.ts';
import { type NoteType, openAnkiPackage, type PackageMedia } from './anki-package.ts';
import { checkedRows } from './anki-rows.ts';
import { ankiHtmlToMarkdown, CONTEXT_SEPARATOR } from './field-html.ts';
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
  format: string;
  warnings: { file: string; line: number; message: string }[];
  ms: number;
};

type Warnings = ApkgImportResult['warnings'];

/**
 * Imports an Anki package (.apkg / .colpkg, legacy or current layout). A card Kubedeck exported comes back as
 * itself (its id rides in the note's guid); a card the database already has takes what the package has newer.
 * With `deck`, the package's decks go under that deck.
 */
export function importApkg(
  ctx: Ctx,
  file: string,
  opts: { deck?: string } = {},
  caps: ZipCaps = DEFAULT_ZIP_CAPS,
): ApkgImportResult {
  const started = performance.now();
  const shown = basename(file);
  // Type and size are checked on the open file before it is read (a FIFO or /dev/zero is refused, not read).
  const bytes = readImportFile(file, 'apkg');
  const pkg = openAnkiPackage(safeUnzip(bytes, file, caps), file, ctx.lang);
  const settings = loadSettings(ctx);
  const sched = makeScheduler(settings);
  const clock = { timeZone: settings.timeZone, startHour: settings.dayStartHour };
  const now = ctx.now().getTime();
  const warnings: Warnings = [];
  // Rows a foreign package may have wrong (NULLs, numbers out of range) are checked and clamped, one warning a file.
  const col = checkedRows(pkg.collection, shown, warnings);
  const media = planMedia(pkg.media, mediaDir(ctx.dbPath), warnings, shown, ctx.lang);
  const notes = new Map<number, AnkiNote>(col.notes.map((n) => [n.id, n]));
  const reviews = groupRevlog(col);
  const idOf = (note: AnkiNote, card: AnkiCard) =>
    cardIdsOfGuid(note.guid)?.[card.ord] ?? stableId('a', `${note.guid}\u0000${card.ord}`);
  const local = localCardStates(
    ctx.db,
    col.cards.flatMap((c) => {
      const n = notes.get(c.nid);
      return n ? [idOf(n, c)] : [];
    }),
  );
  const incoming: IncomingCard[] = [];
  for (const card of col.cards) {
    const note = notes.get(card.nid);
    const model = note && pkg.models.get(note.mid);
    if (!note || !model) {
      warnings.push({ file: shown, line: 0, message: tr(ctx.lang, 'anki.noNote', { id: card.id }) });
      continue;
    }
    const id = idOf(note, card);
    const mine = local.get(id);
    const text = cardText(note, model, card.ord, (md) => media.rename(md), !mine);
    if (!text) continue;
    const deckName = pkg.decks.get(card.odid || card.did) ?? 'Default';
    const past = reviews.get(card.id) ?? [];
    const history = replayHistory(sched, id, past);
    // A card lent to a filtered deck keeps its own schedule in odue.
    const own = card.odid ? { ...card, due: card.odue } : card;
    const scheduleFrom = (replayed: SchedCard, hasHistory: boolean) =>
      ankiSchedule(own, replayed, hasHistory, col.col.crt, clock, sched.f.parameters.w);
    const c: IncomingCard = {
      id,
      deck: opts.deck ? `${opts.deck}::${deckName}` : deckName,
      ...text,
      tags: note.tags.trim().split(/\s+/).filter(Boolean),
      sibling: `anki:${note.guid}`,
      schedule: scheduleFrom(history.card, history.logs.length > 0),
      suspended: card.queue === -1,
      logs: history.logs,
    };
    if (mine) {
      c.update = mergeUpdate(
        id,
        mine,
        { ...text, modifiedAt: note.mod * 1000, reviews: past },
        sched,
        (replayed) => scheduleFrom(replayed, true),
      );
      if (c.update.text && mine.source_file)
        warnings.push({
          file: mine.source_file,
          line: mine.source_line ?? 0,
          message: tr(ctx.lang, 'anki.editedNoteCard'),
        });
    }
    incoming.push(c);
  }
  // One package, one transaction: media names were checked before anything is written, and a media file that still
  // cannot be written rolls the cards back with it.
  const summary = ctx.db
    .transaction(() => {
      const s = writeImported(ctx.db, incoming, { source: file, now, warnings });
      media.write();
      return s;
    })
    .immediate();
  return {
    summary: { new: summary.new, updated: summary.updated, unchanged: summary.unchanged, suspended: 0 },
    reviews: summary.reviews,
    media: media.count,
    decks: [...new Set(incoming.map((c) => c.deck))],
    format: pkg.format,
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
const encodeSpaces = (name: string) => name.replace(/ /g, '%20');

/**
 * One Anki card's question and answer as Kubedeck text. A note Kubedeck wrote and nobody edited gives back its
 * Markdown exactly; anything else is read from its HTML. `renameMedia` points image links at the names the files
 * got here; `isNew` says the card is not in the database yet, so a Markdown image path becomes a media/ one.
 */
function cardText(
  note: AnkiNote,
  model: NoteType,
  ord: number,
  renameMedia: (markdown: string) => string,
  isNew: boolean,
): CardText | null {
  const read = readSource(note.flds.split('\x1f'));
  const source = read.source && KINDS.includes(read.source.kind) ? read.source : null;
  const mine = source?.cards[ord];
  const fix = (t: string) => (isNew && source ? localImages(t, source, renameMedia) : t);
  if (source && mine && read.unedited.every(Boolean))
    return {
      kind: source.kind as CardText['kind'],
      rule: source.rule,
      lang: source.lang === 'ko' ? 'ko' : 'en',
      context: source.context,
      exerciseId: source.exercise ?? null,
      prompt: fix(mine.prompt),
      answer: fix(mine.answer),
    };
  // Edited in another app: each field still as Kubedeck wrote it gives its Markdown back; the others are read from
  // their HTML. Cloze notes hold every card in one field, so only a wholly unedited one is read from its source.
  const first = source?.cards[0];
  const exact = (i: number): string | undefined => {
    if (!source || !first || !read.unedited[i] || model.cloze) return undefined;
    return i === 0 ? fix(first.prompt) : i === 1 ? fix(first.answer) : undefined;
  };
  const contextAt = model.fields.indexOf('Context');
  const html = read.fields;
  const fields = html.map((f, i) =>
    i === contextAt ? '' : (exact(i) ?? renameMedia(ankiHtmlToMarkdown(f, MEDIA_PREFIX))),
  );
  const context =
    source && read.unedited[contextAt]
      ? source.context
      : contextAt >= 0 && html[contextAt]
        ? ankiHtmlToMarkdown(html[contextAt]!).split(CONTEXT_SEPARATOR)
        : [];
  const lang = source?.lang === 'ko' || source?.lang === 'en' ? source.lang : detectLang(fields.join(' '));
  const base = { lang, context, exerciseId: source?.exercise ?? null } as const;
  if (model.cloze) {
    const n = ord + 1;
    const hidden: string[] = [];
    const text = (fields[0] ?? '').replace(CLOZE, (_m, num: string, body: string, hint?: string) => {
      if (Number(num) !== n) return body;
      hidden.push(body);
      return hint ? `[${hint}]` : '[...]';
    });
    if (hidden.length === 0) return null;
    // Kubedeck has no Extra of its own: it follows the sentence, so what the note's author added is kept and seen.
    const extra = fields
      .slice(1)
      .filter((f) => f.trim())
      .join('\n\n');
    const prompt = extra ? `${text}\n\n${extra}` : text;
    return { ...base, kind: 'cloze', rule: source?.rule ?? 'anki-cloze', prompt, answer: hidden.join(', ') };
  }
  const front = fields[0] ?? '';
  const back = fields.slice(1).find((f) => f.trim()) ?? '';
  if (!front.trim() && !back.trim()) return null;
  const [prompt, answer] = ord === 0 ? [front, back] : [back, front];
  const guessed =
    model.templates > 1 ? 'reversed' : /^```\w*\n(apiVersion|kind):/.test(back) ? 'manifest' : 'basic';
  const kind = (source?.kind as CardText['kind'] | undefined) ?? guessed;
  const answerText = kind === 'manifest' ? answer.replace(/^```\w*\n|\n```$/g, '') : answer;
  return { ...base, kind, rule: source?.rule ?? `anki-${kind}`, prompt, answer: answerText };
}

/** A Markdown image path of a Kubedeck note, as the media/ path of the file the package carried for it. */
function localImages(text: string, source: NoteSource, renameMedia: (markdown: string) => string): string {
  let out = text;
  for (const [src, name] of Object.entries(source.images ?? {}))
    out = out.replaceAll(`](${src})`, `](${MEDIA_PREFIX}${encodeSpaces(name)})`);
  return out === text ? text : renameMedia(out);
}

/**
 * The card's schedule: the replayed history decides the memory state; Anki's own due date is kept for review and
 * learning cards, so a learner who moves keeps their dates. A review card without history gets a state estimated
 * from its interval and ease.
 */
const EPOCH_SECONDS = 1_000_000_000;

function ankiSchedule(
  c: AnkiCard,
  replayed: SchedCard,
  hasHistory: boolean,
  crt: number,
  clock: { timeZone: string; startHour: number },
  w: readonly number[],
): SchedCard {
  // The v1 scheduler relearns a lapsed card as type 2 in queue 1, with its due, like every intraday learning
  // card's, in epoch seconds, not days (a day number never comes near a billion).
  if (c.type === 2 && (c.queue === 1 || c.due > EPOCH_SECONDS)) {
    const due = c.due * 1000;
    if (hasHistory) return { ...replayed, due };
    return {
      ...replayed,
      state: 3,
      due,
      ...memoryFromSm2((c.factor || 2500) / 1000, c.ivl, w),
      scheduled_days: c.ivl,
      elapsed_days: 0,
      learning_steps: 0,
      reps: Math.max(1, c.reps),
      lapses: Math.max(1, c.lapses),
      // The lapse that sent it back: one relearning step before it falls due, as close as Anki's columns tell.
      last_review: due - 600_000,
    };
  }
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

/**
 * The package's media, checked before anything is written: names that try to leave the folder are refused, and a
 * file whose name another file of different content already holds here is stored under its content hash, with the
 * cards' links renamed to match. Files are written only after the cards are.
 */
function planMedia(
  media: PackageMedia[] | { problem: string },
  dir: string,
  warnings: Warnings,
  shown: string,
  lang: Lang,
) {
  const renames = new Map<string, string>();
  const files: { name: string; bytes: Uint8Array }[] = [];
  if (!Array.isArray(media)) warnings.push({ file: shown, line: 0, message: media.problem });
  for (const m of Array.isArray(media) ? media : []) {
    // Most file systems take 255 bytes per name: a longer one would fail half-way through the package.
    if (!m.name || /[/\\]|^\.|\0/.test(m.name) || Buffer.byteLength(m.name) > 255) {
      warnings.push({
        file: shown,
        line: 0,
        message: tr(lang, 'anki.mediaRefused', {
          name: JSON.stringify(m.name.length > 60 ? `${m.name.slice(0, 60)}…` : m.name),
        }),
      });
      continue;
    }
    const bytes = m.data();
    if (!bytes) {
      warnings.push({
        file: shown,
        line: 0,
        message: tr(lang, 'anki.mediaMissing', { name: JSON.stringify(m.name) }),
      });
      continue;
    }
    let name = m.name;
    const there = join(dir, name);
    if (existsSync(there) && !readFileSync(there).equals(bytes)) {
      name = hashedName(name, bytes);
      renames.set(m.name, name);
    }
    files.push({ name, bytes });
  }
  const links = [...renames].map(([from, to]) => [
    `](${MEDIA_PREFIX}${encodeSpaces(from)})`,
    `](${MEDIA_PREFIX}${encodeSpaces(to)})`,
  ]);
  return {
    count: files.length,
    rename: (markdown: string) => links.reduce((t, [from, to]) => t.replaceAll(from!, to!), markdown),
    write: () => {
      if (files.length) mkdirSync(dir, { recursive: true });
      for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
    },
  };
}
