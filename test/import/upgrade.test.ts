import { copyFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, openCore } from '../../core/app.ts';
import { contentKey, REWORD_THRESHOLD, similarity } from '../../core/import/identity.ts';
import { tickingClock } from '../support/clock.ts';
import { tmpDir } from '../support/tmp.ts';

// today.sqlite was made by test/fixtures/upgrade/make-fixture.ts: the notes in ./notes imported by the importer of
// that day, every card rated through the review handlers. Whatever importer the tree has now must keep that history.
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'upgrade');
const FIXTURE_ROOT = '/kubedeck-upgrade-fixture';

type Row = {
  id: string;
  kind: string;
  rule: string;
  prompt: string;
  answer: string;
  reps: number;
  stability: number;
  orphaned: number;
  suspended: number;
  logs: number;
};

let core: Core | undefined;
afterEach(() => core?.close());

/** The fixture database and notes in a folder of this test's own, the notes where the database expects them. */
function openFixture(): { core: Core; notes: string } {
  const dir = tmpDir();
  cpSync(join(FIXTURE, 'notes'), join(dir, 'notes'), { recursive: true });
  copyFileSync(join(FIXTURE, 'today.sqlite'), join(dir, 'k.sqlite'));
  core = openCore({
    dbPath: join(dir, 'k.sqlite'),
    bundled: false,
    now: tickingClock('2026-12-01T09:00:00Z'),
  });
  const db = core.ctx.db;
  for (const table of ['notes', 'cards'])
    db.prepare(`UPDATE ${table} SET source_file = ? || substr(source_file, ?)`).run(
      dir,
      FIXTURE_ROOT.length + 1,
    );
  return { core, notes: join(dir, 'notes') };
}

const rows = (c: Core) =>
  c.ctx.db
    .prepare(
      `SELECT id, kind, rule, prompt, answer, reps, stability, orphaned, suspended,
              (SELECT count(*) FROM review_log l WHERE l.card_id = cards.id) AS logs
       FROM cards ORDER BY id`,
    )
    .all() as Row[];

/** An importer upgrade: the stored notes no longer match what this importer would record, so all are re-read. */
const upgrade = (c: Core) => c.ctx.db.prepare("UPDATE notes SET content_hash = 'older-importer'").run();

const text = (r: { prompt: string; answer: string }) => `${r.prompt}\u0000${r.answer}`;

