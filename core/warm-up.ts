import type { Core } from './app.ts';

/**
 * For long-lived hosts (serve, the desktop window), right after they start listening: runs the calls the first
 * screen makes (they only read), so the handler modules, the prepared statements, the time-zone data and the
 * queue's index pages are in memory before the window asks. The window's own calls then take a few milliseconds
 * instead of paying for all of that on the way to the first card.
 */
export async function warmUp(core: Core): Promise<void> {
  await core.send('settings/get', {});
  await core.send('review/next', {});
}
