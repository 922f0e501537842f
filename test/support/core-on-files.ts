import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { type Core, openCore } from '../../core/app.ts';
import { tickingClock } from './clock.ts';
import { tmpDir, writeFiles } from './tmp.ts';

/**
 * A core over a fresh folder holding `files`: its own database beside them, no bundled decks, a clock that ticks
 * from 2026-03-01 09:00 UTC. It is closed when the test ends, unless the test closed it first (to hand the database
 * to the CLI, say). `notes` is the folder most tests keep their notes in.
 */
export function coreOnFiles(files: Record<string, string>): { dir: string; core: Core; notes: string } {
  const dir = tmpDir();
  writeFiles(dir, files);
  const core = openCore({
    dbPath: join(dir, 'k.sqlite'),
    now: tickingClock('2026-03-01T09:00:00Z'),
    bundled: false,
  });
  onTestFinished(() => {
    if (core.ctx.db.open) core.close();
  });
  return { dir, core, notes: join(dir, 'notes') };
}
