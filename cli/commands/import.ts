import { isAbsolute, relative } from 'node:path';
import { DENSITIES, isDensity } from '../../content/markdown/select/select-cards.ts';
import type { Density } from '../../content/markdown/types.ts';
import { warningText } from '../../core/i18n/note-messages.ts';
import { explanationText } from '../../core/import/explain.ts';
import type { ImportResult, RuleOff, RuleSummary } from '../../core/import/run-import.ts';
import { isInteropFile } from '../../core/interop/interop-files.ts';
import { KubedeckError } from '../../db/errors.ts';
import type { CommandEnv, CommandImpl } from '../command.ts';

/** Paths under the working folder are shown relative, as the learner typed them. */
export const displayPath = (p: string) => {
  if (!isAbsolute(p)) return p;
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : p;
};

export const importCommand: CommandImpl = {
  async run(env) {
    const { positionals, values, core, io, json } = env;
    if (typeof values.explain === 'string') return explain(env, values.explain);
    if (positionals.length === 0)
      throw new KubedeckError('usage', 'import: name at least one file or folder', 2);
    const dryRun = values['dry-run'] === true;
    if (positionals.some(isInteropFile))
      return importInteropFiles(positionals, values, core, io, json, dryRun);
    const density = densityOption(values.density);
    const result = await core().call('import/run', {
      paths: positionals,
      deck: typeof values.deck === 'string' ? values.deck : undefined,
      dryRun,
      density,
    });
    const warnings = result.warnings.map((w) => ({ ...w, file: displayPath(w.file) }));
    if (json) {
      const cards = result.cards?.map((c) => ({
        ...c,
        source: { ...c.source, file: c.source.file && displayPath(c.source.file) },
      }));
      const learner = {
        suggested: result.suggested,
        tombstoned: result.tombstoned,
        duplicates: result.duplicates,
        noLongerMade: result.noLongerMade,
        offers: result.offers,
        keep: result.keep,
      };
      io.out(
        JSON.stringify(
          dryRun
            ? {
                summary: result.summary,
                byRule: result.byRule,
                rulesOff: result.rulesOff,
                warnings,
                cards,
                ...learner,
                suggestions: result.suggestions?.map((s) => ({ ...s, file: displayPath(s.file) })),
              }
            : { summary: result.summary, warnings, ...learner },
        ),
      );
    } else {
      for (const w of warnings) io.err(`${w.file}:${w.line}: ${warningText(env.lang, w)}`);
      const s = result.summary;
      io.out(
        `${dryRun ? '(dry run, nothing written) ' : ''}new ${s.new}, updated ${s.updated}, unchanged ${s.unchanged}, suspended ${s.suspended}, warnings ${warnings.length}`,
      );
      if (result.byRule) for (const line of ruleTable(result.byRule, result.rulesOff ?? {})) io.out(line);
      for (const line of learnerLines(result)) io.out(line);
    }
    return 0;
  },
};

function densityOption(v: unknown): Density | undefined {
  if (v === undefined || isDensity(v)) return v;
  throw new KubedeckError(
    'usage',
    `import --density: "${String(v)}" is not one of ${DENSITIES.join(', ')}`,
    2,
  );
}

/** Suggestions, cards kept for their history, the learner's keep rate per rule and rules worth switching off. */
function learnerLines(r: ImportResult): string[] {
  const out: string[] = [];
  if (r.suggested > 0)
    out.push(
      `suggestions ${r.suggested} (not cards until accepted: Browse > suggestions, or import --dry-run --json)`,
    );
  if (r.tombstoned > 0) out.push(`not made again (you deleted them): ${r.tombstoned}`);
  if (r.duplicates > 0) out.push(`not made (another note already has the same card): ${r.duplicates}`);
  if (r.noLongerMade.length > 0) {
    out.push(`no longer made by your notes, kept for their history (${r.noLongerMade.length}):`);
    for (const n of r.noLongerMade)
      out.push(
        `  ${n.file ? displayPath(n.file) : '?'}:${n.line ?? 0}  ${n.rule}  ${n.prompt.split('\n')[0]}  [card ${n.id}]`,
      );
  }
  const taught = r.keep.filter((k) => k.deleted > 0);
  if (taught.length > 0)
    out.push(
      `your keep rate: ${taught.map((k) => `${k.rule} ${Math.round(k.keepRate * 100)}% (${k.deleted} of ${k.made} deleted)`).join(', ')}`,
    );
  for (const o of r.offers)
    out.push(
      `${displayPath(o.file)}: you deleted ${o.deletions} ${o.rule} cards here; switch the rule off in this note with rules-off: [${o.rule}]`,
    );
  return out;
}

/** Cards per rule, then the rules switched off with the cards they would have made. */
function ruleTable(byRule: Record<string, RuleSummary>, off: Record<string, RuleOff>): string[] {
  const rules = Object.keys(byRule).sort();
  const w = Math.max(4, ...rules.map((r) => r.length), ...Object.keys(off).map((r) => r.length));
  const out = [
    `${'rule'.padEnd(w)}  ${'new'.padStart(7)}  ${'updated'.padStart(7)}  ${'unchanged'.padStart(9)}`,
  ];
  for (const r of rules) {
    const n = byRule[r]!;
    out.push(
      `${r.padEnd(w)}  ${String(n.new).padStart(7)}  ${String(n.updated).padStart(7)}  ${String(n.unchanged).padStart(9)}`,
    );
  }
  for (const [r, o] of Object.entries(off).sort(([a], [b]) => a.localeCompare(b)))
    out.push(
      `${r.padEnd(w)}  switched off (${o.by.map((b) => (b === 'setting' ? 'setting import.rulesOff' : b)).join(', ')}): ${o.cards} cards not imported`,
    );
  return out;
}

/** `--explain notes/a.md:12`: the line's cards and the rule that made each, or why it made none. */
async function explain({ values, core, io, json }: CommandEnv, target: string): Promise<number> {
  const m = /^(.+):(\d+)$/.exec(target);
  if (!m)
    throw new KubedeckError(
      'usage',
      `import --explain: give FILE:LINE (e.g. notes/ports.md:12), not "${target}"`,
      2,
    );
  const e = await core().call('import/explain', {
    file: m[1]!,
    line: Number(m[2]),
    deck: typeof values.deck === 'string' ? values.deck : undefined,
    density: densityOption(values.density),
  });
  if (json) io.out(JSON.stringify({ explain: e }));
  else for (const line of explanationText(e)) io.out(line);
  return 0;
}

/** .apkg/.colpkg, .csv and .json files: each its own transaction, imported in the order given. */
async function importInteropFiles(
  paths: string[],
  values: CommandEnv['values'],
  core: CommandEnv['core'],
  io: CommandEnv['io'],
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
