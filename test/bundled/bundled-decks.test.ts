import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeAgainstReference } from '../../content/grader/index.ts';
import { openCore } from '../../core/app.ts';
import { BUNDLED_NOTES_DIR, loadBundledDecks } from '../../core/bundled.ts';
import type { CardJson } from '../../core/cards-json.ts';
import { kubedeck } from '../support/cli.ts';
import { tmpDir } from '../support/tmp.ts';

type Card = CardJson;

async function freshWithBundled() {
  const dir = tmpDir();
  const core = openCore({
    dbPath: join(dir, 'k.sqlite'),
    now: () => new Date('2026-03-01T09:00:00Z'),
    bundled: false,
  });
  const result = await loadBundledDecks(core.ctx);
  return { dir, core, result: result! };
}

describe('bundled decks', () => {
  it('import with zero warnings, at least 250 cards per language, every kind, every deck non-empty', async () => {
    const { core, result } = await freshWithBundled();
    expect(result.warnings).toEqual([]);
    const cards = (await core.call('cards/list', {})) as Card[];
    const byLang = (lang: string) => cards.filter((c) => c.lang === lang);
    expect(byLang('ko').length).toBeGreaterThanOrEqual(250);
    expect(byLang('en').length).toBeGreaterThanOrEqual(250);
    for (const lang of ['ko', 'en']) {
      expect(new Set(byLang(lang).map((c) => c.kind))).toEqual(
        new Set(['basic', 'reversed', 'cloze', 'list', 'manifest']),
      );
    }
    const decks = await core.call('decks/list', {});
    expect(decks.length).toBeGreaterThanOrEqual(16);
    for (const d of decks) {
      expect(d.bundled).toBe(true);
      expect(d.cards).toBeGreaterThanOrEqual(10);
    }
    core.close();
  });

  it('every bundled manifest passes the grader’s schema validation', async () => {
    const { core } = await freshWithBundled();
    const manifests = ((await core.call('cards/list', {})) as Card[]).filter((c) => c.kind === 'manifest');
    expect(manifests.length).toBeGreaterThanOrEqual(16);
    for (const m of manifests) {
      const v = gradeAgainstReference(m.answer, m.answer, { lang: 'en' });
      expect({ card: m.prompt, errors: v.errors }).toEqual({ card: m.prompt, errors: [] });
      expect(v.passed).toBe(true);
    }
    core.close();
  });

  it('a new database opened by the CLI lists the bundled cards with their language', () => {
    const db = join(tmpDir(), 'k.sqlite');
    const r = kubedeck(['cards', '--json', '--db', db], { env: { KUBEDECK_NO_BUNDLED: '' } });
    expect(r.code).toBe(0);
    const { cards } = r.json() as { cards: Card[] };
    expect(cards.length).toBeGreaterThanOrEqual(500);
    expect(new Set(cards.map((c) => c.lang))).toEqual(new Set(['ko', 'en']));
    const skipped = kubedeck(['cards', '--json', '--db', join(tmpDir(), 'k.sqlite'), '--no-bundled'], {
      env: { KUBEDECK_NO_BUNDLED: '' },
    });
    expect((skipped.json() as { cards: Card[] }).cards).toEqual([]);
  });

  it('a new version with changed decks updates cards and keeps the learner’s history', async () => {
    const notes = join(tmpDir(), 'notes');
    cpSync(BUNDLED_NOTES_DIR, notes, { recursive: true });
    const core = openCore({ dbPath: join(tmpDir(), 'k.sqlite'), bundled: false });
    await loadBundledDecks(core.ctx, notes);
    expect(await loadBundledDecks(core.ctx, notes)).toBeNull();
    const card = core.ctx.db
      .prepare("SELECT id, source_file, prompt FROM cards WHERE kind = 'basic' AND lang = 'ko' LIMIT 1")
      .get() as {
      id: string;
      source_file: string;
      prompt: string;
    };
    core.ctx.db.prepare('UPDATE cards SET reps = 5, stability = 30 WHERE id = ?').run(card.id);
    const file = join(notes, card.source_file.replace(/^bundled:/, ''));
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(card.prompt, `${card.prompt} `).concat('\n새 카드 :: 새 답\n'),
    );
    const update = (await loadBundledDecks(core.ctx, notes))!;
    expect(update.summary.new).toBe(1);
    expect(update.summary.suspended).toBe(0);
    expect(core.ctx.db.prepare('SELECT reps, stability FROM cards WHERE id = ?').get(card.id)).toEqual({
      reps: 5,
      stability: 30,
    });
    core.close();
  });

  it('hiding a language takes its decks out of the deck list flags and the review queue', async () => {
    const { core } = await freshWithBundled();
    const before = await core.call('review/next', {});
    await core.call('decks/hide-lang', { lang: 'ko', hidden: true });
    const decks = await core.call('decks/list', {});
    expect(decks.filter((d) => d.hidden).every((d) => d.lang === 'ko')).toBe(true);
    expect(decks.some((d) => d.hidden)).toBe(true);
    for (let i = 0; i < 5; i++) {
      const next = await core.call('review/next', {});
      expect(next.card?.lang).toBe('en');
      await core.call('review/rate', { cardId: next.card!.id, rating: 'good' });
    }
    await core.call('decks/hide-lang', { lang: 'ko', hidden: false });
    expect(before.card).not.toBeNull();
    core.close();
  });
});
