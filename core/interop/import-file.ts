import { extname } from 'node:path';
import { KubedeckError } from '../../db/errors.ts';
import type { Ctx } from '../context.ts';
import { importApkg } from './anki-import.ts';
import { importCsv } from './csv.ts';
import { importJson } from './json-backup.ts';

export type InteropImportResult = {
  format: 'apkg' | 'csv' | 'json';
  file: string;
  summary: { new: number; updated: number; unchanged: number; suspended: number };
  reviews: number;
  media: number;
  restored: Record<string, number> | null;
  warnings: { file: string; line: number; message: string }[];
  ms: number;
};

/** One file from another app (Anki package, CSV table, Kubedeck JSON backup), by its extension. */
export function importInteropFile(ctx: Ctx, file: string, opts: { deck?: string } = {}): InteropImportResult {
  const ext = extname(file).toLowerCase();
  if (ext === '.apkg' || ext === '.colpkg') {
    const r = importApkg(ctx, file, opts);
    return {
      format: 'apkg',
      file,
      summary: r.summary,
      reviews: r.reviews,
      media: r.media,
      restored: null,
      warnings: r.warnings,
      ms: r.ms,
    };
  }
  if (ext === '.csv') {
    const r = importCsv(ctx, file, opts);
    return {
      format: 'csv',
      file,
      summary: r.summary,
      reviews: 0,
      media: 0,
      restored: null,
      warnings: [],
      ms: r.ms,
    };
  }
  if (ext === '.json') {
    const r = importJson(ctx, file);
    const summary = { new: r.counts.cards, updated: 0, unchanged: 0, suspended: 0 };
    return {
      format: 'json',
      file,
      summary,
      reviews: r.counts.review_log,
      media: 0,
      restored: r.counts,
      warnings: [],
      ms: r.ms,
    };
  }
  throw new KubedeckError(
    'usage',
    `${file}: Kubedeck imports .md notes, .apkg/.colpkg, .csv and .json files`,
    2,
  );
}
