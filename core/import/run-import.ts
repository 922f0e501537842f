import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { isExplicitRule } from '../../content/markdown/select/rule-priors.ts';
import type {
  Density,
  NoteWarning,
  ParsedCard,
  ParsedNote,
  SrHistory,
} from '../../content/markdown/types.ts';
import { anyExtraDecks, setExtraDecks } from '../../db/card-decks.ts';
import { recordVerdict, verdictsByKey } from '../../db/card-verdicts.ts';
import {
  type CardKeyRow,
  cardHistory,
  cardKeysOfNote,
  cardTextsOfNote,
  cardWriter,
  maxOrd,
  orphanedCardKeys,
} from '../../db/cards.ts';
import { ensureDeck } from '../../db/decks.ts';
import { recordImportRun } from '../../db/import-runs.ts';
import {
  allNotes,
  deleteEmptyNotes,
  deleteNote,
  moveNote,
  type NoteRow,
  restampNote,
  upsertNote,
} from '../../db/notes.ts';
import { replaceSuggestions, type SuggestionRow } from '../../db/suggestions.ts';
import type { CardJson } from '../cards-json.ts';
import type { Ctx } from '../context.ts';
import type { Progress, ProgressEvent } from '../handler.ts';
import { noteWarning } from '../i18n/note-messages.ts';
import { cardJson, rowFor } from './card-rows.ts';
import { type Collected, collectNoteFiles, type NoteFile } from './collect-files.ts';
import { heldElsewhere } from './held-elsewhere.ts';
import { cardKey } from './identity.ts';
import { readImportSettings } from './import-settings.ts';
import { keepRates, type RuleKeep, type RuleOffOffer, ruleOffOffers } from './keep-rate.ts';
import { applyVerdicts } from './learner-verdicts.ts';
import { type Fresh, findMoves } from './match-cards.ts';
import { noteRulesOffSetting } from './note-rules-off.ts';
import { factsVersion, parserVersion } from './parser-version.ts';
import { readAndParse } from './read-and-parse.ts';
import { decodeState, encodeState, fileStamp, readNote } from './read-note.ts';
import { type ClozeOptions, type OffBy, unknownRule } from './rule-switches.ts';
import { sameNoteFinder } from './same-note.ts';
import { type DeferredCheck, storeNoteChecks } from './store-checks.ts';

