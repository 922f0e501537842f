import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../core/app.ts';
import { tmpDir } from '../support/tmp.ts';

const EX = join(import.meta.dirname, '..', '..', 'content', 'exercises', 'service-nodeport');

describe('a graded exercise is a review in the same queue as cards', () => {
  it('rates the exercise card: first-try pass → good, a failed attempt → again, pass after a retry → hard', async () => {
    let t = Date.parse('2026-03-02T01:00:00Z');
    const core = openCore({ dbPath: join(tmpDir(), 'k.sqlite'), now: () => new Date(t) });
    const solution = readFileSync(join(EX, 'solution.yaml'), 'utf8');
    const wrong = solution.replace('30080', '30081');
    const logs = (id: string) =>
      (
        core.ctx.db.prepare('SELECT rating FROM review_log WHERE card_id = ? ORDER BY id').all(id) as {
          rating: number;
        }[]
      ).map((r) => r.rating);

    const pass = await core.call('exercises/grade', { id: 'service-nodeport', answer: solution, lang: 'en' });
    expect(pass.cardId).not.toBeNull();
    expect(pass.rating).toBe('good');
    expect(pass.rated?.reps).toBe(1);
    t += 3_600_000;
    const fail = await core.call('exercises/grade', { id: 'service-nodeport', answer: wrong, lang: 'en' });
    expect(fail.rating).toBe('again');
    t += 60_000;
    const retry = await core.call('exercises/grade', {
      id: 'service-nodeport',
      answer: solution,
      lang: 'en',
    });
    expect(retry.rating).toBe('hard');
    expect(logs(pass.cardId!)).toEqual([3, 1, 2]);
    const attempts = core.ctx.db.prepare('SELECT count(*) n FROM attempts').get() as { n: number };
    expect(attempts.n).toBe(3);
    core.close();
  });
});
