import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { decodeNote } from '../../content/markdown/decode.ts';
import { parseNote } from '../../content/markdown/parse-note.ts';
import type { NoteWarning, ParsedCard, ParsedNote } from '../../content/markdown/types.ts';
import { allCardKeys, type CardKeyRow, cardWriter, maxOrd } from '../../db/cards.ts';
import { ensureDeck } from '../../db/decks.ts';
import { recordImportRun } from '../../db/import-runs.ts';
import { allNotes, deleteEmptyNotes, deleteNote, upsertNote } from '../../db/notes.ts';
import type { CardJson } from '../cards-json.ts';
import type { Ctx } from '../context.ts';
import type { Progress, ProgressEvent } from '../handler.ts';
import { type Collected, collectNoteFiles, type NoteFile } from './collect-files.ts';
import { contentKey, siblingKey } from './identity.ts';
import { matchCards, type Placed } from './match-cards.ts';

/** Bumped whenever the parser reads the same text differently, so unchanged files are parsed again. */
const PARSER_VERSION = '1';

export type ImportSummary = { new: number; updated: number; unchanged: number; suspended: number };
/** A dry-run card as the Import screen previews it: `key` names it in `skip.cards`, `status` says what would happen. */
export type PreviewCard = CardJson & { key: string; status: 'new' | 'updated' | 'unchanged' };
export type ImportResult = {
  summary: ImportSummary;
  warnings: NoteWarning[];
  cards?: CardJson[];
  preview?: PreviewCard[];
};
/** Cards the learner unticked in the preview: whole rules, or single cards by their preview key. */
export type ImportSkip = { rules?: string[]; cards?: string[] };
export type ImportOptions = {
  paths?: string[];
  deck?: string;
  dryRun?: boolean;
  /** Pre-collected files (bundled decks use `bundled:` sources). */
  collected?: Collected;
  bundled?: boolean;
  /** How a source is shown in warnings (default: as stored). */
  display?: (source: string) => string;
  skip?: ImportSkip;
  /** With dryRun: also return `preview` (cards with their keys and what would happen to each). */
  preview?: boolean;
};

class DryRunRollback extends Error {}

type Loaded = {
  file: NoteFile;
  hash: string;
  text?: string;
  refuse?: string;
  problem?: { line: number; message: string };
};

function load(file: NoteFile, deck: string | undefined): Loaded {
  const bytes = file.bytes ?? readFileSync(file.abs);
  const hash = createHash('sha1')
    .update(`${PARSER_VERSION}\u0000${deck ?? ''}\u0000`)
    .update(bytes)
    .digest('hex');
  const d = decodeNote(bytes);
  return { file, hash, text: d.text, refuse: d.refuse, problem: d.problem };
}

const isBundled = (source: string) => source.startsWith('bundled:');

/** The preview key of a card: its note, line and content, stable between a dry run and the real import. */
export const previewKey = (source: string, line: number, contentKey: string) =>
  `${source}:${line}:${contentKey.slice(0, 16)}`;

type Outcome = { summary: ImportSummary; warnings: NoteWarning[]; dry?: CardJson[]; preview?: PreviewCard[] };

const outcome = (o: Outcome): ImportResult => {
  if (!o.dry) return { summary: o.summary, warnings: o.warnings };
  return o.preview
    ? { summary: o.summary, warnings: o.warnings, cards: o.dry, preview: o.preview }
    : { summary: o.summary, warnings: o.warnings, cards: o.dry };
};

/** Imports notes as one transaction: every card keeps its id and history wherever its text went. */
export function runImport(ctx: Ctx, opts: ImportOptions, progress?: Progress): ImportResult {
  const o: Outcome = { summary: { new: 0, updated: 0, unchanged: 0, suspended: 0 }, warnings: [] };
  const collected = opts.collected ?? collectNoteFiles(opts.paths ?? []);
  try {
    ctx.db
      .transaction(() => {
        for (const p of importSteps(ctx, opts, collected, o)) progress?.(p);
      })
      .immediate();
  } catch (e) {
    if (!(e instanceof DryRunRollback)) throw e;
  }
  return outcome(o);
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
): Promise<ImportResult> {
  const o: Outcome = { summary: { new: 0, updated: 0, unchanged: 0, suspended: 0 }, warnings: [] };
  const collected = opts.collected ?? collectNoteFiles(opts.paths ?? []);
  const { db } = ctx;
  db.exec('BEGIN IMMEDIATE');
  try {
    let turned = performance.now();
    for (const p of importSteps(ctx, opts, collected, o)) {
      progress(p);
      if (performance.now() - turned > 15) {
        await new Promise((done) => setImmediate(done));
        turned = performance.now();
      }
    }
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (!(e instanceof DryRunRollback)) throw e;
  }
  return outcome(o);
}

