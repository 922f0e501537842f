import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubedeck } from '../support/cli.ts';
import { coreAt } from './helpers.ts';

describe('export arguments', () => {
  it('an unknown deck is a one-line error and writes no file', async () => {
    const { core, dir } = await coreAt('2026-01-01T00:00:00Z');
    for (const format of ['apkg', 'csv'] as const) {
      const out = join(dir, `x.${format}`);
      const r = await core.send('export/run', { format, out, deck: '없는 덱' });
      expect(r).toEqual({ ok: false, error: { code: 'no-such-deck', message: 'no deck named "없는 덱"' } });
      expect(existsSync(out)).toBe(false);
    }
    const bad = await core.send('export/run', { format: 'pdf', out: join(dir, 'x') });
    expect(bad.ok).toBe(false);
    core.close();
  });

  it('the CLI says what is missing with exit 2', () => {
    const r = kubedeck(['export', '--format', 'apkg']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('kubedeck export: export: --out FILE is required');
    const f = kubedeck(['export', '--format', 'pdf', '--out', 'x']);
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('--format must be one of apkg, csv, json');
  });
});
