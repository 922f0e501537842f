import { cpSync, readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../core/app.ts';
import { BUNDLED_NOTES_DIR, loadBundledDecks } from '../../core/bundled.ts';
import { getSetting } from '../../db/settings.ts';
import { tmpDir } from '../support/tmp.ts';

describe('bundled decks freshness', () => {
  it('notes touched but unchanged (a fresh checkout) are not re-imported; their new times are remembered', async () => {
    const notes = join(tmpDir(), 'notes');
    cpSync(BUNDLED_NOTES_DIR, notes, { recursive: true });
    const core = openCore({ dbPath: join(tmpDir(), 'k.sqlite'), bundled: false });
    expect((await loadBundledDecks(core.ctx, notes))?.summary.new).toBeGreaterThan(500);
    const statBefore = getSetting(core.ctx.db, 'bundled.notesStat');
    const later = new Date(Date.now() + 60_000);
    for (const f of readdirSync(join(notes, 'ko'))) utimesSync(join(notes, 'ko', f), later, later);
    expect(await loadBundledDecks(core.ctx, notes)).toBeNull();
    expect(getSetting(core.ctx.db, 'bundled.notesStat')).not.toBe(statBefore);
    expect(await loadBundledDecks(core.ctx, notes)).toBeNull();
    core.close();
  });
});
