import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../cli/main.ts';

const FIXTURE = join(import.meta.dirname, '..', 'review', 'fixtures', 'net.md');

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    readStdin: async () => '',
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

it('next, rate, undo and settings work from the command line with --now and --json', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'kd-cli-')), 'k.sqlite');
  const g = ['--db', db, '--no-bundled'];
  expect((await run(['import', FIXTURE, ...g])).code).toBe(0);
  expect((await run(['settings', 'timeZone', 'Asia/Seoul', ...g])).code).toBe(0);
  const now = ['--now', '2026-05-01T09:00:00+09:00'];
  const next = JSON.parse((await run(['next', ...g, ...now, '--json'])).out);
  expect(next.counts).toEqual({ new: 9, learning: 0, review: 0 });
  expect(next.previews.good.label).toBe('10m');
  expect(next.previews.easy.due.endsWith('T19:00:00.000Z')).toBe(true);
  const rated = JSON.parse(
    (await run(['rate', next.card.id, 'good', '--elapsed-ms', '2500', ...g, ...now, '--json'])).out,
  );
  expect(rated.card).toMatchObject({ id: next.card.id, state: 'learning', reps: 1, lapses: 0 });
  const bad = await run(['rate', 'nope', 'good', ...g, ...now]);
  expect(bad.code).toBe(1);
  expect(bad.err).toBe('kubedeck rate: no card with id "nope"');
  const corrupt = await run(['settings', 'desiredRetention', '2', ...g]);
  expect(corrupt.code).toBe(2);
  const undo = JSON.parse((await run(['undo', ...g, '--json'])).out);
  expect(undo.card.state).toBe('new');
});
