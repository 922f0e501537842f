/**
 * Issue #22 (4, 11): CSV, JSON and Anki package imports check the file type and size before reading, as note imports
 * do: a FIFO or a link to /dev/zero is refused at once, an oversized file before it is read; a CSV with NUL bytes, a
 * runaway field or Latin-1 text is refused at its line instead of importing silently.
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubedeck } from '../support/cli.ts';
import { tmpDir } from '../support/tmp.ts';

const cardCount = (db: string) =>
  (kubedeck(['cards', '--json', '--db', db]).json() as { cards: unknown[] }).cards.length;

describe('file type and size before reading (issue #22, 4)', () => {
  it('a FIFO named x.csv and links to /dev/zero named x.json / x.apkg are refused at once', () => {
    const dir = tmpDir();
    const db = join(dir, 'k.sqlite');
    execFileSync('mkfifo', [join(dir, 'x.csv')]);
    symlinkSync('/dev/zero', join(dir, 'z.json'));
    symlinkSync('/dev/zero', join(dir, 'z.apkg'));
    for (const [name, why] of [
      ['x.csv', 'a named pipe (FIFO), not a file'],
      ['z.json', 'a device, not a file'],
      ['z.apkg', 'a device, not a file'],
    ] as const) {
      const t0 = performance.now();
      const r = kubedeck(['import', join(dir, name), '--db', db]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(`${join(dir, name)}: ${why}`);
      // Before: the FIFO blocked until the 60 s kill. Now refused at once (the bound is loose for a busy machine).
      expect(performance.now() - t0).toBeLessThan(45_000);
    }
  });

  it('a CSV over the size limit is refused before it is read (limit lowered for the test)', () => {
    const dir = tmpDir();
    const db = join(dir, 'k.sqlite');
    const csv = join(dir, 'big.csv');
    writeFileSync(csv, `front,back\n${'q,a\n'.repeat(50_000)}`);
    const r = kubedeck(['import', csv, '--db', db], {
      env: { KUBEDECK_MAX_IMPORT_BYTES: String(64 * 1024) },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/big\.csv: is 0\.2 MB; CSV files over 0\.1 MB are not imported/);
    expect(cardCount(db)).toBe(0);
  });
});

describe('CSV content a learner would not want imported silently (issue #22, 11)', () => {
  const cases: [string, Buffer, RegExp][] = [
    ['nul.csv', Buffer.from('front,back\nq1,a1\nq2,a\u00002\n'), /nul\.csv:3: contains NUL bytes/],
    ['latin1.csv', Buffer.from('front,back\nq1,a1\ncaf\xe9,x\n', 'latin1'), /latin1\.csv:3: not UTF-8 text/],
    [
      'field.csv',
      Buffer.from(`front,back\nq1,"${'x'.repeat(1_200_000)}"\n`),
      /field\.csv:2: a row is over 1 MB/,
    ],
  ];
  for (const [name, bytes, message] of cases)
    it(`${name}: refused at its line, nothing imported`, () => {
      const dir = tmpDir();
      const db = join(dir, 'k.sqlite');
      writeFileSync(join(dir, name), bytes);
      const r = kubedeck(['import', join(dir, name), '--db', db]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(cardCount(db)).toBe(0);
    });
});
