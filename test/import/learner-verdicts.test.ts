import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scoreNote } from '../../content/markdown/parse-note.ts';
import { type Core, openCore } from '../../core/app.ts';
import { tickingClock } from '../support/clock.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

// A note with explicit cards, well-formed definitions and clozes (kept at every density), and commented commands
// whose short comments the selection scores around the standard line (one of them a suggestion). Which candidate is which is read from the
// selection itself, so the scoring can be retuned without these tests changing.
const SERVICES = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'verdicts', 'services.md'), 'utf8');

let core: Core | undefined;
afterEach(() => core?.close());

function setup(files: Record<string, string> = { 'notes/services.md': SERVICES }) {
  const dir = tmpDir();
  writeFiles(dir, files);
  core = openCore({
    dbPath: join(dir, 'k.sqlite'),
    bundled: false,
    now: tickingClock('2026-03-01T09:00:00Z'),
  });
  return { dir, core, notes: join(dir, 'notes'), note: join(dir, 'notes', 'services.md') };
}

const verdictsAt = (density: 'fewer' | 'standard' | 'more') => {
  const scored = scoreNote('services.md', SERVICES, { density });
  return {
    cards: scored.filter((c) => c.verdict === 'card').length,
    suggestions: scored.filter((c) => c.verdict === 'suggestion'),
  };
};

const cardCount = (c: Core) => (c.ctx.db.prepare('SELECT count(*) AS n FROM cards').get() as { n: number }).n;

describe('density', () => {
  it('moves the line: the setting, a per-import override, and the note’s own density: which wins', async () => {
    const fewer = verdictsAt('fewer');
    const standard = verdictsAt('standard');
    const more = verdictsAt('more');
    // The fixture is only a test of density if the three lines give three different decks.
    expect(fewer.cards).toBeLessThan(standard.cards);
    expect(standard.cards).toBeLessThan(more.cards);
    expect(standard.suggestions.length).toBeGreaterThan(0);

    const { core: c, notes, note } = setup();
    let r = await c.call('import/run', { paths: [notes] });
    expect(r.summary.new).toBe(standard.cards);
    expect(r.suggested).toBe(standard.suggestions.length);

    // The setting changes what every note gives: the unchanged file is read again.
    await c.call('settings/set', { key: 'import.density', value: 'more' });
    r = await c.call('import/run', { paths: [notes] });
    expect(cardCount(c)).toBe(more.cards);
    expect(r.summary.new).toBe(more.cards - standard.cards);

    // One import can ask for another density.
    r = await c.call('import/run', { paths: [notes], density: 'fewer', dryRun: true });
    expect(r.cards).toHaveLength(fewer.cards);

    // The note's front matter wins over both.
    writeFileSync(note, `---\ndensity: fewer\n---\n${SERVICES}`);
    r = await c.call('import/run', { paths: [notes], density: 'more', dryRun: true });
    expect(r.cards).toHaveLength(fewer.cards);
    expect(r.warnings).toEqual([]);
  });

  it('refuses a bad setting by name and warns about a bad density: at its front-matter line', async () => {
    const { core: c, notes, note } = setup();
    await expect(c.call('settings/set', { key: 'import.density', value: 'lots' })).rejects.toThrow(
      /import\.density: "lots" is not one of fewer, standard, more, all/,
    );
    writeFileSync(note, `---\ndeck: x\ndensity: lots\n---\n${SERVICES}`);
    const r = await c.call('import/run', { paths: [notes], dryRun: true });
    expect(r.warnings).toEqual([
      {
        file: note,
        line: 3,
        message: expect.stringMatching(/^density: "lots" is not one of fewer, standard, more, all/),
        code: 'density-unknown',
        params: { value: '"lots"', allowed: 'fewer, standard, more, all' },
      },
    ]);
    expect(r.cards).toHaveLength(verdictsAt('standard').cards);
  });
});

