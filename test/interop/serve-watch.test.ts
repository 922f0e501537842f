import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../core/app.ts';
import { ensureRendererBuilt, type Served, startServe } from '../e2e/harness.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

type Runs = { runs: { sources: string[]; new: number; updated: number; suspended: number }[] };

describe('kubedeck serve watches the stored folders in its core process', () => {
  let served: Served;
  beforeAll(async () => {
    await ensureRendererBuilt();
    served = await startServe({ importFixture: false });
  }, 180_000);
  afterAll(() => served?.stop());

  it('watch/add over HTTP starts watching; a save shows up in watch/changes', async () => {
    const vault = join(served.dataDir, 'vault');
    writeFiles(vault, { 'a.md': 'Service 포트 :: 80\n' });
    const added = await served.api<{ folders: string[] }>('watch/add', { folder: vault });
    expect(added).toEqual({ ok: true, value: { folders: [vault] } });
    const start = Date.now();
    writeFileSync(join(vault, 'b.md'), 'targetPort :: 컨테이너 포트\n');
    let runs: Runs['runs'] = [];
    while (Date.now() - start < 20_000) {
      runs = ((await served.api<Runs>('watch/changes', {})).value as Runs).runs;
      if (runs.some((r) => r.sources.includes(join(vault, 'b.md')))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const b = runs.find((r) => r.sources.includes(join(vault, 'b.md')));
    expect(b).toMatchObject({ new: 1, updated: 0, suspended: 0 });
    // The folder itself was imported once when it was added.
    expect(runs.find((r) => r.sources.includes(join(vault, 'a.md')))).toMatchObject({ new: 1 });
    const bad = await served.api('watch/add', { folder: join(vault, 'missing') });
    expect(bad).toEqual({
      ok: false,
      error: { code: 'no-such-folder', message: `${join(vault, 'missing')}: no such folder` },
    });
  }, 60_000);
});

describe('kubedeck serve watches the folders stored before it started (the watcher starts after the first screen)', () => {
  it('with no browser, the stored folder is still imported and watched a few seconds after the start', async () => {
    const dataDir = tmpDir('kubedeck-serve-watch-');
    const vault = join(dataDir, 'vault');
    writeFiles(vault, { 'a.md': 'Service 포트 :: 80\n' });
    const core = openCore({ dbPath: join(dataDir, 'kubedeck.sqlite'), bundled: false });
    await core.call('watch/add', { folder: vault });
    core.close();
    const served = await startServe({ dataDir, importFixture: false });
    try {
      const started = Date.now();
      let runs: Runs['runs'] = [];
      const seen = (file: string) => runs.some((r) => r.sources.includes(join(vault, file)));
      while (Date.now() - started < 20_000 && !seen('a.md')) {
        runs = ((await served.api<Runs>('watch/changes', {})).value as Runs).runs;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(runs.find((r) => r.sources.includes(join(vault, 'a.md')))).toMatchObject({ new: 1 });
      writeFileSync(join(vault, 'b.md'), 'targetPort :: 컨테이너 포트\n');
      while (Date.now() - started < 30_000 && !seen('b.md')) {
        runs = ((await served.api<Runs>('watch/changes', {})).value as Runs).runs;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(runs.find((r) => r.sources.includes(join(vault, 'b.md')))).toMatchObject({ new: 1, updated: 0 });
    } finally {
      await served.stop();
    }
  }, 60_000);
});
