import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, openCore } from '../../core/app.ts';
import { tickingClock } from '../support/clock.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

// A paragraph whose lines each hold deletions. A note not written for the Obsidian SR plugin asks each line on its
// own; one written for it (a #flashcards tag) asks each deletion with the whole paragraph, as the plugin does. The
// README lists the difference (case `design-line-clozes`). Either way a card stored before keeps its id and history.
const PARAGRAPH = [
  'A Service selects ==pods by label==, and kube-proxy ==routes== to them.',
  'Without a selector it has ==no endpoints,==',
  'unless you add them.',
  '',
].join('\n');
const LINES = {
  'pods by label': 'A Service selects [...], and kube-proxy routes to them.',
  routes: 'A Service selects pods by label, and kube-proxy [...] to them.',
  'no endpoints,': 'Without a selector it has [...]\nunless you add them.',
};
const WHOLE = {
  'pods by label':
    'A Service selects [...], and kube-proxy routes to them.\nWithout a selector it has no endpoints,\nunless you add them.',
  routes:
    'A Service selects pods by label, and kube-proxy [...] to them.\nWithout a selector it has no endpoints,\nunless you add them.',
  'no endpoints,':
    'A Service selects pods by label, and kube-proxy routes to them.\nWithout a selector it has [...]\nunless you add them.',
};

let core: Core | undefined;
afterEach(() => core?.close());

type Row = { id: string; prompt: string; answer: string; reps: number; sibling_key: string; logs: number };
const cards = (c: Core) =>
  c.ctx.db
    .prepare(
      `SELECT id, prompt, answer, reps, sibling_key,
              (SELECT count(*) FROM review_log l WHERE l.card_id = cards.id) AS logs
       FROM cards WHERE orphaned = 0 ORDER BY answer`,
    )
    .all() as Row[];
const prompts = (c: Core) => Object.fromEntries(cards(c).map((r) => [r.answer, r.prompt]));

/** Rates every card the queue gives today (a rated card's siblings are buried until tomorrow). */
async function rateAll(c: Core) {
  for (let next = await c.call('review/next', {}); next.card; next = await c.call('review/next', {}))
    await c.call('review/rate', { cardId: next.card.id, rating: 'good' });
}

describe('deletions on several lines of one paragraph', () => {
  it('are asked line by line in a plain note, and with the whole paragraph once it is written for the SR plugin, keeping every card', async () => {
    const dir = tmpDir();
    writeFiles(dir, { 'notes/services.md': PARAGRAPH });
    core = openCore({
      dbPath: join(dir, 'k.sqlite'),
      now: tickingClock('2026-03-01T09:00:00Z'),
      bundled: false,
    });
    const c = core;
    const notes = join(dir, 'notes');
    expect((await c.call('import/run', { paths: [notes] })).summary.new).toBe(3);
    expect(prompts(c)).toEqual(LINES);
    await rateAll(c);
    const studied = cards(c);
    // Each line is a question of its own: its deletions are siblings, the other line's are not, so one card of
    // each line was asked today.
    expect(new Set(studied.map((r) => r.sibling_key)).size).toBe(2);
    expect(studied.filter((r) => r.logs > 0 && r.reps > 0)).toHaveLength(2);

    writeFileSync(join(notes, 'services.md'), `#flashcards/cka\n${PARAGRAPH}`);
    const tagged = await c.call('import/run', { paths: [notes] });
    expect(tagged.summary).toMatchObject({ new: 0, updated: 3, suspended: 0 });
    expect(tagged.noLongerMade).toEqual([]);
    expect(prompts(c)).toEqual(WHOLE);
    const after = cards(c);
    expect(after.map((r) => [r.id, r.reps, r.logs])).toEqual(studied.map((r) => [r.id, r.reps, r.logs]));
    // The plugin's one question: the paragraph's deletions are buried together.
    expect(new Set(after.map((r) => r.sibling_key)).size).toBe(1);

    // Unchanged on the next import, and back to lines (same cards) when the tag goes.
    expect((await c.call('import/run', { paths: [notes] })).summary).toMatchObject({ new: 0, updated: 0 });
    writeFileSync(join(notes, 'services.md'), PARAGRAPH);
    expect((await c.call('import/run', { paths: [notes] })).summary).toMatchObject({ new: 0, updated: 3 });
    expect(prompts(c)).toEqual(LINES);
    expect(cards(c).map((r) => r.id)).toEqual(studied.map((r) => r.id));
  });
});