export type ImportSummary = { new: number; updated: number; unchanged: number; suspended: number };
export type RuleSummary = { new: number; updated: number; unchanged: number };
/** Cards a switched-off rule would have made, and where it was switched off. */
export type RuleOff = { cards: number; by: OffBy[] };
/** A dry-run card as the Import screen previews it: `key` names it in `skip.cards`, `status` says what would happen. */
export type PreviewCard = CardJson & { key: string; status: 'new' | 'updated' | 'unchanged' };
/** Cards the learner unticked in the preview: whole rules, or single cards by their preview key. */
export type ImportSkip = { rules?: string[]; cards?: string[] };
/** A candidate under the density line, as a dry run lists it; `key` accepts it in `accept`. */
export type SuggestionJson = {
  key: string;
  file: string;
  line: number;
  rule: string;
  kind: string;
  prompt: string;
  answer: string;
  score: number;
  features: { name: string; weight: number }[];
  /** Over the line, held back because such cards are often thrown away (the junk cap). */
  heldBack?: 'junk-risk';
};
/** A card with review history that the notes no longer make: it stays scheduled, and the learner decides. */
export type NoLongerMade = {
  id: string;
  rule: string;
  prompt: string;
  file: string | null;
  line: number | null;
};
export type ImportResult = {
  summary: ImportSummary;
  warnings: NoteWarning[];
  /** Suggestions this import stored (real import) or would store (dry run). */
  suggested: number;
  /** Cards not made because the learner deleted them or marked them bad before. */
  tombstoned: number;
  /** A rule's cards not made because another note already holds them, word for word (held-elsewhere.ts). */
  duplicates: number;
  noLongerMade: NoLongerMade[];
  /** The learner's keep rate of each rule they have deleted cards of, after this import. */
  keep: RuleKeep[];
  /** Rules the learner keeps throwing away in one of the imported notes: switch them off there? */
  offers: RuleOffOffer[];
  /** Dry run only: the suggestions with their scores. */
  suggestions?: SuggestionJson[];
  cards?: CardJson[];
  /** Dry run with `preview`: the cards with their keys and what would happen to each. */
  preview?: PreviewCard[];
  /** Dry run only: cards per rule that made them. */
  byRule?: Record<string, RuleSummary>;
  /** Dry run only: rules switched off, with the cards they would have made. */
  rulesOff?: Record<string, RuleOff>;
  /** Real run only: the cards written with an Obsidian SR schedule, for core/interop/obsidian-sr.ts. */
  srCards?: SrCardRef[];
  /** Notes whose manifests still wait for the Kubernetes check (finished by core/import/deferred-checks.ts). */
  deferredChecks?: DeferredCheck[];
};
/** A card written with an Obsidian SR schedule. */
export type SrCardRef = { id: string; sr: SrHistory };
export type ImportOptions = {
  paths?: string[];
  deck?: string;
  dryRun?: boolean;
  /** Pre-collected files (bundled decks use `bundled:` sources). */
  collected?: Collected;
  bundled?: boolean;
  /** How a source is shown in warnings (default: as stored). */
  display?: (source: string) => string;
  /** Files deleted since they were imported (a watched folder): their notes are in scope and gone. */
  removed?: string[];
  skip?: ImportSkip;
  /** With dryRun: also return `preview` (cards with their keys and what would happen to each). */
  preview?: boolean;
  /** Overrides the setting import.density for this import (a note's own `density:` still wins). */
  density?: Density;
  /** Suggestions the learner ticked in the preview, by their keys: they become cards. */
  accept?: string[];
};

class DryRunRollback extends Error {}

const isBundled = (source: string) => source.startsWith('bundled:');
const noteIdOf = (source: string) => `n${createHash('sha1').update(source).digest('hex').slice(0, 15)}`;

/** A file whose bytes (or settings) changed since it was last imported: it is parsed in the second pass. */
type Changed = { file: NoteFile; existing: NoteRow | undefined; noteId: string };

/**
 * Imports notes as one transaction: every card keeps its id and history wherever its text went.
 *
 * The work follows what changed. A first pass over the files compares each file's stamp (size, mtime, inode), and
 * only where it moved its content hash, with what the database holds; nothing is parsed and no text is kept. The
 * second pass parses one changed note at a time, pairs its cards with the stored cards of that note by content,
 * and writes them at once, so memory stays flat however many notes there are. A card left unpaired is stored as
 * new; if older cards were released by this import (their note changed, went away, or they were orphaned), it is
 * remembered, and once every note is in, it is paired with those (moves between files, rewordings) and merged.
 */
export function runImport(ctx: Ctx, opts: ImportOptions, progress?: Progress): ImportResult {
  const run = importRun(ctx, opts);
  try {
    ctx.db
      .transaction(() => {
        for (const p of run.steps()) progress?.(p);
      })
      .immediate();
  } catch (e) {
    if (!(e instanceof DryRunRollback)) throw e;
  }
  return run.result();
}

/**
 * The same import, still one transaction, but it lets the event loop turn every few milliseconds so a transport
 * can deliver the progress events while it runs (the HTTP stream, Electron IPC). Other calls wait meanwhile
 * (the handler is `exclusive`), so nothing else writes inside the transaction.
 */
export async function runImportStreaming(
  ctx: Ctx,
  opts: ImportOptions,
  progress: Progress,
  /** Runs inside the transaction after the import's own work, e.g. the Obsidian SR schedules of the notes. */
  beforeCommit?: (srCards: SrCardRef[]) => void,
): Promise<ImportResult> {
  const run = importRun(ctx, opts);
  const { db } = ctx;
  db.exec('BEGIN IMMEDIATE');
  try {
    let turned = performance.now();
    for (const p of run.steps()) {
      progress(p);
      if (performance.now() - turned > 15) {
        await new Promise((done) => setImmediate(done));
        turned = performance.now();
      }
    }
    beforeCommit?.(run.result().srCards ?? []);
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (!(e instanceof DryRunRollback)) throw e;
  }
  return run.result();
}

