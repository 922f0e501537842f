import type { Core } from '../core/app.ts';

/** `--dir` is the local user's choice, so it configures the core rather than travelling as an API argument. */
export function coreWithDir(core: () => Core, dir: unknown): Core {
  const c = core();
  if (typeof dir === 'string') c.ctx.exercisesDir = dir;
  return c;
}
