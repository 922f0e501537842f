import { createHash } from 'node:crypto';
import { maxOrd } from '../../db/cards.ts';
import { ensureDeck } from '../../db/decks.ts';
import { recordImportRun } from '../../db/import-runs.ts';
import { type ImportedCardRow, importedCardWriter } from '../../db/interop.ts';
import type { DB } from '../../db/open.ts';
import { insertLog, type LogRow } from '../../db/review-log.ts';
import { contentKey, siblingKey } from '../import/identity.ts';
import type { SchedCard } from '../review/scheduler.ts';
import { NEW_CARD } from './replay.ts';

/** A card read from a package or table, before it meets the database. */
export type IncomingCard = {
  id: string;
  deck: string;
  kind: 'basic' | 'reversed' | 'cloze' | 'list' | 'manifest';
  rule: string;
  lang: 'ko' | 'en';
  prompt: string;
  answer: string;
  context: string[];
  tags: string[];
  sibling: string;
  exerciseId?: string | null;
  schedule?: SchedCard;
  suspended?: boolean;
  logs?: LogRow[];
  /** For a card the database already has: what the package brings that is newer (see anki-merge.ts). */
  update?: CardUpdate;
};

/** Newer text (the package's note changed after the card did), answers the database lacks, the schedule they give. */
export type CardUpdate = { text: boolean; schedule: SchedCard | null; logs: LogRow[] };

export type InteropSummary = { new: number; updated: number; unchanged: number; suspended: number };

export const detectLang = (text: string): 'ko' | 'en' => (/[\uac00-\ud7a3]/.test(text) ? 'ko' : 'en');

/** A stable id from what identifies a card in its source (an Anki guid and template, a CSV row's text). */
export const stableId = (prefix: string, key: string) =>
  `${prefix}${createHash('sha1').update(key).digest('hex').slice(0, 15)}`;

/**
 * Writes imported cards and their review logs in one transaction: either all of the file or none of it. A card
 * whose id already exists (the same package imported again) is left as it is, schedule and history included, unless
 * the reader found something newer for it (`update`).
 */
export function writeImported(
  db: DB,
  cards: IncomingCard[],
  run: { source: string; now: number; warnings?: unknown[] },
): InteropSummary & { reviews: number } {
  const summary = { new: 0, updated: 0, unchanged: 0, suspended: 0, reviews: 0 };
  db.transaction(() => {
    const write = importedCardWriter(db);
    const deckIds = new Map<string, string>();
    let ord = maxOrd(db);
    for (const c of cards) {
      if (write.exists(c.id)) {
        const u = c.update;
        if (!u || (!u.text && !u.schedule && u.logs.length === 0)) {
          summary.unchanged++;
          continue;
        }
        if (u.text)
          write.updateText({
            id: c.id,
            prompt: c.prompt,
            answer: c.answer,
            context: JSON.stringify(c.context),
            heading_path: c.context.join(' > '),
            content_key: contentKey(c.kind, c.prompt, c.answer),
            now: run.now,
          });
        for (const l of u.logs) insertLog(db, l);
        if (u.schedule) write.updateSchedule(c.id, u.schedule);
        summary.reviews += u.logs.length;
        summary.updated++;
        continue;
      }
      let deckId = deckIds.get(c.deck);
      if (!deckId) {
        deckId = ensureDeck(db, c.deck, c.lang, false, run.now);
        deckIds.set(c.deck, deckId);
      }
      const s = c.schedule ?? NEW_CARD;
      const row: ImportedCardRow = {
        id: c.id,
        deck_id: deckId,
        kind: c.kind,
        rule: c.rule,
        lang: c.lang,
        prompt: c.prompt,
        answer: c.answer,
        context: JSON.stringify(c.context),
        tags: JSON.stringify(c.tags),
        heading_path: c.context.join(' > '),
        content_key: contentKey(c.kind, c.prompt, c.answer),
        sibling_key: siblingKey(c.sibling),
        ord: ++ord,
        exercise_id: c.exerciseId ?? null,
        ...s,
        suspended: c.suspended ? 1 : 0,
        now: run.now,
      };
      write.insert(row);
      for (const l of c.logs ?? []) insertLog(db, l);
      summary.reviews += c.logs?.length ?? 0;
      summary.new++;
    }
    const { reviews: _r, ...counts } = summary;
    recordImportRun(db, {
      startedAt: run.now,
      finishedAt: run.now,
      sources: [run.source],
      ...counts,
      warnings: run.warnings ?? [],
    });
  }).immediate();
  return summary;
}
