import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWindowState, restoreBounds, writeWindowState } from '../../electron/window-state.ts';
import { tmpDir } from '../support/tmp.ts';

describe('remembered window size and position', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  it('round-trips through the user-data file and restores on an attached display', () => {
    const file = join(tmpDir(), 'window-state.json');
    writeWindowState(file, { x: 200, y: 100, width: 900, height: 700, maximized: true });
    const s = readWindowState(file);
    expect(s).toEqual({ x: 200, y: 100, width: 900, height: 700, maximized: true });
    expect(restoreBounds(s, screen)).toEqual({ x: 200, y: 100, width: 900, height: 700 });
  });

  it('drops the position of a window left on a display that is gone, and ignores a broken file', () => {
    expect(restoreBounds({ x: 2500, y: 100, width: 900, height: 700, maximized: false }, screen)).toEqual({
      width: 900,
      height: 700,
    });
    const file = join(tmpDir(), 'window-state.json');
    writeFileSync(file, '{"x": "left"');
    expect(readWindowState(file)).toBeNull();
    expect(restoreBounds(null, screen)).toEqual({ width: 1100, height: 780 });
    writeFileSync(file, JSON.stringify({ x: 0, y: 0, width: 10, height: 10 }));
    expect(readWindowState(file)).toMatchObject({ width: 480, height: 480 });
    expect(readFileSync(file, 'utf8')).toContain('"width":10');
  });
});