describe('suggestions', () => {
  it('are listed with their score in a dry run, stored per note, and never scheduled or counted', async () => {
    const { core: c, notes } = setup();
    const expected = verdictsAt('standard').suggestions;
    const dry = await c.call('import/run', { paths: [notes], dryRun: true });
    expect(dry.suggestions?.map((s) => [s.line, s.prompt, s.score])).toEqual(
      expected.map((s) => [s.line, s.prompt, s.score]),
    );
    expect(dry.suggestions?.[0]?.features.length).toBeGreaterThan(0);
    expect(dry.cards?.some((card) => expected.some((s) => s.prompt === card.prompt))).toBe(false);

    await c.call('import/run', { paths: [notes] });
    const listed = await c.call('browse/suggestions', {});
    expect(listed.items.map((s) => s.prompt)).toEqual(expected.map((s) => s.prompt));
    expect(listed.items[0]!.source).toMatch(/services\.md:\d+$/);
    // Not cards: not in decks, not in Browse, never in the review queue.
    const decks = await c.call('decks/list', {});
    expect(decks.reduce((n, d) => n + d.cards, 0)).toBe(verdictsAt('standard').cards);
    const seen = new Set<string>();
    for (let card = await c.call('review/next', {}); card.card; card = await c.call('review/next', {})) {
      seen.add(card.card.prompt);
      await c.call('review/rate', { cardId: card.card.id, rating: 'easy', elapsedMs: 1000 });
    }
    expect([...seen].some((p) => expected.some((s) => s.prompt === p))).toBe(false);
  });

  it('say which were held back over the line for their junk risk, in the dry run and in Browse', async () => {
    const { core: c, notes, note } = setup();
    // The fixture's comments over commands are over the standard line, and their rule's cards are often thrown away.
    const held = scoreNote(note, SERVICES).filter((s) => s.heldBack === 'junk-risk');
    expect(held.length).toBeGreaterThan(0);
    const dry = await c.call('import/run', { paths: [notes], dryRun: true });
    const heldPrompts = (dry.suggestions ?? [])
      .filter((s) => s.heldBack === 'junk-risk')
      .map((s) => s.prompt);
    expect(heldPrompts).toEqual(held.map((s) => s.prompt));
    // Under the line, a suggestion is one for its score alone.
    expect((dry.suggestions ?? []).some((s) => s.heldBack === undefined)).toBe(true);
    await c.call('import/run', { paths: [notes] });
    const listed = (await c.call('browse/suggestions', {})).items;
    expect(listed.filter((s) => s.heldBack === 'junk-risk').map((s) => s.prompt)).toEqual(heldPrompts);
  });

  it('accepted in Browse, one becomes a card that later imports keep making', async () => {
    const { core: c, notes, note } = setup();
    await c.call('import/run', { paths: [notes] });
    const [first, ...rest] = (await c.call('browse/suggestions', {})).items;
    const { cardId } = await c.call('suggestions/accept', { id: first!.id });
    const card = await c.call('browse/card', { cardId });
    expect(card.card).toMatchObject({ prompt: first!.prompt, state: 'new', suspended: false });
    expect((await c.call('browse/suggestions', {})).items.map((s) => s.id)).toEqual(rest.map((s) => s.id));
    const before = cardCount(c);
    // An edit re-reads the note: the accepted card keeps its id, the others stay suggestions.
    writeFileSync(note, `${SERVICES}\nkube-scheduler 포트 :: 10259\n`);
    const r = await c.call('import/run', { paths: [notes] });
    expect(r.summary).toMatchObject({ new: 1, suspended: 0 });
    expect(cardCount(c)).toBe(before + 1);
    expect(c.ctx.db.prepare('SELECT orphaned FROM cards WHERE id = ?').get(cardId)).toEqual({ orphaned: 0 });
    expect((await c.call('browse/suggestions', {})).items).toHaveLength(rest.length);
    await expect(c.call('suggestions/accept', { id: first!.id })).rejects.toThrow(
      /제안이 없습니다|no suggestion/,
    );
  });

  it('ticked in the import preview, one becomes a card by its key', async () => {
    const { core: c, notes } = setup();
    const dry = await c.call('import/run', { paths: [notes], dryRun: true, preview: true });
    const pick = dry.suggestions![1]!;
    const r = await c.call('import/run', { paths: [notes], accept: [pick.key] });
    expect(r.summary.new).toBe(verdictsAt('standard').cards + 1);
    expect(r.suggested).toBe(dry.suggestions!.length - 1);
    const made = c.ctx.db.prepare('SELECT rule FROM cards WHERE prompt = ?').get(pick.prompt);
    expect(made).toEqual({ rule: pick.rule });
  });
});

