/** When to back up and which backups to keep; pure, so the rules are tested with fixed dates. */

export const BACKUP_EVERY_MS = 30 * 60 * 1000;
export const KEEP = { daily: 12, weekly: 10, monthly: 9 } as const;
const DAY = 86_400_000;

/** At most every 30 minutes, and only when this session changed something since the newest backup. */
export function backupDue(now: Date, newest: Date | null, changedSinceBackup: boolean): boolean {
  if (!changedSinceBackup) return false;
  return newest === null || now.getTime() - newest.getTime() >= BACKUP_EVERY_MS;
}

const dayKey = (d: Date) => d.toISOString().slice(0, 10);
const monthKey = (d: Date) => d.toISOString().slice(0, 7);
/** Monday-based week number since the epoch (UTC). */
const weekKey = (d: Date) => String(Math.floor((d.getTime() / DAY + 3) / 7));

/**
 * Anki's thinning: everything from the last 24 hours stays; beyond that the newest backup of each of the 12 most
 * recent days, then of each of 10 weeks, then of each of 9 months. Returns what to delete. `backups` newest first.
 */
export function backupsToPrune<T extends { takenAt: Date }>(backups: readonly T[], now: Date): T[] {
  // A kept backup covers its day, week and month, so the weekly ones reach back past the daily ones, and so on.
  const days = new Set<string>();
  const weeks = new Set<string>();
  const months = new Set<string>();
  const kept = { daily: 0, weekly: 0, monthly: 0 };
  const cover = (t: Date) => {
    days.add(dayKey(t));
    weeks.add(weekKey(t));
    months.add(monthKey(t));
  };
  const prune: T[] = [];
  for (const b of backups) {
    const t = b.takenAt;
    if (now.getTime() - t.getTime() < DAY) cover(t);
    else if (kept.daily < KEEP.daily && !days.has(dayKey(t))) {
      kept.daily++;
      cover(t);
    } else if (kept.weekly < KEEP.weekly && !weeks.has(weekKey(t))) {
      kept.weekly++;
      cover(t);
    } else if (kept.monthly < KEEP.monthly && !months.has(monthKey(t))) {
      kept.monthly++;
      cover(t);
    } else prune.push(b);
  }
  return prune;
}
