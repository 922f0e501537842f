/**
 * Issue #22 (10): with the token, serve still reads and writes only where the browser UI needs to: uploads, the data
 * folder, watched folders and the bundled notes (real paths). It refuses Origin: null and answers 404 to an unknown
 * handler.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from '../support/serve.ts';
import { tmpDir } from '../support/tmp.ts';

let server: ApiServer;
let data: string;
let outside: string;

beforeAll(async () => {
  data = tmpDir();
  outside = tmpDir();
  server = await startApiServer(join(data, 'k.sqlite'));
});
afterAll(() => server.stop());

describe('serve keeps to its roots (issue #22, 10)', () => {
  it('a note outside the roots, or a link in the data folder leading out, is refused', async () => {
    writeFileSync(join(outside, 'private.md'), 'secret :: hunter2\n');
    const abs = await server.post('import/run', { paths: [join(outside, 'private.md')], dryRun: true });
    expect(abs.error?.code).toBe('outside-roots');
    const excerpt = await server.post('import/note-excerpt', { file: join(outside, 'private.md'), line: 1 });
    expect(excerpt.ok).toBe(false);
    expect(JSON.stringify(excerpt)).not.toContain('hunter2');
    symlinkSync('/etc/passwd', join(data, 'passwd.md'));
    const link = await server.post('import/note-excerpt', { file: join(data, 'passwd.md'), line: 1 });
    expect(link.ok).toBe(false);
    expect(JSON.stringify(link)).not.toContain('root:');
    const climb = await server.post('import/note-excerpt', { file: 'bundled:../../../../etc/x.md', line: 1 });
    expect(climb.error?.code).toBe('bad-path');
  });

  it('csv/json outside the roots are refused and no error echoes a first line', async () => {
    writeFileSync(join(outside, 'x.csv'), 'TOPSECRET,LINE\n');
    writeFileSync(join(outside, 'x.json'), 'TOPSECRET-JSON');
    for (const f of ['x.csv', 'x.json']) {
      const r = await server.post('interop/import', { path: join(outside, f) });
      expect(r.error?.code).toBe('outside-roots');
    }
    // Inside the data folder the file is read, and its error still does not quote it.
    writeFileSync(join(data, 'x.csv'), 'TOPSECRET,LINE\n');
    writeFileSync(join(data, 'x.json'), 'TOPSECRET-JSON');
    for (const f of ['x.csv', 'x.json']) {
      const r = await server.post('interop/import', { path: join(data, f) });
      expect(r.ok).toBe(false);
      expect(JSON.stringify(r)).not.toContain('TOPSECRET');
    }
  });

  it('export/run writes nowhere else, watch/add takes no system folder', async () => {
    const out = await server.post('export/run', { format: 'csv', out: '/etc/kubedeck-probe.csv' });
    expect(out.error?.code).toBe('outside-roots');
    const etc = await server.post('watch/add', { folder: '/etc' });
    expect(etc.error?.code).toBe('outside-roots');
    mkdirSync(join(data, 'vault'));
    expect((await server.post('watch/add', { folder: join(data, 'vault') })).ok).toBe(true);
    expect((await server.post('export/run', { format: 'csv', out: join(data, 'e.csv') })).ok).toBe(true);
  });

  it('refuses Origin: null and answers 404 to an unknown handler', async () => {
    const res = await fetch(`${server.url}api/decks/list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: server.cookie, origin: 'null' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    const unknown = await server.raw('api/nope/nothing', '{}');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toMatchObject({ ok: false, error: { code: 'unknown-handler' } });
  });
});