/** The preview key of a card: its note, line and content, stable between a dry run and the real import. */
export const previewKey = (source: string, line: number, contentKey: string) =>
  `${source}:${line}:${contentKey.slice(0, 16)}`;

/** One import: `steps` does the work inside the caller's transaction, yielding progress; `result` reads it out. */
function importRun(
  ctx: Ctx,
  opts: ImportOptions,
): { steps: () => Generator<ProgressEvent>; result: () => ImportResult } {
  const { db } = ctx;
  const now = ctx.now().getTime();
  const show = opts.display ?? ((s: string) => s);
  const collected = opts.collected ?? collectNoteFiles(opts.paths ?? []);
  const inImport = new Set(collected.files.map((f) => f.source));
  const warnings: NoteWarning[] = (collected.skipped ?? []).map((s) =>
    noteWarning(show(s.path), 1, s.message),
  );
  const settings = readImportSettings(db);
  for (const name of settings.unknown)
    warnings.push(noteWarning('settings', 0, unknownRule('import.rulesOff', name)));
  const collectionCloze: ClozeOptions = {
    boldCloze: settings['import.boldCloze'],
    curlyCloze: settings['import.curlyCloze'],
  };
  const density = opts.density ?? settings['import.density'];
  const noteOff = noteRulesOffSetting(db);
  // Everything that changes what a file gives besides its bytes: a change re-parses every note.
  const fingerprint = createHash('sha1')
    .update(
      JSON.stringify([
        parserVersion(),
        factsVersion(),
        opts.deck ?? '',
        settings['import.rulesOff'],
        collectionCloze,
        density,
        noteOff,
      ]),
    )
    .digest('hex')
    .slice(0, 16);
  const summary: ImportSummary = { new: 0, updated: 0, unchanged: 0, suspended: 0 };
  const byRule: Record<string, RuleSummary> = {};
  const rulesOff: Record<string, RuleOff> = {};
  const ruleCount = (rule: string, what: keyof RuleSummary, n = 1) => {
    byRule[rule] ??= { new: 0, updated: 0, unchanged: 0 };
    byRule[rule][what] += n;
  };
  const json: CardJson[] = [];
  const srCards: SrCardRef[] = [];
  // New cards as shown in a dry run, by id: a move found later gives them the older card's id.
  const shownNew = new Map<string, { json: CardJson; preview?: PreviewCard }>();
  const preview: PreviewCard[] = [];
  const skipRules = new Set(opts.skip?.rules ?? []);
  const skipCards = new Set(opts.skip?.cards ?? []);
  const accept = new Set(opts.accept ?? []);
  const verdicts = verdictsByKey(db);
  let tombstoned = 0;
  let duplicates = 0;
  const noLongerMade: NoLongerMade[] = [];
  // Note and rule of the cards a rule switch keeps out: the learner's own choice, so those are suspended.
  const switchedOff = new Set<string>();
  const offers: RuleOffOffer[] = [];
  const suggestionJson: SuggestionJson[] = [];
  // Per note, written once every note is in: a suggestion that is a card kept for its history is not offered.
  const suggestionRows = new Map<string, SuggestionRow[]>();
  // With cards left out, unchanged notes are read again (the skip may differ from last time), and a note missing
  // some cards is stored with a hash no file matches, so the next import without the skip reads it again too.
  const skipping = skipRules.size > 0 || skipCards.size > 0 || accept.size > 0;
  let finishedDry = false;
  let suggested = 0;
  let keep: RuleKeep[] = [];
  const keyOfPreview = new Map<string, string>();
  // Cards the learner unticked in the preview: suspended even if studied, like cards of a rule switched off.
  const leftOut = new Set<string>();
  const deferredChecks: DeferredCheck[] = [];

  function* steps(): Generator<ProgressEvent> {
    const notes = allNotes(db);
    const noteBySource = new Map(notes.map((n) => [n.source_file, n]));
    const removed = new Set(opts.removed ?? []);
    const inScope = (source: string) =>
      inImport.has(source) ||
      removed.has(source) ||
      collected.folders.some((d) => source.startsWith(d.endsWith(':') ? d : d + sep));

    // Pass 1: which files changed. An unchanged stamp skips the file unread; a moved stamp with the same bytes
    // only records the new stamp.
    const skippedNotes = new Set<string>();
    const failedSources = new Set<string>();
    const changed: Changed[] = [];
    const stateOf = new Map<string, string>();
    const total = collected.files.length;
    let seen = 0;
    for (const file of collected.files) {
      yield { phase: 'read', done: ++seen, total };
      const existing = noteBySource.get(file.source);
      const stored = decodeState(existing?.content_hash);
      const stamp = file.bytes ? '' : fileStamp(file.abs);
      const current = stored?.fingerprint === fingerprint && !skipping ? stored : null;
      if (existing && current && !opts.dryRun && stamp !== '' && stamp === current.stamp) {
        skippedNotes.add(existing.id);
        summary.unchanged += existing.card_count;
        continue;
      }
      const read = readNote(file);
      if ('error' in read) {
        warnings.push(noteWarning(show(file.source), 1, read.error));
        failedSources.add(file.source);
        continue;
      }
      const state = encodeState({ fingerprint, hash: read.hash, stamp });
      if (existing && current && !opts.dryRun && current.hash === read.hash) {
        skippedNotes.add(existing.id);
        summary.unchanged += existing.card_count;
        if (state !== existing.content_hash) restampNote(db, existing.id, state);
        continue;
      }
      stateOf.set(file.source, state);
      changed.push({ file, existing, noteId: existing?.id ?? noteIdOf(file.source) });
    }

    const goneNoteIds = new Set(
      notes
        .filter(
          (n) => inScope(n.source_file) && !inImport.has(n.source_file) && !failedSources.has(n.source_file),
        )
        .map((n) => n.id),
    );
    const changedNoteIds = new Set(changed.map((c) => c.noteId));
    const failedNoteIds = new Set<string>();

    // Stored cards this import may hand to any note: those of changed, removed and vanished notes, and orphans.
    const released = new Map<string, CardKeyRow>();
    const releasedFrom = new Set<string>();
    if (changed.length > 0 || goneNoteIds.size > 0) {
      const vanished = notes.filter(
        (n) =>
          !inImport.has(n.source_file) &&
          !goneNoteIds.has(n.id) &&
          !isBundled(n.source_file) &&
          !existsSync(n.source_file),
      );
      const from = new Set([...changedNoteIds, ...goneNoteIds, ...vanished.map((n) => n.id)]);
      for (const id of from) releasedFrom.add(id);
      for (const id of from) for (const r of cardKeysOfNote(db, id)) released.set(r.id, r);
      // Orphans of notes outside this import (those inside it are either released above or unchanged, and the
      // cards of an unchanged note stay with it).
      const outside = notes.filter((n) => !inImport.has(n.source_file) && !from.has(n.id));
      for (const id of [null, ...outside.map((n) => n.id)])
        for (const r of orphanedCardKeys(db, id)) released.set(r.id, r);
    }
    const claimed = new Set<string>();
    // The bundled decks are whole as shipped; a learner's note does not make again what one of them holds.
    const held = opts.bundled
      ? null
      : heldElsewhere(db, { has: (id) => releasedFrom.has(id) || changedNoteIds.has(id) });

    const write = cardWriter(db);
    let ord: number | undefined;
    const deckIds = new Map<string, string>();
    const deckOf = (n: ParsedNote, card?: Pick<ParsedCard, 'deck'>) => {
      const name = card?.deck ?? n.deck;
      let id = deckIds.get(name);
      if (!id) {
        id = ensureDeck(db, name, n.lang, opts.bundled ?? false, now);
        deckIds.set(name, id);
      }
      return id;
    };
    const fresh: Fresh[] = [];
    // A card's other decks (card_decks): looked at only where the note names some or some card has them already.
    let members = anyExtraDecks(db);
    const fileInDecks = (id: string, homeId: string, card: ParsedCard, n: ParsedNote): boolean => {
      if (!members && !card.alsoIn) return false;
      members = true;
      const ids = (card.alsoIn ?? []).map((deck) => deckOf(n, { deck }));
      return setExtraDecks(db, id, homeId, ids);
    };
    // A new path may hold a note stored from another place (an upload, then its folder watched).
    const sameNote = sameNoteFinder(
      db,
      notes.filter((n) => !releasedFrom.has(n.id)),
      inImport,
    );

    // Pass 2: one changed note at a time: parse, pair with its own stored cards, write.
    let written = 0;
    for (const c of changed) {
      if (written++ > 0) yield { phase: 'write', done: written - 1, total: changed.length };
      const file = show(c.file.source);
      const note = readAndParse(
        c.file,
        file,
        { deck: opts.deck, density, noteOff: noteOff[c.file.source] },
        settings['import.rulesOff'],
        collectionCloze,
        warnings,
      );
      if (!note) {
        failedNoteIds.add(c.noteId);
        failedSources.add(c.file.source);
        continue;
      }
      for (const d of note.dropped) {
        switchedOff.add(`${c.noteId}\u0000${d.card.rule}`);
        rulesOff[d.card.rule] ??= { cards: 0, by: [] };
        rulesOff[d.card.rule]!.cards++;
        if (!rulesOff[d.card.rule]!.by.includes(d.by)) rulesOff[d.card.rule]!.by.push(d.by);
      }
      const deckId = deckOf(note.parsed);
      const allKeyed = note.parsed.cards.map((card) => ({
        card,
        key: cardKey(card),
      }));
      let ownSource = c.file.source;
      const same = c.existing
        ? undefined
        : sameNote(
            c.file.source,
            deckId,
            allKeyed.map((k) => k.key),
          );
      if (same) {
        // The note moves here with its cards: those the new file still holds are paired below as its own, the
        // rest are released like the cards of any changed note (a rewording elsewhere, or suspended).
        moveNote(db, same.id, c.file.source);
        c.noteId = same.id;
        c.existing = same;
        ownSource = same.source_file;
        changedNoteIds.add(same.id);
        for (const r of cardKeysOfNote(db, same.id)) released.set(r.id, r);
      }
      const decided = applyVerdicts(allKeyed, note.parsed.suggestions, verdicts, (s) =>
        accept.has(previewKey(c.file.source, s.card.line, s.key)),
      );
      tombstoned += decided.tombstoned;
      for (const s of decided.accepted)
        if (verdicts.get(s.key) !== 'accepted')
          recordVerdict(db, {
            key: s.key,
            verdict: 'accepted',
            rule: s.card.rule,
            source: c.file.source,
            now,
          });
      offers.push(...ruleOffOffers(db, c.file.source, (rule) => note.off.has(rule)));
      suggestionRows.set(
        c.noteId,
        decided.suggestions.map((s) => ({
          ...rowFor(s.card, s.key, note.parsed, c.noteId, c.file.source, deckId, now),
          id: `s${s.key.slice(0, 15)}`,
          score: s.card.score,
          features: JSON.stringify(s.card.features),
          held_back: s.card.heldBack ?? null,
        })),
      );
      if (opts.dryRun)
        for (const s of decided.suggestions) {
          const key = previewKey(c.file.source, s.card.line, s.key);
          keyOfPreview.set(key, s.key);
          suggestionJson.push({
            key,
            file: file,
            line: s.card.line,
            rule: s.card.rule,
            kind: s.card.kind,
            prompt: s.card.prompt,
            answer: s.card.answer,
            score: s.card.score,
            features: s.card.features,
            ...(s.card.heldBack ? { heldBack: s.card.heldBack } : {}),
          });
        }
      // A rule's card another note already holds, word for word, is not made again (held-elsewhere.ts).
      const notHeld = decided.cards.filter((k) => {
        if (!held || isExplicitRule(k.card.rule)) return true;
        if (held.byAnother(k.card, c.noteId)) {
          duplicates++;
          return false;
        }
        held.made(k.card, c.noteId);
        return true;
      });
      upsertNote(db, {
        id: c.noteId,
        source: c.file.source,
        deckId,
        hash: encodeState({ ...decodeState(stateOf.get(c.file.source))!, hash: note.hash }),
        lang: note.parsed.lang,
        cardCount: notHeld.length,
        now,
      });
      storeNoteChecks(db, c.noteId, note.checks);
      if (note.manifestsDeferred) deferredChecks.push({ noteId: c.noteId, file, note: c.file });
      const own = new Map<
        string,
        { id: string; prompt: string; context: string; tags: string; deck_id: string; orphaned: number }[]
      >();
      if (c.existing) {
        for (const r of cardTextsOfNote(db, c.noteId)) {
          if (r.source_file !== c.file.source && r.source_file !== ownSource) continue;
          const list = own.get(r.content_key);
          if (list) list.push(r);
          else own.set(r.content_key, [r]);
        }
      }
      let partial = false;
      const keyed = notHeld.filter((k) => {
        if (!skipRules.has(k.card.rule) && !skipCards.has(previewKey(c.file.source, k.card.line, k.key)))
          return true;
        partial = true;
        leftOut.add(k.key);
        return false;
      });
      if (partial)
        restampNote(
          db,
          c.noteId,
          encodeState({ ...decodeState(stateOf.get(c.file.source))!, hash: 'partial' }),
        );
      const paired = keyed.map((k) => {
        const row = own.get(k.key)?.find((r) => !claimed.has(r.id));
        if (row) claimed.add(row.id);
        return row;
      });
      keyed.forEach((k, i) => {
        const cardDeck = k.card.deck === undefined ? deckId : deckOf(note.parsed, k.card);
        const r = rowFor(k.card, k.key, note.parsed, c.noteId, c.file.source, cardDeck, now);
        const row = paired[i];
        const sr = k.card.srHistory?.[0];
        if (row) {
          write.update({ ...r, id: row.id });
          const refiled = fileInDecks(row.id, cardDeck, k.card, note.parsed);
          if (sr && !opts.dryRun) srCards.push({ id: row.id, sr });
          const what =
            row.prompt !== r.prompt ||
            row.context !== r.context ||
            row.tags !== r.tags ||
            row.deck_id !== cardDeck ||
            refiled ||
            row.orphaned === 1
              ? 'updated'
              : 'unchanged';
          summary[what]++;
          ruleCount(k.card.rule, what);
          if (opts.dryRun) {
            const card = cardJson(row.id, k.card, note.parsed, c.file.source);
            json.push(card);
            if (opts.preview)
              preview.push({ ...card, key: previewKey(c.file.source, k.card.line, k.key), status: what });
          }
          return;
        }
        ord ??= maxOrd(db);
        ord++;
        const base = `c${k.key.slice(0, 15)}`;
        let id = base;
        for (let n = 2; !write.insert({ ...r, id, ord }); n++) id = `${base}-${n}`;
        fileInDecks(id, cardDeck, k.card, note.parsed);
        summary.new++;
        ruleCount(k.card.rule, 'new');
        if (sr && !opts.dryRun) srCards.push({ id, sr });
        if (opts.dryRun) {
          const card = cardJson(id, k.card, note.parsed, c.file.source);
          json.push(card);
          const p: PreviewCard | undefined = opts.preview
            ? { ...card, key: previewKey(c.file.source, k.card.line, k.key), status: 'new' }
            : undefined;
          if (p) preview.push(p);
          shownNew.set(id, { json: card, preview: p });
        }
        // Worth pairing later only while some released card is still unclaimed.
        if (claimed.size < released.size)
          fresh.push({
            id,
            key: k.key,
            kind: k.card.kind,
            source: c.file.source,
            rule: k.card.rule,
            deckId: cardDeck,
          });
      });
    }

    // Moves and rewordings across notes: a fresh card that is an older one merges into it and keeps its history.
    const pool = [...released.values()].filter(
      (r) => !claimed.has(r.id) && !failedNoteIds.has(r.note_id ?? ''),
    );
    for (const m of findMoves(db, fresh, pool)) {
      write.merge(m.fresh.id, m.into.id, now);
      for (const s of srCards) if (s.id === m.fresh.id) s.id = m.into.id;
      claimed.add(m.into.id);
      summary.new--;
      summary[m.changed ? 'updated' : 'unchanged']++;
      ruleCount(m.fresh.rule, 'new', -1);
      ruleCount(m.fresh.rule, m.changed ? 'updated' : 'unchanged');
      const shown = shownNew.get(m.fresh.id);
      if (shown) {
        shown.json.id = m.into.id;
        if (shown.preview) {
          shown.preview.id = m.into.id;
          shown.preview.status = m.changed ? 'updated' : 'unchanged';
        }
      }
    }
    const keptKeys = new Set<string>();
    for (const r of released.values()) {
      if (claimed.has(r.id) || r.orphaned === 1 || failedNoteIds.has(r.note_id ?? '')) continue;
      if (!changedNoteIds.has(r.note_id ?? '') && !goneNoteIds.has(r.note_id ?? '')) continue;
      // A card the learner has studied stays scheduled when its note still exists but no longer makes it (a new
      // importer, a stricter density): the summary lists it, and the learner deletes it or keeps it.
      const studied =
        changedNoteIds.has(r.note_id ?? '') && !verdicts.has(r.content_key) && !leftOut.has(r.content_key)
          ? cardHistory(db, r.id)
          : undefined;
      if (studied && studied.reps > 0 && !switchedOff.has(`${r.note_id}\u0000${studied.rule}`)) {
        keptKeys.add(r.content_key);
        noLongerMade.push({
          id: r.id,
          rule: studied.rule,
          prompt: studied.prompt,
          file: studied.source_file === null ? null : show(studied.source_file),
          line: studied.source_line,
        });
        continue;
      }
      if (write.orphan(r.id, now)) summary.suspended++;
    }
    for (const [noteId, rows] of suggestionRows)
      replaceSuggestions(
        db,
        noteId,
        rows.filter((r) => !keptKeys.has(r.content_key)),
      );
    suggested = [...suggestionRows.values()].reduce(
      (n, rows) => n + rows.filter((r) => !keptKeys.has(r.content_key)).length,
      0,
    );
    if (opts.dryRun) {
      const shown = suggestionJson.filter((s) => !keptKeys.has(keyOfPreview.get(s.key) ?? ''));
      suggestionJson.length = 0;
      suggestionJson.push(...shown);
    }
    keep = keepRates(db, true);
    for (const id of goneNoteIds) deleteNote(db, id);
    if (changed.length > 0 || goneNoteIds.size > 0) deleteEmptyNotes(db);
    yield { phase: 'write', done: changed.length, total: changed.length };
    // Deleted files are sources of the run too: a watched folder's "what changed" names them.
    const sources = [...inImport, ...removed];
    recordImportRun(db, { startedAt: now, finishedAt: now, sources, ...summary, warnings });
    if (opts.dryRun) {
      finishedDry = true;
      throw new DryRunRollback();
    }
  }
  const learner = () => ({ suggested, tombstoned, duplicates, noLongerMade, keep, offers });
  return {
    steps,
    result: () =>
      finishedDry
        ? {
            summary,
            warnings,
            ...learner(),
            suggestions: suggestionJson,
            cards: json,
            byRule,
            rulesOff,
            ...(opts.preview ? { preview } : {}),
            deferredChecks,
          }
        : { summary, warnings, ...learner(), srCards, deferredChecks },
  };
}
