/** The window's size and position, remembered between runs in the user-data folder (no electron import: tested in Node). */
import { readFileSync, writeFileSync } from 'node:fs';

export type Rect = { x: number; y: number; width: number; height: number };
export type WindowState = Rect & { maximized: boolean };

export const DEFAULT_SIZE = { width: 1100, height: 780 };
const MIN = { width: 480, height: 480 };

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function readWindowState(file: string): WindowState | null {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (![v.x, v.y, v.width, v.height].every(isNum)) return null;
    return {
      x: v.x as number,
      y: v.y as number,
      width: Math.max(MIN.width, v.width as number),
      height: Math.max(MIN.height, v.height as number),
      maximized: v.maximized === true,
    };
  } catch {
    return null;
  }
}

export function writeWindowState(file: string, s: WindowState): void {
  try {
    writeFileSync(file, JSON.stringify(s));
  } catch {
    // A read-only profile only loses the remembered size.
  }
}

/**
 * The saved bounds when at least a 100×60 piece of the title bar area is on one of the displays now attached
 * (a monitor unplugged since would otherwise leave the window off screen); otherwise the default size, centred.
 */
export function restoreBounds(saved: WindowState | null, workAreas: Rect[]): Partial<Rect> {
  if (!saved) return { ...DEFAULT_SIZE };
  const visible = workAreas.some((a) => {
    const w = Math.min(saved.x + saved.width, a.x + a.width) - Math.max(saved.x, a.x);
    const h = Math.min(saved.y + 60, a.y + a.height) - Math.max(saved.y, a.y);
    return w >= 100 && h >= 60;
  });
  return visible
    ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height }
    : { width: saved.width, height: saved.height };
}
