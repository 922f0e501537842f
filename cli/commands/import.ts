import { isAbsolute, relative } from 'node:path';
import { KubedeckError } from '../../db/errors.ts';
import type { CommandImpl } from '../command.ts';

/** Paths under the working folder are shown relative, as the learner typed them. */
export const displayPath = (p: string) => {
  if (!isAbsolute(p)) return p;
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : p;
};

export const importCommand: CommandImpl = {
  async run({ positionals, values, core, io, json }) {
    if (positionals.length === 0)
      throw new KubedeckError('usage', 'import: name at least one file or folder', 2);
    const dryRun = values['dry-run'] === true;
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
