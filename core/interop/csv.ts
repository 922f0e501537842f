import { writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { deckByName } from '../../db/decks.ts';
import { KubedeckError } from '../../db/errors.ts';
import { cardsForExport } from '../../db/interop.ts';
import type { Ctx } from '../context.ts';
import { readImportFile } from './read-import-file.ts';
import {
  detectLang,
  type IncomingCard,
  type InteropSummary,
  stableId,
  writeImported,
} from './write-imported.ts';

export const CSV_COLUMNS = ['front', 'back', 'deck', 'tags'] as const;

/** front, back, deck, tags (space-separated), with a header row; a BOM so spreadsheet apps read Korean as UTF-8. */
export function exportCsv(
  ctx: Ctx,
  a: { deck?: string; out: string },
): { file: string; cards: number; ms: number } {
  const started = performance.now();
  if (a.deck && !deckByName(ctx.db, a.deck))
    throw new KubedeckError('no-such-deck', `no deck named "${a.deck}"`);
  const rows = cardsForExport(ctx.db, a.deck).map((r) => [
    r.prompt,
    r.answer,
    r.deck_name,
    (JSON.parse(r.tags) as string[]).join(' '),
  ]);
  writeFileSync(a.out, `\uFEFF${stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows' })}`);
  return { file: a.out, cards: rows.length, ms: Math.round(performance.now() - started) };
}

/** One card side is a few hundred bytes; a field past this is a broken quote swallowing the file, or an attack. */
export const MAX_CSV_FIELD_BYTES = 1024 * 1024;

const CSV_PROBLEMS: Record<string, string> = {
  CSV_MAX_RECORD_SIZE: `a row is over ${MAX_CSV_FIELD_BYTES / 1024 / 1024} MB (an unclosed quote?)`,
  CSV_QUOTE_NOT_CLOSED: 'a quote is opened and never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote is followed by more text',
};

/**
 * The table's text: UTF-8 (with or without a BOM), no NUL bytes. A spreadsheet's Latin-1 or UTF-16 export is
 * refused at its first bad line rather than imported as mojibake.
 */
function csvText(file: string, bytes: Buffer): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw new KubedeckError(
      'csv-binary',
      `${file}:${lineAt(bytes, nul)}: contains NUL bytes (a binary or UTF-16 file?); save the table as CSV UTF-8; nothing was imported`,
    );
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const bad = new TextDecoder('utf-8').decode(bytes).indexOf('\uFFFD');
    const line = bad < 0 ? 1 : new TextDecoder('utf-8').decode(bytes).slice(0, bad).split('\n').length;
    throw new KubedeckError(
      'csv-encoding',
      `${file}:${line}: not UTF-8 text (Latin-1 or another encoding?); save the table as CSV UTF-8; nothing was imported`,
    );
  }
}

const lineAt = (bytes: Buffer, offset: number) => {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
};

/**
 * Reads front/back[/deck/tags] rows. The header names the columns (any order, front and back required); every row
 * must have the header's number of fields, or the import stops at that file:line and writes nothing.
 */
export function importCsv(
  ctx: Ctx,
  file: string,
  opts: { deck?: string } = {},
): { summary: InteropSummary; ms: number } {
  const started = performance.now();
  const text = csvText(file, readImportFile(file, 'csv'));
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MAX_CSV_FIELD_BYTES,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines;
      // csv-parse quotes the offending field in some messages: only its code and the line are shown.
      throw new KubedeckError(
        'csv-bad',
        `${file}:${line ?? 1}: ${CSV_PROBLEMS[e.code] ?? `not valid CSV (${e.code})`}; nothing was imported`,
      );
    }
    throw new KubedeckError('csv-unreadable', `${file}: cannot read (${(e as Error).message})`);
  }
  const [header, ...body] = records;
  if (!header)
    throw new KubedeckError(
      'csv-empty',
      `${file}:1: empty file; expected a header row: ${CSV_COLUMNS.join(',')}`,
    );
  const names = header.record.map((h) => h.trim().toLowerCase());
  const col = (n: string) => names.indexOf(n);
  if (col('front') < 0 || col('back') < 0)
    throw new KubedeckError(
      'csv-header',
      `${file}:${header.info.lines}: the header row must name the columns front and back (also deck, tags); found ${names.length} other column(s)`,
    );
  const fallbackDeck = opts.deck ?? basename(file, extname(file));
  const cards: IncomingCard[] = [];
  for (const { record, info } of body) {
    if (record.length !== names.length)
      throw new KubedeckError(
        'csv-columns',
        `${file}:${info.lines}: expected ${names.length} fields (${names.join(', ')}), found ${record.length}; nothing was imported`,
      );
    const front = record[col('front')]!.trim();
    const back = record[col('back')]!.trim();
    if (!front)
      throw new KubedeckError(
        'csv-empty-front',
        `${file}:${info.lines}: the front is empty; nothing was imported`,
      );
    const deck = opts.deck ?? (col('deck') >= 0 ? record[col('deck')]!.trim() : '');
    const tags = col('tags') >= 0 ? record[col('tags')]!.split(/[\s,]+/).filter(Boolean) : [];
    const deckName = deck || fallbackDeck;
    cards.push({
      id: stableId('v', `${deckName}\u0000${front}\u0000${back}`),
      deck: deckName,
      kind: 'basic',
      rule: 'csv',
      lang: detectLang(front + back),
      prompt: front,
      answer: back,
      context: [],
      tags,
      sibling: `csv:${deckName}\u0000${front}`,
    });
  }
  const s = writeImported(ctx.db, cards, { source: file, now: ctx.now().getTime() });
  return {
    summary: { new: s.new, updated: 0, unchanged: s.unchanged, suspended: 0 },
    ms: Math.round(performance.now() - started),
  };
}
