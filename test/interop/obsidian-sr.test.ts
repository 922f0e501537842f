import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSrBody } from '../../content/markdown/sr-comments.ts';
import { memoryFromSm2 } from '../../core/interop/sm2-memory.ts';
import { writeFiles } from '../support/tmp.ts';
import { coreAt } from './helpers.ts';

// A vault scheduled by the Obsidian Spaced Repetition plugin: the comment on the card's line (single-line cards,
// written with "save on the same line") or on the line after its last line, one !due,interval,ease per card.
const NOTE = `---
deck: Obsidian::K8s
---
# Services

kube-apiserver port :: 6443 <!--SR:!2026-06-10,12,270-->
Service ::: a stable virtual IP for a set of pods
<!--SR:!2026-06-02,4,250!2026-06-05,7,230-->

NodePort range is ==30000-32767== and the default type is ==ClusterIP== <!--SR:!2026-06-01,3,250!2000-01-01,1,250-->

What does kube-proxy do?
?
Programs Service rules on every node
<!--SR:!2026-07-01,30,290-->

new card :: no schedule yet
`;

const at4 = (date: string) => Date.parse(`${date}T04:00:00Z`);

describe('Obsidian Spaced Repetition history', () => {
  it('reads the plugin’s comment formats: SM-2, the old form without `!`, FSRS, and the not-reviewed placeholder', () => {
    expect(parseSrBody('!2024-01-01,3,250!2024-01-05,5,270')).toEqual([
      { due: '2024-01-01', interval: 3, ease: 250 },
      { due: '2024-01-05', interval: 5, ease: 270 },
    ]);
    expect(parseSrBody('2024-01-01,3,250')).toEqual([{ due: '2024-01-01', interval: 3, ease: 250 }]);
    expect(
      parseSrBody(
        '!2000-01-01,1,250!fsrs,2023-09-06T00:10:00.000Z,2,0.4,5.5,2,3,1,0,2023-09-04T00:00:00.000Z',
      ),
    ).toEqual([
      { due: '2000-01-01', interval: 1, ease: 250 },
      {
        due: '2023-09-06',
        interval: 2,
        ease: 0,
        fsrs: {
          dueAt: '2023-09-06T00:10:00.000Z',
          stability: 0.4,
          difficulty: 5.5,
          state: 2,
          reps: 3,
          lapses: 1,
          learningSteps: 0,
          lastReview: '2023-09-04T00:00:00.000Z',
        },
      },
    ]);
  });

  it('turns each card’s triple into its schedule, keeps card text clean, and keeps due dates', async () => {
    const { core, dir } = await coreAt('2026-05-20T09:00:00Z');
    const vault = join(dir, 'vault');
    writeFiles(vault, { 'k8s.md': NOTE });
    const r = await core.call('import/run', { paths: [vault] });
    expect(r.warnings).toEqual([]);
    expect(r.srScheduled).toBe(5);
    const cards = core.ctx.db.prepare('SELECT * FROM cards ORDER BY ord').all() as Record<string, number>[];
    const view = cards.map((c) => ({
      prompt: c.prompt,
      answer: c.answer,
      state: c.state,
      due: c.due,
      days: c.scheduled_days,
    }));
    expect(view).toEqual([
      { prompt: 'kube-apiserver port', answer: '6443', state: 2, due: at4('2026-06-10'), days: 12 },
      {
        prompt: 'Service',
        answer: 'a stable virtual IP for a set of pods',
        state: 2,
        due: at4('2026-06-02'),
        days: 4,
      },
      {
        prompt: 'a stable virtual IP for a set of pods',
        answer: 'Service',
        state: 2,
        due: at4('2026-06-05'),
        days: 7,
      },
      {
        prompt: 'NodePort range is [...] and the default type is ClusterIP',
        answer: '30000-32767',
        state: 2,
        due: at4('2026-06-01'),
        days: 3,
      },
      // The plugin's "not reviewed yet" date leaves the card new.
      {
        prompt: 'NodePort range is 30000-32767 and the default type is [...]',
        answer: 'ClusterIP',
        state: 0,
        due: null,
        days: 0,
      },
      {
        prompt: 'What does kube-proxy do?',
        answer: 'Programs Service rules on every node',
        state: 2,
        due: at4('2026-07-01'),
        days: 30,
      },
      { prompt: 'new card', answer: 'no schedule yet', state: 0, due: null, days: 0 },
    ]);
    const m = memoryFromSm2(2.7, 12);
    expect(cards[0]!.stability).toBeCloseTo(m.stability, 6);
    expect(cards[0]!.difficulty).toBeCloseTo(m.difficulty, 6);
    // Higher ease, easier card.
    expect(cards[5]!.difficulty).toBeLessThan(cards[1]!.difficulty!);

    // On 2026-05-20 no scheduled card is due yet (the earliest is 2026-06-01): the next card is a new one.
    expect((await core.call('review/next', {})).card?.prompt).toBe(
      'NodePort range is 30000-32767 and the default type is [...]',
    );
    core.close();
  });

  it('reads every comment form the plugin writes, each onto its own card, with the plugin’s due day and interval', async () => {
    const { core, dir } = await coreAt('2026-05-20T09:00:00Z');
    const vault = join(dir, 'vault');
    writeFiles(vault, {
      'forms.md': [
        '#flashcards/forms',
        'old form, same line :: 1 <!--SR:2026-06-10,12,270-->',
        'old form, next line :: 2',
        '<!--SR:2026-06-11,13,250-->',
        'callout :: 3',
        '> [!sr|card-metadata]',
        '> <!--SR:!2026-06-12,14,230-->',
        'never closed :: 4 <!--SR:!2026-06-13,15,260',
        'fsrs :: 5',
        '<!--SR:!fsrs,2026-06-14T10:30:00.000Z,16,20.5,4.2,2,5,1,0,2026-05-29T10:30:00.000Z-->',
        'no comment of its own :: 6',
        'the next card’s :: 7 <!--SR:!2026-06-15,17,250-->',
        '',
      ].join('\n'),
    });
    const r = await core.call('import/run', { paths: [vault] });
    expect(r.warnings).toEqual([]);
    expect(r.srScheduled).toBe(6);
    const rows = core.ctx.db
      .prepare(
        'SELECT answer, state, due, scheduled_days AS days, stability, difficulty, reps, lapses FROM cards ORDER BY answer',
      )
      .all() as Record<string, number | string | null>[];
    expect(rows.map((c) => [c.answer, c.state, c.due, c.days])).toEqual([
      ['1', 2, at4('2026-06-10'), 12],
      ['2', 2, at4('2026-06-11'), 13],
      ['3', 2, at4('2026-06-12'), 14],
      ['4', 2, at4('2026-06-13'), 15],
      ['5', 2, Date.parse('2026-06-14T10:30:00.000Z'), 16],
      ['6', 0, null, 0],
      ['7', 2, at4('2026-06-15'), 17],
    ]);
    // The FSRS form carries the memory state itself.
    expect(rows[4]).toMatchObject({ stability: 20.5, difficulty: 4.2, reps: 5, lapses: 1 });
    core.close();
  });

  it('a card reviewed in Kubedeck keeps Kubedeck’s schedule when Obsidian writes a new comment', async () => {
    const { core, clock, dir } = await coreAt('2026-06-10T09:00:00Z');
    const vault = join(dir, 'vault');
    writeFiles(vault, { 'k8s.md': NOTE });
    await core.call('import/run', { paths: [vault] });
    const port = core.ctx.db.prepare("SELECT id FROM cards WHERE prompt = 'kube-apiserver port'").get() as {
      id: string;
    };
    await core.call('review/rate', { cardId: port.id, rating: 'good', elapsedMs: 3000 });
    const mine = core.ctx.db.prepare('SELECT due, stability FROM cards WHERE id = ?').get(port.id);

    clock.add(3_600_000);
    const file = join(vault, 'k8s.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('!2026-06-10,12,270', '!2026-09-01,40,290')
        .replace('!2026-07-01,30,290', '!2026-08-15,45,300'),
    );
    const r = await core.call('import/run', { paths: [vault] });
    expect(r.summary).toMatchObject({ new: 0, updated: 0, suspended: 0 });
    expect(core.ctx.db.prepare('SELECT due, stability FROM cards WHERE id = ?').get(port.id)).toEqual(mine);
    const proxy = core.ctx.db
      .prepare("SELECT due, scheduled_days FROM cards WHERE prompt LIKE 'What does%'")
      .get();
    expect(proxy).toEqual({ due: at4('2026-08-15'), scheduled_days: 45 });
    core.close();
  });
});