describe('deleting sticks, and teaches', () => {
  it('a deleted card never comes back; undo takes the tombstone back too; keep rate per rule', async () => {
    const { core: c, notes, note } = setup();
    await c.call('import/run', { paths: [notes] });
    const victim = c.ctx.db
      .prepare("SELECT id, prompt, rule FROM cards WHERE rule = 'auto-cloze' ORDER BY source_line LIMIT 1")
      .get() as { id: string; prompt: string; rule: string };
    const total = cardCount(c);
    await c.call('cards/delete', { cardId: victim.id });
    writeFileSync(note, `${SERVICES}\n`);
    let r = await c.call('import/run', { paths: [notes] });
    expect(r.summary.new).toBe(0);
    expect(r.tombstoned).toBe(1);
    expect(cardCount(c)).toBe(total - 1);
    const dry = await c.call('import/run', { paths: [notes], dryRun: true, density: 'more' });
    expect(dry.cards?.some((x) => x.prompt === victim.prompt)).toBe(false);
    const rates = await c.call('import/keep-rates', {});
    const auto = rates.find((k) => k.rule === 'auto-cloze')!;
    expect(auto).toMatchObject({ deleted: 1 });
    expect(auto.keepRate).toBeCloseTo((auto.made - 1) / auto.made, 3);
    // The import summary shows the rules the learner has deleted cards of; Stats shows every rule.
    expect(r.keep).toEqual(rates.filter((k) => k.deleted > 0));
    expect(rates.length).toBeGreaterThan(r.keep.length);

    await c.call('cards/undelete', {});
    expect((await c.call('import/keep-rates', {})).find((k) => k.rule === 'auto-cloze')).toMatchObject({
      deleted: 0,
      keepRate: 1,
    });
    writeFileSync(note, SERVICES);
    r = await c.call('import/run', { paths: [notes] });
    expect(r.tombstoned).toBe(0);
    expect(c.ctx.db.prepare('SELECT id FROM cards WHERE prompt = ?').get(victim.prompt)).toEqual({
      id: victim.id,
    });
  });

  it('"bad card" in review leaves the same tombstone; after three of one rule in a note it offers to switch the rule off there', async () => {
    const { core: c, notes, note } = setup();
    await c.call('import/run', { paths: [notes] });
    const ids = (
      c.ctx.db.prepare("SELECT id FROM cards WHERE rule = 'auto-cloze' ORDER BY source_line").all() as {
        id: string;
      }[]
    ).map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const a = await c.call('review/bad-card', { cardId: ids[0]! });
    expect(a).toEqual({ cardId: ids[0], outcome: 'deleted' });
    await c.call('cards/delete', { cardId: ids[1]! });
    const third = await c.call('review/bad-card', { cardId: ids[2]! });
    expect(third.offer).toEqual({ file: note, rule: 'auto-cloze', deletions: 3 });
    // The import summary offers it too.
    writeFileSync(note, `${SERVICES}\n`);
    const r = await c.call('import/run', { paths: [notes] });
    expect(r.offers).toEqual([{ file: note, rule: 'auto-cloze', deletions: 3 }]);

    // Taking the offer writes rules-off into the note's front matter; the rule's other cards go with the re-import.
    expect(await c.call('import/rule-off', { file: note, rule: 'auto-cloze' })).toMatchObject({
      where: 'front matter',
    });
    expect(readFileSync(note, 'utf8')).toMatch(/^---\nrules-off: \[auto-cloze\]\n---\n# Services\n/);
    const after = await c.call('import/run', { paths: [notes] });
    expect(after.offers).toEqual([]);
    const left = c.ctx.db
      .prepare("SELECT count(*) AS n FROM cards WHERE rule = 'auto-cloze' AND orphaned = 0")
      .get() as { n: number };
    expect(left.n).toBe(0);
  });
});
