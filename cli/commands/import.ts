import { isAbsolute, relative } from 'node:path';
import { isInteropFile } from '../../core/interop/interop-files.ts';
import { KubedeckError } from '../../db/errors.ts';
import type { Command } from '../command.ts';

/** Paths under the working folder are shown relative, as the learner typed them. */
export const displayPath = (p: string) => {
  if (!isAbsolute(p)) return p;
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : p;
};

export const importCommand: Command = {
  name: 'import',
  usage: 'import <file|folder|.apkg|.csv|.json>... [--deck NAME] [--dry-run] [--json]',
  summary:
    'turn Markdown notes into cards (re-import keeps every review); also Anki packages, CSV, JSON backups',
  options: { deck: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run({ positionals, values, core, io, json }) {
    if (positionals.length === 0)
      throw new KubedeckError('usage', 'import: name at least one file or folder', 2);
    const dryRun = values['dry-run'] === true;
    if (positionals.some(isInteropFile))
      return importInteropFiles(positionals, values, core, io, json, dryRun);
    const result = await core().call('import/run', {
      paths: positionals,
      deck: typeof values.deck === 'string' ? values.deck : undefined,
      dryRun,
    });
    const warnings = result.warnings.map((w) => ({ ...w, file: displayPath(w.file) }));
    if (json) {
      const cards = result.cards?.map((c) => ({
        ...c,
        source: { ...c.source, file: c.source.file && displayPath(c.source.file) },
      }));
      io.out(
        JSON.stringify(
          dryRun ? { summary: result.summary, warnings, cards } : { summary: result.summary, warnings },
        ),
      );
    } else {
      for (const w of warnings) io.err(`${w.file}:${w.line}: ${w.message}`);
      const s = result.summary;
      io.out(
        `${dryRun ? '(dry run, nothing written) ' : ''}new ${s.new}, updated ${s.updated}, unchanged ${s.unchanged}, suspended ${s.suspended}, warnings ${warnings.length}`,
      );
    }
    return 0;
  },
};

/** .apkg/.colpkg, .csv and .json files: each its own transaction, imported in the order given. */
async function importInteropFiles(
  paths: string[],
  values: Parameters<Command['run']>[0]['values'],
  core: Parameters<Command['run']>[0]['core'],
  io: Parameters<Command['run']>[0]['io'],
  json: boolean,
  dryRun: boolean,
): Promise<number> {
  if (dryRun) throw new KubedeckError('usage', 'import: --dry-run reads Markdown notes only', 2);
  if (!paths.every(isInteropFile))
    throw new KubedeckError(
      'usage',
      'import: import Markdown notes and other files (.apkg, .csv, .json) separately',
      2,
    );
  const results = [];
  for (const path of paths) {
    const r = await core().call('interop/import', {
      path,
      deck: typeof values.deck === 'string' ? values.deck : undefined,
    });
    results.push(r);
    if (json) continue;
    for (const w of r.warnings) io.err(`${w.file}:${w.line}: ${w.message}`);
    const s = r.summary;
    io.out(
      r.restored
        ? `${displayPath(path)}: restored ${Object.entries(r.restored)
            .map(([t, n]) => `${t} ${n}`)
            .join(', ')} (${r.ms} ms)`
        : `${displayPath(path)}: new ${s.new}, unchanged ${s.unchanged}, reviews ${r.reviews}${r.media ? `, media ${r.media}` : ''} (${r.ms} ms)`,
    );
  }
  if (json) io.out(JSON.stringify(results.length === 1 ? results[0] : results));
  return 0;
}
