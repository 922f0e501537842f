import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Core, openCore } from '../core/app.ts';

const PATTERN = ['good', 'good', 'again', 'good', 'easy', 'hard', 'good'] as const;

/** A core on the bundled decks, studied like a learner for 60 simulated days (30 new cards a day). */
export async function studiedBundledCore(dir: string, before?: (core: Core) => Promise<void>): Promise<Core> {
  let t = Date.parse('2026-01-05T08:00:00Z');
  const src = openCore({
    dbPath: join(dir, 'src.sqlite'),
    now: () => new Date(t),
    bundled: true,
    lang: 'en',
  });
  await src.call('settings/set', { key: 'timeZone', value: 'UTC' });
  await src.call('settings/set', { key: 'newPerDay', value: 30 });
  await before?.(src);
  let n = 0;
  for (let d = 0; d < 60; d++) {
    for (;;) {
      const next = await src.call('review/next', {});
      if (!next.card) break;
      await src.call('review/rate', {
        cardId: next.card.id,
        rating: PATTERN[n++ % PATTERN.length]!,
        elapsedMs: 4000,
      });
      t += 30_000;
    }
    t += 86_400_000;
  }
  return src;
}

/** Bundled decks studied for 60 simulated days, then exported and imported in every format. */
export async function benchInterop(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kd-bench-interop-'));
  try {
    const src = await studiedBundledCore(dir);
    const line = (what: string, r: object, file: string) =>
      console.log(`${what.padEnd(14)} ${JSON.stringify(r)} ${Math.round(statSync(file).size / 1024)} KB`);
    for (const format of ['apkg', 'json', 'csv'] as const) {
      const out = join(dir, `all.${format}`);
      const e = await src.call('export/run', { format, out, withHistory: true });
      line(`export ${format}`, { cards: e.cards, notes: e.notes, reviews: e.reviews, ms: e.ms }, out);
      const dst = openCore({ dbPath: join(dir, `dst-${format}.sqlite`), bundled: false, lang: 'en' });
      const i = await dst.call('interop/import', { path: out });
      line(`import ${format}`, { ...i.summary, reviews: i.reviews, ms: i.ms }, out);
      dst.close();
    }
    src.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
