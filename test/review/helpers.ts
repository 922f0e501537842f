import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Core, openCore } from '../../core/app.ts';

export const FIXTURE = join(import.meta.dirname, 'fixtures', 'net.md');

/** A core on a fresh temp database with a movable clock; settings applied before the fixture is imported. */
export async function freshCore(
  start: string,
  settings: Record<string, string | number | boolean> = {},
  paths = [FIXTURE],
): Promise<{
  core: Core;
  clock: { t: number; set(iso: string): void; add(ms: number): void };
  dir: string;
  done(): void;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'kd-review-'));
  const clock = {
    t: Date.parse(start),
    set(iso: string) {
      this.t = Date.parse(iso);
    },
    add(ms: number) {
      this.t += ms;
    },
  };
  const core = openCore({
    dbPath: join(dir, 'k.sqlite'),
    now: () => new Date(clock.t),
    bundled: false,
    lang: 'en',
  });
  for (const [key, value] of Object.entries({ timeZone: 'UTC', ...settings }))
    await core.call('settings/set', { key, value });
  await core.call('import/run', { paths });
  return {
    core,
    clock,
    dir,
    done() {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
