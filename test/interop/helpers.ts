import { join } from 'node:path';
import { type Core, openCore } from '../../core/app.ts';
import { tmpDir } from '../support/tmp.ts';

export type Clock = { t: number; add(ms: number): void };

/** A core on a fresh database in its own folder, on a movable UTC clock. */
export async function coreAt(
  start: string,
  opts: { bundled?: boolean; dir?: string } = {},
): Promise<{ core: Core; clock: Clock; dir: string; db: string }> {
  const dir = opts.dir ?? tmpDir('kd-interop-');
  const clock: Clock = {
    t: Date.parse(start),
    add(ms) {
      this.t += ms;
    },
  };
  const db = join(dir, `k-${Math.random().toString(36).slice(2)}.sqlite`);
  const core = openCore({
    dbPath: db,
    now: () => new Date(clock.t),
    bundled: opts.bundled ?? false,
    lang: 'en',
  });
  await core.call('settings/set', { key: 'timeZone', value: 'UTC' });
  return { core, clock, dir, db };
}

const PATTERN = ['good', 'good', 'again', 'good', 'easy', 'hard', 'good'] as const;

/** Studies like a learner for `days` days: every due card and up to the new-card limit, a fixed rating pattern. */
export async function study(core: Core, clock: Clock, days: number): Promise<number> {
  let n = 0;
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < 200; i++) {
      const next = await core.call('review/next', {});
      if (!next.card) break;
      await core.call('review/rate', {
        cardId: next.card.id,
        rating: PATTERN[n % PATTERN.length]!,
        elapsedMs: 1000 + ((n * 137) % 9000),
      });
      n++;
      clock.add(61_000);
    }
    clock.add(86_400_000);
  }
  return n;
}