describe('re-import after an importer upgrade keeps every card’s history', () => {
  it('orphans no card whose text the current rules still make, and keeps reps, stability and review log', async () => {
    const { core: c, notes } = openFixture();
    const before = rows(c);
    expect(before.length).toBeGreaterThan(90);
    expect(before.every((r) => r.reps > 0 && r.logs > 0)).toBe(true);
    upgrade(c);
    const r = await c.call('import/run', { paths: [notes] });
    expect(r.warnings).toEqual([]);
    const after = rows(c);
    const live = new Map(after.filter((a) => a.orphaned === 0).map((a) => [text(a), a]));
    const byId = new Map(after.map((a) => [a.id, a]));
    for (const old of before) {
      const now = byId.get(old.id)!;
      expect(now, `card ${old.id} must never be deleted`).toBeDefined();
      expect(now.reps).toBe(old.reps);
      expect(now.stability).toBe(old.stability);
      expect(now.logs).toBe(old.logs);
      // A card whose text the current importer still makes is that same card, not a new one beside an orphan.
      const same = live.get(text(old));
      if (same) expect(same.id, `"${old.prompt}" got a new id`).toBe(old.id);
      if (now.orphaned === 1)
        expect(live.has(text(old)), `"${old.prompt}" orphaned but still made`).toBe(false);
    }
    // With the importer of the fixture's day nothing changes at all; a later parser may add and fix cards.
    expect(r.summary.suspended).toBe(after.filter((a) => a.orphaned === 1).length);
  });

  it('keeps a card whose rule was renamed, whose text changed slightly, or whose kind changed', async () => {
    const { core: c, notes } = openFixture();
    const db = c.ctx.db;
    // First the upgrade to the current importer itself, so what follows compares like with like.
    upgrade(c);
    const first = await c.call('import/run', { paths: [notes] });
    // Studied cards this importer no longer makes stay scheduled, but they are not what this test renames.
    const notMade = new Set(first.noLongerMade.map((n) => n.id));
    const before = rows(c).filter((r) => r.orphaned === 0 && !notMade.has(r.id));
    const renamed = before[0]!;
    // A rewording pairs with the most similar released card, and the studied cards no longer made are released
    // too: the reworded card is one no such card resembles, so the pairing it tests is unambiguous.
    const notMadeText = rows(c)
      .filter((r) => notMade.has(r.id))
      .map((r) => `${r.prompt}\n${r.answer}`);
    const reworded = before.find(
      (r) =>
        r.kind === 'cloze' &&
        r !== renamed &&
        notMadeText.every((t) => similarity(t, `${r.prompt}\n${r.answer}`) < REWORD_THRESHOLD),
    )!;
    const rekinded = before.find((r) => r.kind === 'basic' && r !== renamed && r !== reworded)!;
    // What an older parser might have stored for the same lines: another rule name, a trailing colon left in the
    // prompt, the same card as a different kind. The identity key is recomputed as that parser would have.
    const store = db.prepare('UPDATE cards SET rule = ?, kind = ?, prompt = ?, content_key = ? WHERE id = ?');
    store.run(
      'definition-line',
      renamed.kind,
      renamed.prompt,
      contentKey(renamed.kind, renamed.prompt, renamed.answer),
      renamed.id,
    );
    const oldPrompt = `${reworded.prompt}:`;
    store.run(
      reworded.rule,
      reworded.kind,
      oldPrompt,
      contentKey(reworded.kind, oldPrompt, reworded.answer),
      reworded.id,
    );
    store.run(
      rekinded.rule,
      'list',
      rekinded.prompt,
      contentKey('list', rekinded.prompt, rekinded.answer),
      rekinded.id,
    );
    upgrade(c);

    const r = await c.call('import/run', { paths: [notes] });
    // The reworded and re-kinded cards read as updated; a renamed rule alone changes nothing the learner sees.
    expect(r.summary).toEqual({ new: 0, updated: 2, unchanged: before.length - 2, suspended: 0 });
    const after = new Map(rows(c).map((a) => [a.id, a]));
    for (const old of [renamed, reworded, rekinded]) {
      const now = after.get(old.id)!;
      expect(now).toMatchObject({
        rule: old.rule,
        kind: old.kind,
        prompt: old.prompt,
        reps: old.reps,
        stability: old.stability,
        logs: old.logs,
        orphaned: 0,
      });
    }
    expect(r.noLongerMade.map((n) => n.id).sort()).toEqual([...notMade].sort());
    expect(rows(c).filter((a) => a.orphaned === 1).length).toBe(
      rows(c).length - before.length - notMade.size,
    );
  });

  it('does not carry history over to a card that only shares a rule name; the studied card stays scheduled', async () => {
    const { core: c, notes } = openFixture();
    upgrade(c);
    const first = await c.call('import/run', { paths: [notes] });
    const notMade = new Set(first.noLongerMade.map((n) => n.id));
    const victim = rows(c).find((r) => r.orphaned === 0 && r.kind === 'basic' && !notMade.has(r.id))!;
    // A different fact under the same rule is not the same card: the rule is never part of identity.
    c.ctx.db
      .prepare('UPDATE cards SET prompt = ?, answer = ?, content_key = ? WHERE id = ?')
      .run('completely unrelated', 'zzz', contentKey(victim.kind, 'completely unrelated', 'zzz'), victim.id);
    upgrade(c);
    const r = await c.call('import/run', { paths: [notes] });
    expect(r.summary).toMatchObject({ new: 1, suspended: 0 });
    // The learner studied it: it stays in the queue, and the summary names it so the learner decides.
    expect(r.noLongerMade).toContainEqual(
      expect.objectContaining({ id: victim.id, prompt: 'completely unrelated', rule: victim.rule }),
    );
    const after = rows(c);
    expect(after.find((a) => a.id === victim.id)).toMatchObject({
      orphaned: 0,
      suspended: 0,
      reps: victim.reps,
    });
    expect(after.find((a) => text(a) === text(victim))).toMatchObject({ reps: 0, logs: 0 });
  });

  it('lists studied cards the new importer no longer makes instead of suspending them; unstudied ones are suspended', async () => {
    const { core: c, notes } = openFixture();
    const db = c.ctx.db;
    // Two cards the current importer does not make: one studied, one never reviewed.
    const [studied, fresh] = rows(c).filter((r) => r.kind === 'basic');
    const unmake = db.prepare('UPDATE cards SET prompt = ?, answer = ?, content_key = ? WHERE id = ?');
    for (const [r, p] of [
      [studied!, 'an old importer’s card'],
      [fresh!, 'another old card'],
    ] as const)
      unmake.run(p, 'qqq', contentKey(r.kind, p, 'qqq'), r.id);
    db.prepare('DELETE FROM review_log WHERE card_id = ?').run(fresh!.id);
    db.prepare('UPDATE cards SET reps = 0, state = 0 WHERE id = ?').run(fresh!.id);
    upgrade(c);
    const r = await c.call('import/run', { paths: [notes] });
    const listed = r.noLongerMade.find((n) => n.id === studied!.id);
    expect(listed).toMatchObject({ prompt: 'an old importer’s card', rule: studied!.rule });
    expect(listed!.file).toMatch(/\.md$/);
    expect(r.noLongerMade.some((n) => n.id === fresh!.id)).toBe(false);
    const after = new Map(rows(c).map((a) => [a.id, a]));
    expect(after.get(studied!.id)).toMatchObject({ orphaned: 0, suspended: 0, reps: studied!.reps });
    expect(after.get(fresh!.id)).toMatchObject({ orphaned: 1, suspended: 1 });
    // Re-importing again lists it again until the learner decides; deleting it leaves a tombstone.
    upgrade(c);
    const again = await c.call('import/run', { paths: [notes] });
    expect(again.noLongerMade.map((n) => n.id)).toContain(studied!.id);
    await c.call('cards/delete', { cardId: studied!.id });
    upgrade(c);
    const gone = await c.call('import/run', { paths: [notes] });
    expect(gone.noLongerMade.map((n) => n.id)).not.toContain(studied!.id);
  });
});
