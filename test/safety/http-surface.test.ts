import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from '../support/serve.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

let server: ApiServer;
let dir: string;

beforeAll(async () => {
  dir = tmpDir();
  server = await startApiServer(join(dir, 'k.sqlite'));
});
afterAll(() => server.stop());

describe('the HTTP API takes only its own handler names (defect 5)', () => {
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'nope/nothing']) {
    it(`answers unknown-handler for "${name}"`, async () => {
      const r = await server.post(name, {});
      expect(r.ok).toBe(false);
      expect(r.error?.code).toBe('unknown-handler');
      expect(r.error?.message).not.toMatch(/safeParse|Cannot read/);
    });
  }

  it('answers 413 to a body over 4 MB instead of resetting the connection', async () => {
    const big = JSON.stringify({ paths: ['x'], pad: 'a'.repeat(5 * 1024 * 1024) });
    const r = await server.raw('api/import/run', big);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    // The server still answers afterwards.
    expect((await server.post('decks/list', {})).ok).toBe(true);
  });

  it('answers 413 to an oversized body sent in chunks without a length', async () => {
    const chunk = new TextEncoder().encode(`"${'b'.repeat(1024 * 1024)}`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ < 6) c.enqueue(chunk);
        else c.close();
      },
    });
    const res = await fetch(`${server.url}api/import/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: server.cookie },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too-large');
  });
});

describe('the HTTP API reads no file outside notes and the exercise folders (defect 4)', () => {
  it('takes no folder for exercises: {"dir":"/etc"} lists the bundled exercises, not /etc', async () => {
    const r = await server.post('exercises/list', { dir: '/etc' });
    const ids = r.ok ? (r.value as { id: string }[]).map((e) => e.id) : [];
    if (r.ok) {
      expect(ids).toContain('service-nodeport');
      expect(ids).not.toContain('passwd');
    } else expect(r.error?.code).toBe('bad-args');
    const etc = await server.post('exercises/get', { id: 'ssl', dir: '/etc' });
    expect(etc.ok).toBe(false);
    expect(JSON.stringify(etc)).not.toContain('/etc/ssl');
  });

  it('refuses to import a file that is not Markdown, such as ~/.aws/credentials', async () => {
    const secret = join(dir, 'home', '.aws', 'credentials');
    writeFiles(dir, { 'home/.aws/credentials': '[default]\naws_secret_access_key = abc:def\n' });
    for (const p of [secret, '~/.aws/credentials', join(homedir(), '.aws', 'credentials')]) {
      const r = await server.post('import/run', { paths: [p], dryRun: true });
      expect(r.ok, p).toBe(false);
      expect(JSON.stringify(r)).not.toContain('abc:def');
    }
    const r = await server.post('import/run', { paths: [secret], dryRun: true });
    expect(r.error?.code).toBe('not-markdown');
    expect(r.error?.message).toContain('credentials');
    expect(r.error?.message).toMatch(/\.md/);
  });

  it('still imports Markdown files and folders of them', async () => {
    mkdirSync(join(dir, 'notes'), { recursive: true });
    writeFileSync(join(dir, 'notes', 'a.md'), 'kube-apiserver 포트 :: 6443\n');
    writeFileSync(join(dir, 'notes', 'b.markdown'), 'etcd 포트 :: 2379\n');
    writeFileSync(join(dir, 'notes', 'secret.txt'), 'password :: hunter2\n');
    const folder = await server.post('import/run', { paths: [join(dir, 'notes')] });
    expect(folder.ok).toBe(true);
    expect((folder.value as { summary: { new: number } }).summary.new).toBe(2);
    const file = await server.post('import/run', { paths: [join(dir, 'notes', 'a.md')], dryRun: true });
    expect(file.ok).toBe(true);
  });
});
