import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../core/app.ts';
import { ROOT } from '../e2e/harness.ts';
import { seedReviewHistory } from '../e2e/seed.ts';
import { freshCore } from '../review/helpers.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

const TREE = join(ROOT, 'test', 'fixtures', 'notes-tree');

describe('first start', () => {
  it('hides the bundled decks of the other language once, and never a language with notes of the learner', async () => {
    const core = openCore({ dbPath: join(tmpDir(), 'k.sqlite') });
    try {
      const first = await core.call('decks/first-run', { lang: 'en' });
      expect(first).toEqual({ hiddenLangs: ['ko'], changed: true });
      const decks = await core.call('decks/list', {});
      expect(decks.filter((d) => d.lang === 'ko').every((d) => d.hidden)).toBe(true);
      expect(decks.filter((d) => d.lang === 'en').some((d) => d.hidden)).toBe(false);
      // The learner shows Korean again: a later start must not hide it a second time.
      await core.call('decks/hide-lang', { lang: 'ko', hidden: false });
      expect(await core.call('decks/first-run', { lang: 'en' })).toEqual({ hiddenLangs: [], changed: false });
    } finally {
      core.close();
    }
  });

  it('a deck the learner imports in the hidden language is shown, reviewed and searched; the bundled ones stay hidden', async () => {
    const dir = tmpDir();
    const core = openCore({ dbPath: join(dir, 'k.sqlite'), now: () => new Date('2026-04-01T10:00:00Z') });
    try {
      await core.call('settings/set', { key: 'timeZone', value: 'UTC' });
      await core.call('settings/set', { key: 'newPerDay', value: 9999 });
      expect(await core.call('decks/first-run', { lang: 'ko' })).toEqual({
        hiddenLangs: ['en'],
        changed: true,
      });
      writeFiles(dir, {
        'mine.md': '---\ndeck: My English notes\n---\nkube-proxy mode :: iptables\nCoreDNS port :: 53\n',
      });
      const run = await core.call('import/run', { paths: [join(dir, 'mine.md')] });
      expect(run.summary.new).toBe(2);
      const decks = await core.call('decks/list', {});
      expect(decks.find((d) => d.name === 'My English notes')).toMatchObject({ lang: 'en', hidden: false });
      // The nine bundled English decks stay out of sight.
      const bundledEn = decks.filter((d) => d.lang === 'en' && d.bundled);
      expect(bundledEn.length).toBeGreaterThan(0);
      expect(bundledEn.every((d) => d.hidden)).toBe(true);
      // The daily review counts the new deck's two cards with the Korean ones, and none of the hidden bundled ones.
      const next = await core.call('review/next', {});
      const newIn = (ds: typeof decks) => ds.reduce((n, d) => n + d.new, 0);
      expect(next.counts.new).toBe(newIn(decks.filter((d) => !d.hidden)));
      expect(newIn(decks.filter((d) => d.name === 'My English notes'))).toBe(2);
      // Browse, with no deck chosen, lists the learner's English cards and none of the hidden bundled ones.
      const found = await core.call('browse/search', { text: 'port', limit: 500 });
      const decksFound = new Set(found.items.map((i) => i.deck));
      expect(decksFound).toContain('My English notes');
      expect([...decksFound].filter((d) => bundledEn.some((b) => b.name === d))).toEqual([]);
      // Choosing a hidden deck by name still shows it.
      const hiddenDeck = bundledEn[0]!.name;
      expect((await core.call('browse/search', { text: '', deck: hiddenDeck })).items.length).toBeGreaterThan(
        0,
      );
    } finally {
      core.close();
    }
  }, 60_000);

  it('keeps a language visible when the learner imported notes in it (no bundled decks to hide)', async () => {
    const k = await freshCore('2026-04-01T10:00:00Z', {}, [TREE]);
    try {
      expect(await k.core.call('decks/first-run', { lang: 'en' })).toEqual({
        hiddenLangs: [],
        changed: false,
      });
    } finally {
      k.done();
    }
  });
});

describe('decks, images and charts for the window', () => {
  it('counts what is due today per deck and subtree, with a deck limit applied', async () => {
    const k = await freshCore('2026-04-01T10:00:00Z', {}, [TREE]);
    try {
      await k.core.call('decks/set-limits', { deck: 'CKA 네트워킹::DNS', newPerDay: 1 });
      const c = await k.core.call('review/deck-counts', {
        decks: ['CKA 네트워킹', 'CKA 네트워킹::DNS', 'CKA 네트워킹::DNS::CoreDNS'],
      });
      expect(c['CKA 네트워킹::DNS']).toEqual({ new: 1, learning: 0, review: 0 });
      expect(c['CKA 네트워킹::DNS::CoreDNS']!.new).toBe(1);
      // The parent, reviewed as a whole: 서비스 5 (a note written as cards: two written cards, its manifest, the
      // manifest's apiVersion and its ports field), DNS capped at its own 1, CoreDNS (no limit of its own) 1.
      expect(c['CKA 네트워킹']!.new).toBe(7);
    } finally {
      k.done();
    }
  });

  it('serves a note image as a data: URL, only when the card names it', async () => {
    const k = await freshCore('2026-04-01T10:00:00Z', {}, [TREE]);
    try {
      const card = (await k.core.call('cards/list', {})).find((c) => c.answer.includes('img/service.png'))!;
      const img = await k.core.call('media/image', { cardId: card.id, src: 'img/service.png' });
      expect(img.dataUrl.startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true);
      await expect(
        k.core.call('media/image', { cardId: card.id, src: '../../../../etc/passwd' }),
      ).rejects.toThrow(/not an image of this card/);
      await expect(k.core.call('media/image', { cardId: card.id, src: 'img/other.png' })).rejects.toThrow(
        /not an image of this card/,
      );
    } finally {
      k.done();
    }
  });

  it('stats/charts: interval and difficulty distributions, answer buttons, hours and weekly retention', async () => {
    const k = await freshCore('2026-04-01T10:00:00Z');
    try {
      const rows = seedReviewHistory(join(k.dir, 'k.sqlite'), 1000, 8, k.clock.t);
      const c = await k.core.call('stats/charts', {});
      const reviewCards = (await k.core.call('stats/summary', {})).counts.review;
      expect(c.intervals.reduce((n, b) => n + b.n, 0)).toBe(reviewCards);
      expect(reviewCards).toBeGreaterThan(5);
      expect(c.difficulty.reduce((n, b) => n + b.n, 0)).toBe(reviewCards);
      expect(c.hours).toHaveLength(24);
      const last30 = Object.values(c.buttons)
        .flat()
        .reduce((n, x) => n + x, 0);
      expect(c.hours.reduce((n, h) => n + h.n, 0)).toBe(last30);
      expect(last30).toBeGreaterThan(0);
      expect(last30).toBeLessThan(rows);
      expect(c.retentionByWeek).toHaveLength(12);
      expect(c.retentionByWeek.some((w) => w.rate !== null && w.rate > 0.5)).toBe(true);
    } finally {
      k.done();
    }
  });
});
