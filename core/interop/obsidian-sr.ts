import { existsSync, readFileSync } from 'node:fs';
import { cardsOfSource, setEstimatedSchedule } from '../../db/interop.ts';
import type { Ctx } from '../context.ts';
import { DAY_MS, dayStart } from '../review/day.ts';
import { makeScheduler } from '../review/scheduler.ts';
import { loadSettings } from '../review/session.ts';
import { memoryFromSm2 } from './sm2-memory.ts';

/**
 * The Obsidian Spaced Repetition plugin keeps each flashcard's schedule in an HTML comment after it:
 * `<!--SR:!2024-01-01,3,250!2024-01-05,5,270-->`, one `!due,interval,ease` triple per card of the question (per
 * cloze, or per side of a `:::` card), ease in percent. Older versions wrote a single `<!--SR:2024-01-01,3,250-->`.
 * The comment sits on the card's own line or on the line after the card's last line.
 */
export type SrTriple = { due: string; interval: number; ease: number };

const SR_COMMENT = /<!--SR:([^>]*)-->/;
const SR_COMMENTS = /[ \t]*<!--SR:[^>]*-->/g;
const MULTI = /!([\d-]+),(\d+),(\d+)/g;
const LEGACY = /^([\d-]+),(\d+),(\d+)$/;
/** The plugin writes this date for a card of a question that has not been reviewed yet. */
const NOT_REVIEWED = '2000-01-01';
const SINGLE_LINE_RULES = new Set(['explicit-basic', 'explicit-reversed', 'explicit-cloze']);

export function parseSrComment(body: string): SrTriple[] {
  const legacy = LEGACY.exec(body.trim());
  if (legacy) return [{ due: legacy[1]!, interval: Number(legacy[2]), ease: Number(legacy[3]) }];
  return [...body.matchAll(MULTI)].map((m) => ({ due: m[1]!, interval: Number(m[2]), ease: Number(m[3]) }));
}

/** Card text without the plugin's comments; line numbers stay as they were. */
export const stripSrComments = (text: string) =>
  text.includes('<!--SR:') ? text.replace(SR_COMMENTS, '') : text;

/** The SR triples of the card(s) that start on `line` (1-based): its own line, else the lines below it. */
export function srTriplesAt(lines: string[], line: number, rule: string): SrTriple[] {
  const own = SR_COMMENT.exec(lines[line - 1] ?? '');
  if (own) return parseSrComment(own[1]!);
  for (let j = line; j < lines.length; j++) {
    const text = lines[j]!;
    if (!text.trim() || text.trim() === '---') return [];
    const m = SR_COMMENT.exec(text);
    if (m) return parseSrComment(m[1]!);
    // A one-line card's comment is on its own line or the next; anything else below belongs to another card.
    if (SINGLE_LINE_RULES.has(rule)) return [];
  }
  return [];
}

/** `YYYY-MM-DD` (also the plugin's `DD-MM-YYYY`) → days since 1970-01-01, or null. */
export function srDay(date: string): number | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  let ymd: [number, number, number] | null = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
  if (!ymd) {
    m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(date);
    if (m) ymd = [Number(m[3]), Number(m[2]), Number(m[1])];
  }
  if (!ymd) return null;
  const t = Date.UTC(ymd[0], ymd[1] - 1, ymd[2]);
  return Number.isFinite(t) ? Math.floor(t / DAY_MS) : null;
}

/**
 * Gives the cards of these notes the schedules their SR comments carry: a memory state estimated from interval and
 * ease, and the plugin's due date. A card the learner has already reviewed in Kubedeck keeps Kubedeck's schedule.
 */
export function applyObsidianSr(ctx: Ctx, sources: string[]): number {
  const settings = loadSettings(ctx);
  const w = makeScheduler(settings).f.parameters.w;
  const clock = { timeZone: settings.timeZone, startHour: settings.dayStartHour };
  let applied = 0;
  for (const source of sources) {
    if (!existsSync(source)) continue;
    const text = readFileSync(source, 'utf8');
    if (!text.includes('<!--SR:')) continue;
    const lines = text.split(/\r?\n/);
    const cards = cardsOfSource(ctx.db, source);
    const byLine = new Map<number, typeof cards>();
    for (const c of cards) byLine.set(c.source_line, [...(byLine.get(c.source_line) ?? []), c]);
    for (const [line, group] of byLine) {
      const triples = srTriplesAt(lines, line, group[0]!.rule);
      group.forEach((card, i) => {
        const t = triples[i];
        if (!t || card.logs > 0 || t.due === NOT_REVIEWED) return;
        const day = srDay(t.due);
        if (day === null || t.interval < 1) return;
        const due = dayStart(day, clock);
        const memory = memoryFromSm2(t.ease / 100, t.interval, w);
        setEstimatedSchedule(ctx.db, card.id, {
          state: 2,
          due,
          ...memory,
          elapsed_days: 0,
          scheduled_days: t.interval,
          learning_steps: 0,
          reps: 1,
          lapses: 0,
          last_review: due - t.interval * DAY_MS,
        });
        applied++;
      });
    }
  }
  return applied;
}
