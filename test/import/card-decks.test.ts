import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, openCore } from '../../core/app.ts';
import { tickingClock } from '../support/clock.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

// An Obsidian SR note whose tag line names two decks: the plugin shows each question in both, with one schedule.
// Kubedeck keeps one card (home: the first deck) filed in the other too (card_decks).
const NOTE = [
  '#flashcards/dns #flashcards/net',
  'ndots::5',
  'search::cluster.local',
  '',
  '#flashcards/net',
  'proxy::kube-proxy',
  '',
].join('\n');

let cores: Core[] = [];
afterEach(() => {
  for (const c of cores) c.close();
  cores = [];
});

function open(dbPath: string): Core {
  const core = openCore({ dbPath, now: tickingClock('2026-03-01T09:00:00Z'), bundled: false, lang: 'en' });
  cores.push(core);
  return core;
}

async function setup() {
  const dir = tmpDir();
  writeFiles(dir, { 'vault/dns.md': NOTE });
  const core = open(join(dir, 'k.sqlite'));
  const vault = join(dir, 'vault');
  const first = await core.call('import/run', { paths: [vault] });
  return { dir, core, vault, first };
}

const decks = async (c: Core) =>
  Object.fromEntries(
    (await c.call('decks/list', {})).map((d) => [
      d.name,
      { cards: d.cards, new: d.new, suspended: d.suspended },
    ]),
  );
const list = async (c: Core, deck: string) =>
  (await c.call('cards/list', { deck })).map((k) => [k.prompt, k.deck, k.alsoIn ?? []]);
const browse = async (c: Core, deck: string) =>
  (await c.call('browse/search', { deck })).items.map((i) => i.prompt).sort();
const logs = (c: Core, id: string) =>
  (c.ctx.db.prepare('SELECT count(*) AS n FROM review_log WHERE card_id = ?').get(id) as { n: number }).n;

describe('a card in two decks (an Obsidian SR line under two deck tags)', () => {
  it('is one card that each deck counts, lists and browses', async () => {
    const { core: c, first } = await setup();
    expect(first.summary.new).toBe(3);
    expect(await decks(c)).toEqual({
      dns: { cards: 2, new: 2, suspended: 0 },
      net: { cards: 3, new: 3, suspended: 0 },
    });
    expect(await list(c, 'net')).toEqual([
      ['ndots', 'dns', ['net']],
      ['search', 'dns', ['net']],
      ['proxy', 'net', []],
    ]);
    expect(await list(c, 'dns')).toEqual([
      ['ndots', 'dns', ['net']],
      ['search', 'dns', ['net']],
    ]);
    expect(await browse(c, 'net')).toEqual(['ndots', 'proxy', 'search']);
    expect(await browse(c, 'dns')).toEqual(['ndots', 'search']);
  });

  it('has one schedule: reviewed in one deck, it is done in the other', async () => {
    const { core: c } = await setup();
    const inNet = await c.call('review/next', { deck: 'net' });
    expect(inNet.card?.prompt).toBe('ndots');
    expect(inNet.counts.new).toBe(3);
    await c.call('review/rate', { cardId: inNet.card!.id, rating: 'easy' });
    const inDns = await c.call('review/next', { deck: 'dns' });
    expect(inDns.card?.prompt).toBe('search');
    expect(inDns.counts.new).toBe(1);
    expect(logs(c, inNet.card!.id)).toBe(1);
    expect(await decks(c)).toMatchObject({ dns: { new: 1 }, net: { new: 2 } });
    // The whole collection's queue holds it once.
    const all = await c.call('review/next', {});
    expect(all.counts.new).toBe(2);
  });

  it('is re-filed as the note says on re-import, keeping its history', async () => {
    const { core: c, vault } = await setup();
    const again = await c.call('import/run', { paths: [vault] });
    expect(again.summary).toMatchObject({ new: 0, updated: 0, unchanged: 3 });
    const next = await c.call('review/next', { deck: 'dns' });
    await c.call('review/rate', { cardId: next.card!.id, rating: 'good' });
    writeFileSync(join(vault, 'dns.md'), NOTE.replace('#flashcards/dns #flashcards/net', '#flashcards/dns'));
    const refiled = await c.call('import/run', { paths: [vault] });
    expect(refiled.summary).toMatchObject({ new: 0, updated: 2, unchanged: 1 });
    expect(await decks(c)).toMatchObject({ dns: { cards: 2 }, net: { cards: 1 } });
    expect(logs(c, next.card!.id)).toBe(1);
    writeFileSync(join(vault, 'dns.md'), NOTE);
    expect((await c.call('import/run', { paths: [vault] })).summary).toMatchObject({ new: 0, updated: 2 });
    expect(await browse(c, 'net')).toEqual(['ndots', 'proxy', 'search']);
  });

  it('goes with each deck it is in when exported, and a JSON backup restores it in both', async () => {
    const { dir, core: c } = await setup();
    const csv = join(dir, 'net.csv');
    await c.call('export/run', { format: 'csv', out: csv, deck: 'net' });
    const rows = readFileSync(csv, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
      .slice(1);
    expect(rows.map((r) => r.split(',').slice(0, 3).join(',')).sort()).toEqual([
      'ndots,5,net',
      'proxy,kube-proxy,net',
      'search,cluster.local,net',
    ]);
    const backup = join(dir, 'all.json');
    await c.call('export/run', { format: 'json', out: backup });
    const restored = open(join(dir, 'restored.sqlite'));
    await restored.call('interop/import', { path: backup });
    expect(await list(restored, 'net')).toEqual(await list(c, 'net'));
    expect(await decks(restored)).toEqual(await decks(c));
  });

  it('keeps its other decks through delete and undo', async () => {
    const { core: c } = await setup();
    const ndots = (await c.call('cards/list', { deck: 'net' })).find((k) => k.prompt === 'ndots')!;
    await c.call('cards/delete', { cardId: ndots.id });
    expect(await browse(c, 'net')).toEqual(['proxy', 'search']);
    await c.call('cards/undelete', {});
    expect(await list(c, 'net')).toContainEqual(['ndots', 'dns', ['net']]);
  });
});
