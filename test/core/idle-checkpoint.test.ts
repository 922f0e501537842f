import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../core/app.ts';
import { tmpDir } from '../support/tmp.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'notes', 'cka-networking-ko.md');

describe('WAL checkpoints wait for an idle moment', () => {
  it('leaves writes in the WAL while calls come in, and copies them into the database once calls pause', async () => {
    const path = join(tmpDir(), 'k.sqlite');
    const core = openCore({ dbPath: path, bundled: false });
    const before = statSync(path).size;
    await core.call('import/run', { paths: [FIXTURE] });
    expect(statSync(path).size).toBe(before);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1500));
    expect(statSync(path).size).toBeGreaterThan(before);
    core.close();
  });
});
