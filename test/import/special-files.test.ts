import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, openCore } from '../../core/app.ts';
import { kubedeck } from '../support/cli.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

type Out = {
  summary: { new: number; updated: number; unchanged: number; suspended: number };
  warnings: { file: string; line: number; message: string }[];
};

let core: Core | undefined;
let server: Server | undefined;
afterEach(() => {
  core?.close();
  server?.close();
});

describe('import reads regular files only', () => {
  it('skips a FIFO in a folder and one named on the command line with a warning, and imports the rest', () => {
    const dir = tmpDir();
    writeFiles(dir, { 'notes/ports.md': 'kube-apiserver 포트 :: 6443\n' });
    // Nobody ever writes to these pipes: reading one would block the import forever.
    execFileSync('mkfifo', [join(dir, 'notes/pipe.md'), join(dir, 'lone.md')]);
    const r = kubedeck([
      'import',
      join(dir, 'notes'),
      join(dir, 'lone.md'),
      '--json',
      '--db',
      join(dir, 'k.sqlite'),
    ]);
    expect(r.code).toBe(0);
    const out = r.json() as Out;
    expect(out.summary.new).toBe(1);
    expect(out.warnings).toEqual([
      {
        file: join(dir, 'notes/pipe.md'),
        line: 1,
        message: 'a named pipe (FIFO), not a file; skipped',
        code: 'skipped-fifo',
        params: {},
      },
      {
        file: join(dir, 'lone.md'),
        line: 1,
        message: 'a named pipe (FIFO), not a file; skipped',
        code: 'skipped-fifo',
        params: {},
      },
    ]);
  });

  it('skips a socket, a device and a link to nothing, through the handler every way in (serve too) calls', async () => {
    const dir = tmpDir();
    writeFiles(dir, { 'notes/dns.md': 'CoreDNS ConfigMap :: coredns\n' });
    server = createServer();
    await new Promise<void>((res) => server!.listen(join(dir, 'notes/socket.md'), res));
    symlinkSync('/dev/zero', join(dir, 'notes/zero.md'));
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'notes/dangling.md'));
    core = openCore({ dbPath: join(dir, 'k.sqlite'), bundled: false });
    const r = await core.call('import/run', { paths: [join(dir, 'notes')] });
    expect(r.summary.new).toBe(1);
    expect(r.warnings.map((w) => `${w.file.slice(dir.length + 1)}: ${w.message}`).sort()).toEqual([
      'notes/dangling.md: a link to nothing; skipped',
      'notes/socket.md: a socket, not a file; skipped',
      'notes/zero.md: a device, not a file; skipped',
    ]);
  });
});

describe('one bad note is a warning, never a lost import', () => {
  it('imports the other notes when the parser throws on one (today: 3,000 plain lines overflow its stack)', async () => {
    const dir = tmpDir();
    writeFiles(dir, {
      'notes/a.md': 'kube-apiserver 포트 :: 6443\n',
      'notes/plain.md': 'just some plain text line without markers\n'.repeat(3000),
      'notes/z.md': 'CoreDNS ConfigMap :: coredns\n',
    });
    core = openCore({ dbPath: join(dir, 'k.sqlite'), bundled: false });
    const r = await core.call('import/run', { paths: [join(dir, 'notes')] });
    expect(r.summary.new).toBe(2);
    const own = r.warnings.filter((w) => w.file.endsWith('plain.md'));
    // A parser that reads the note (no throw) gives no card and no warning; one that throws is named, not fatal.
    for (const w of own)
      expect(w.message).toMatch(/^could not read this note \(.+\); its cards were left as they were$/);
    const cards = core.ctx.db.prepare('SELECT prompt FROM cards ORDER BY prompt').all();
    expect(cards).toEqual([{ prompt: 'CoreDNS ConfigMap' }, { prompt: 'kube-apiserver 포트' }]);
  });

  it('keeps the cards of a note it cannot read this time, and reads it again once it is fixed', async () => {
    const dir = tmpDir();
    writeFiles(dir, {
      'notes/a.md': 'kube-apiserver 포트 :: 6443\n',
      'notes/b.md': 'CoreDNS ConfigMap :: coredns\n',
    });
    core = openCore({ dbPath: join(dir, 'k.sqlite'), bundled: false });
    await core.call('import/run', { paths: [join(dir, 'notes')] });
    // Saved as binary by accident (NUL bytes): the importer refuses to decode it as text.
    writeFileSync(join(dir, 'notes/b.md'), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00, 0x00, 0x42]));
    const r = await core.call('import/run', { paths: [join(dir, 'notes')] });
    expect(r.summary).toEqual({ new: 0, updated: 0, unchanged: 1, suspended: 0 });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]!.file).toBe(join(dir, 'notes/b.md'));
    writeFileSync(join(dir, 'notes/b.md'), 'CoreDNS ConfigMap :: coredns\n');
    const back = await core.call('import/run', { paths: [join(dir, 'notes')] });
    expect(back.summary).toEqual({ new: 0, updated: 0, unchanged: 2, suspended: 0 });
  });
});

describe('unchanged files are skipped by their stamp, changed ones never', () => {
  it('sees an edit that keeps the size and lands in the same second as the import before it', async () => {
    const dir = tmpDir();
    writeFiles(dir, { 'notes/a.md': 'kube-apiserver 포트 :: 6443\n' });
    core = openCore({ dbPath: join(dir, 'k.sqlite'), bundled: false });
    await core.call('import/run', { paths: [join(dir, 'notes')] });
    writeFileSync(join(dir, 'notes/a.md'), 'kube-apiserver 포트 :: 6444\n');
    const r = await core.call('import/run', { paths: [join(dir, 'notes')] });
    expect(r.summary).toEqual({ new: 0, updated: 1, unchanged: 0, suspended: 0 });
    const again = await core.call('import/run', { paths: [join(dir, 'notes')] });
    expect(again.summary).toEqual({ new: 0, updated: 0, unchanged: 1, suspended: 0 });
  });
});