function* importSteps(
  ctx: Ctx,
  opts: ImportOptions,
  collected: Collected,
  o: Outcome,
): Generator<ProgressEvent> {
  const { db } = ctx;
  const now = ctx.now().getTime();
  const show = opts.display ?? ((s: string) => s);
  const loaded: Loaded[] = [];
  const total = collected.files.length;
  for (const f of collected.files) {
    loaded.push(load(f, opts.deck));
    yield { phase: 'read', done: loaded.length, total };
  }
  const inImport = new Set(collected.files.map((f) => f.source));
  const { warnings, summary } = o;
  const skipRules = new Set(opts.skip?.rules ?? []);
  const skipCards = new Set(opts.skip?.cards ?? []);
  // With cards left out, unchanged notes are read again (the skip may differ from last time), and a note missing
  // some cards is stored with a hash no file matches, so the next import without the skip reads it again too.
  const skipping = skipRules.size > 0 || skipCards.size > 0;
  const partial = new Set<string>();
  {
    const notes = allNotes(db);
    const noteBySource = new Map(notes.map((n) => [n.source_file, n]));
    const inScope = (source: string) =>
      inImport.has(source) || collected.folders.some((d) => source.startsWith(d.endsWith(':') ? d : d + sep));
    const skippedNotes = new Set<string>();
    const refusedSources = new Set<string>();
    const parsed: { note: ParsedNote; source: string; hash: string; noteId: string }[] = [];

    for (const l of loaded) {
      const file = show(l.file.source);
      if (l.refuse) {
        warnings.push({ file, line: 1, message: l.refuse });
        refusedSources.add(l.file.source);
        continue;
      }
      if (l.problem) warnings.push({ file, line: l.problem.line, message: l.problem.message });
      const existing = noteBySource.get(l.file.source);
      if (existing && existing.content_hash === l.hash && !opts.dryRun && !skipping) {
        skippedNotes.add(existing.id);
        summary.unchanged += existing.card_count;
        continue;
      }
      if (!l.text?.trim()) warnings.push({ file, line: 1, message: 'empty note; no cards' });
      const note = parseNote(file, l.text ?? '', {
        deck: opts.deck,
        dir: isBundled(l.file.source) ? undefined : dirname(l.file.abs),
        fileExists: existsSync,
      });
      warnings.push(...note.warnings);
      const noteId =
        existing?.id ?? `n${createHash('sha1').update(l.file.source).digest('hex').slice(0, 15)}`;
      parsed.push({ note, source: l.file.source, hash: l.hash, noteId });
    }

    const changedNoteIds = new Set(parsed.map((p) => p.noteId));
    const goneNoteIds = new Set(
      notes
        .filter(
          (n) => inScope(n.source_file) && !inImport.has(n.source_file) && !refusedSources.has(n.source_file),
        )
        .map((n) => n.id),
    );
    const stored = parsed.length > 0 || goneNoteIds.size > 0 ? allCardKeys(db) : [];
    const placed: Placed[] = parsed.flatMap((p) =>
      p.note.cards
        .map((card) => ({
          card,
          note: p.note,
          source: p.source,
          noteId: p.noteId,
          key: contentKey(card.kind, card.prompt, card.answer),
        }))
        .filter((c) => {
          if (!skipRules.has(c.card.rule) && !skipCards.has(previewKey(c.source, c.card.line, c.key)))
            return true;
          partial.add(c.noteId);
          return false;
        }),
    );
    // Asked once per stored card but answered once per file: thousands of cards share a source.
    const gone = new Map<string, boolean>();
    const vanished = (row: CardKeyRow) => {
      const file = row.source_file;
      if (file === null || isBundled(file) || inImport.has(file)) return false;
      let v = gone.get(file);
      if (v === undefined) {
        v = !existsSync(file);
        gone.set(file, v);
      }
      return v;
    };
    const { matched, unclaimed } = matchCards(db, placed, stored, {
      reusable: (row) =>
        !skippedNotes.has(row.note_id ?? '') &&
        (row.orphaned === 1 ||
          goneNoteIds.has(row.note_id ?? '') ||
          changedNoteIds.has(row.note_id ?? '') ||
          vanished(row)),
      orphanable: (row) => changedNoteIds.has(row.note_id ?? '') || goneNoteIds.has(row.note_id ?? ''),
    });

    const write = cardWriter(db);
    const usedIds = new Set<string>(stored.map((r) => r.id));
    let ord = maxOrd(db);
    const deckIds = new Map<string, string>();
    const deckOf = (n: ParsedNote) => {
      let id = deckIds.get(n.deck);
      if (!id) {
        id = ensureDeck(db, n.deck, n.lang, opts.bundled ?? false, now);
        deckIds.set(n.deck, id);
      }
      return id;
    };
    const json: CardJson[] = [];
    const preview: PreviewCard[] = [];
    let written = 0;
    for (const p of parsed) {
      upsertNote(db, {
        id: p.noteId,
        source: p.source,
        deckId: deckOf(p.note),
        hash: partial.has(p.noteId) ? `partial:${p.hash}` : p.hash,
        lang: p.note.lang,
        cardCount: p.note.cards.length,
        now,
      });
    }
    for (const p of placed) {
      const m = matched.get(p);
      const row = rowFor(p, deckOf(p.note), now);
      let id: string;
      let status: PreviewCard['status'];
      if (m) {
        id = m.row.id;
        write.update({ ...row, id });
        status = m.changed || m.row.deck_id !== row.deck_id || m.row.orphaned === 1 ? 'updated' : 'unchanged';
      } else {
        id = freshId(p.key, usedIds);
        write.insert({ ...row, id, ord: ++ord });
        status = 'new';
      }
      summary[status]++;
      usedIds.add(id);
      if (opts.dryRun) {
        const card = cardJson(id, p.card, p.note, p.source);
        json.push(card);
        if (opts.preview) preview.push({ ...card, key: previewKey(p.source, p.card.line, p.key), status });
      }
      if (++written % 250 === 0) yield { phase: 'write', done: written, total: placed.length };
    }
    yield { phase: 'write', done: written, total: placed.length };
    for (const row of unclaimed) if (write.orphan(row.id, now)) summary.suspended++;
    for (const id of goneNoteIds) deleteNote(db, id);
    deleteEmptyNotes(db);
    recordImportRun(db, { startedAt: now, finishedAt: now, sources: [...inImport], ...summary, warnings });
    if (opts.dryRun) {
      o.dry = json;
      if (opts.preview) o.preview = preview;
      throw new DryRunRollback();
    }
  }
}

function rowFor(p: Placed, deckId: string, now: number) {
  const c: ParsedCard = p.card;
  return {
    deck_id: deckId,
    note_id: p.noteId,
    kind: c.kind,
    rule: c.rule,
    lang: p.note.lang,
    prompt: c.prompt,
    answer: c.answer,
    context: JSON.stringify(c.context),
    tags: JSON.stringify(c.tags),
    source_file: p.source,
    source_line: c.line,
    heading_path: c.context.join(' > '),
    content_key: p.key,
    sibling_key: siblingKey(c.sibling),
    exercise_id:
      c.exerciseId ?? c.tags.find((t) => t.startsWith('exercise/'))?.slice('exercise/'.length) ?? null,
    now,
  };
}

function freshId(key: string, used: Set<string>): string {
  const base = `c${key.slice(0, 15)}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

function cardJson(id: string, c: ParsedCard, n: ParsedNote, source: string): CardJson {
  return {
    id,
    deck: n.deck,
    lang: n.lang,
    kind: c.kind,
    prompt: c.prompt,
    answer: c.answer,
    context: c.context,
    tags: c.tags,
    source: { file: source, line: c.line },
    rule: c.rule,
    suspended: false,
  };
}
