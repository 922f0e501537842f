/**
 * How many of the Obsidian Spaced Repetition plugin's own test cases (test/fixtures/osr/cases.ts) Kubedeck reads as
 * the plugin does, through `kubedeck import --dry-run --json` as a new user would run it.
 *
 *   npx tsx scripts/osr-measure.ts [--list] [--no-schedules]
 *
 * exact: the plugin's cards, decks and schedules and nothing else. with free-form: Kubedeck's free-form cards beside
 * them allowed, the cases that differ by design (README: a note without a #flashcards tag) left
 * out. --no-schedules compares cards and decks only (before #19 a dry run did not show schedules).
 */
import { OSR_CASES, OSR_ISSUE_CASES, type OsrCase } from '../test/fixtures/osr/cases.ts';
import { dryRunCases, verdict } from '../test/fixtures/osr/compare.ts';

const all = [...OSR_CASES, ...OSR_ISSUE_CASES];
const byCase = dryRunCases(all);
const schedules = !process.argv.includes('--no-schedules');
const judged = (cases: OsrCase[]) =>
  cases.map((c) => ({ c, v: verdict(c, byCase.get(c.id) ?? [], { schedules }) }));

if (process.argv.includes('--list'))
  for (const { c, v } of judged(all)) {
    if (v.exact) continue;
    console.log(`${v.withFreeForm ? 'free-form extra' : 'DIFFERS'} ${c.id} (${c.from})`);
    for (const m of v.missing) console.log(`  - missing ${JSON.stringify(m)}`);
    for (const m of v.extra)
      console.log(`  + extra ${JSON.stringify([m.kind, m.prompt, m.answer, m.deck, m.rule, m.sr])}`);
  }
const plugin = judged(OSR_CASES);
const counted = plugin.filter(({ c }) => !c.design);
console.log(`exact: ${plugin.filter(({ v }) => v.exact).length}/${plugin.length}`);
console.log(
  `with free-form cards allowed: ${counted.filter(({ v }) => v.withFreeForm).length}/${counted.length}`,
);
console.log(
  `issue #19's own cases, exact: ${judged(OSR_ISSUE_CASES).filter(({ v }) => v.exact).length}/${OSR_ISSUE_CASES.length}`,
);
