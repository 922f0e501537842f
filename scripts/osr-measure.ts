/**
 * How many of the Obsidian Spaced Repetition plugin's own test cases (test/fixtures/osr/cases.ts) Kubedeck reads as
 * the plugin does, through `kubedeck import --dry-run --json` as a new user would run it.
 *
 *   npx tsx scripts/osr-measure.ts [--list]
 *
 * exact: the plugin's cards, decks and schedules and nothing else. with free-form: Kubedeck's free-form cards beside
 * them allowed, the cases that differ by design (a note without a #flashcards tag) left out.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { OSR_CASES, OSR_ISSUE_CASES } from '../test/fixtures/osr/cases.ts';
import { type DryRunCard, noteFileText, verdict } from '../test/fixtures/osr/compare.ts';

const dir = mkdtempSync(join(tmpdir(), 'kubedeck-osr-'));
try {
  const vault = join(dir, 'vault');
  mkdirSync(vault);
  for (const c of [...OSR_CASES, ...OSR_ISSUE_CASES]) writeFileSync(join(vault, `${c.id}.md`), noteFileText(c));
  const out = execFileSync(
    process.execPath,
    [join(import.meta.dirname, '../bin/kubedeck.mjs'), 'import', '--dry-run', '--json', vault],
    {
      env: { ...process.env, KUBEDECK_DB: join(dir, 'k.db'), KUBEDECK_NO_BUNDLED: '1', KUBEDECK_LANG: 'en' },
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  );
  const cards = (JSON.parse(out) as { cards: DryRunCard[] }).cards;
  const byCase = new Map<string, DryRunCard[]>();
  for (const card of cards) {
    const id = basename(card.source.file ?? '', '.md');
    byCase.set(id, [...(byCase.get(id) ?? []), card]);
  }
  let exact = 0;
  let free = 0;
  let freeOf = 0;
  for (const c of OSR_CASES) {
    const v = verdict(c, byCase.get(c.id) ?? []);
    if (v.exact) exact++;
    if (!c.design) {
      freeOf++;
      if (v.withFreeForm) free++;
    }
    if (process.argv.includes('--list') && !v.exact)
      console.log(
        `${v.withFreeForm ? 'free-form extra' : 'DIFFERS'} ${c.id} (${c.from})\n` +
          v.missing.map((m) => `  - missing ${JSON.stringify(m)}\n`).join('') +
          v.extra.map((m) => `  + extra ${JSON.stringify([m.kind, m.prompt, m.answer, m.deck, m.rule, m.sr])}\n`).join(''),
      );
  }
  console.log(`exact: ${exact}/${OSR_CASES.length}`);
  const issue = OSR_ISSUE_CASES.filter((c) => verdict(c, byCase.get(c.id) ?? []).exact).length;
  console.log(`issue #19's own cases, exact: ${issue}/${OSR_ISSUE_CASES.length}`);
  console.log(`with free-form cards allowed: ${free}/${freeOf}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
