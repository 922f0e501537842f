import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, openCore } from '../../core/app.ts';
import { type RunningServer, startServer } from '../../core/server/http.ts';
import { sessionCookie } from '../e2e/harness.ts';
import { tmpDir } from '../support/tmp.ts';

/** A built UI as vite writes it: index.html naming a content-named script and stylesheet. */
function builtUi(): string {
  const dir = tmpDir();
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><script type="module" crossorigin src="./assets/index-AbCd1234.js"></script>' +
      '<link rel="stylesheet" crossorigin href="./assets/index-EfGh5678.css">',
  );
  writeFileSync(join(dir, 'assets', 'index-AbCd1234.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'index-EfGh5678.css'), 'body{}');
  return dir;
}

const within = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => true), new Promise<boolean>((ok) => setTimeout(() => ok(false), ms))]);

// Issue #21: serve runs the first screen's calls once (the warm-up) while the browser runs the bundle, so the
// browser's own come back at once. A learner's browser keeps the bundle: it asks for index.html alone.
describe('serve starts the warm-up while the browser runs the page', () => {
  let core: Core | undefined;
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    core?.close();
  });

  async function start(): Promise<{ get: (path: string) => Promise<number>; warmed: Promise<void> }> {
    core = openCore({ dbPath: join(tmpDir(), 'k.sqlite'), bundled: false });
    let warm: () => void = () => {};
    const warmed = new Promise<void>((ok) => {
      warm = ok;
    });
    server = await startServer({ core, staticDir: builtUi(), port: 0, onPageSent: () => warm() });
    const cookie = await sessionCookie(server.url);
    const base = server.base;
    const get = async (path: string) => {
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      await res.arrayBuffer();
      return res.status;
    };
    return { get, warmed };
  }

  it('after index.html, when the browser kept the page files and asks for nothing more', async () => {
    const { get, warmed } = await start();
    expect(await get('')).toBe(200);
    expect(await within(warmed, 1000)).toBe(true);
  });

  it('only once the script and the stylesheet went out, when the browser asks for them', async () => {
    const { get, warmed } = await start();
    // A browser asks for the script as soon as it reads the page's head, often before the page has finished.
    expect(await Promise.all([get(''), get('assets/index-AbCd1234.js')])).toEqual([200, 200]);
    // The stylesheet is still to come: the warm-up would hold it back.
    expect(await within(warmed, 100)).toBe(false);
    expect(await get('assets/index-EfGh5678.css')).toBe(200);
    expect(await within(warmed, 1000)).toBe(true);
  });
});
