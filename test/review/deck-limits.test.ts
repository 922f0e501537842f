import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../core/app.ts';
import { kubedeck } from '../support/cli.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

const note = (deck: string, n: number) =>
  `---\ndeck: ${deck}\n---\n${Array.from({ length: n }, (_, i) => `${deck} 질문 ${i} :: 답 ${deck}-${i}`).join('\n')}\n`;

function setup() {
  const dir = tmpDir();
  writeFiles(dir, { 'notes/a.md': note('A', 10), 'notes/b.md': note('B', 10) });
  const t = Date.parse('2026-03-02T01:00:00Z');
  const core = openCore({ dbPath: join(dir, 'k.sqlite'), now: () => new Date(t), bundled: false });
  return { dir, core };
}

describe("a deck's own daily limits", () => {
  it('cap that deck’s share when the whole collection is reviewed', async () => {
    const { dir, core } = setup();
    await core.call('import/run', { paths: [join(dir, 'notes')] });
    await core.call('settings/set', { key: 'newPerDay', value: 5 });
    await core.call('decks/set-limits', { deck: 'A', newPerDay: 2 });
    const first = await core.call('review/next', {});
    expect(first.counts.new).toBe(5);
    const decks: string[] = [];
    for (;;) {
      const n = await core.call('review/next', {});
      if (n.card?.state !== 'new') break;
      decks.push(n.card.deck);
      await core.call('review/rate', { cardId: n.card.id, rating: 'easy' });
    }
    // A's cards come first in note order, but only two of them; the global five are filled from B.
    expect(decks).toEqual(['A', 'A', 'B', 'B', 'B']);
    expect((await core.call('review/counts', {})).new).toBe(0);
    // Reviewing A alone applies A's own limit, already used up today.
    expect((await core.call('review/counts', { deck: 'A' })).new).toBe(0);
    core.close();
  });

  it('go back to the global setting, and the CLI sets and reports them', async () => {
    const { dir, core } = setup();
    await core.call('import/run', { paths: [join(dir, 'notes')] });
    core.close();
    const db = join(dir, 'k.sqlite');
    const set = kubedeck(['deck-limits', 'A', '--new', '3', '--reviews', '50', '--db', db]);
    expect(set.stdout.trim()).toBe('A: new 3/day, reviews 50/day');
    expect(
      kubedeck(['next', '--json', '--deck', 'A', '--db', db, '--now', '2026-03-02T10:00:00+09:00']).json(),
    ).toMatchObject({
      counts: { new: 3 },
    });
    const back = kubedeck(['deck-limits', 'A', '--new', 'global', '--json', '--db', db]).json() as {
      deck: { newPerDay: number | null; reviewsPerDay: number | null };
    };
    expect(back.deck).toMatchObject({ newPerDay: null, reviewsPerDay: 50 });
    expect(kubedeck(['deck-limits', 'A', '--new', 'lots', '--db', db]).code).toBe(2);
    const unknown = kubedeck(['deck-limits', 'Nope', '--new', '1', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no deck named "Nope"');
  });
});
