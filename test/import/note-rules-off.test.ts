import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NoteWarning } from '../../content/markdown/types.ts';
import { type Core, openCore } from '../../core/app.ts';
import { withRuleOff } from '../../core/import/note-rules-off.ts';
import { readNoteSwitches } from '../../core/import/rule-switches.ts';
import { tickingClock } from '../support/clock.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

let core: Core | undefined;
afterEach(() => core?.close());

describe('switching a rule off in one note', () => {
  it('writes rules-off into the front matter in whichever form the note uses, touching nothing else', () => {
    expect(withRuleOff('# Ports\n', 'list')).toBe('---\nrules-off: [list]\n---\n# Ports\n');
    expect(withRuleOff('---\ndeck: 포트\n---\n본문\n', 'list')).toBe(
      '---\ndeck: 포트\nrules-off: [list]\n---\n본문\n',
    );
    expect(withRuleOff('---\nrules-off: [auto-cloze]\n---\nx\n', 'list')).toBe(
      '---\nrules-off: [auto-cloze, list]\n---\nx\n',
    );
    expect(withRuleOff('---\nrules-off:\n    - auto-cloze\ntags: [a]\n---\nx\n', 'list')).toBe(
      '---\nrules-off:\n    - auto-cloze\n    - list\ntags: [a]\n---\nx\n',
    );
    expect(withRuleOff('---\nrules-off: auto-cloze\n---\nx\n', 'list')).toBe(
      '---\nrules-off: [auto-cloze, list]\n---\nx\n',
    );
    // Already off: the same bytes; Windows line ends stay Windows line ends.
    expect(withRuleOff('---\nrules-off: [list]\n---\nx\n', 'list')).toBe('---\nrules-off: [list]\n---\nx\n');
    expect(withRuleOff('---\r\ndeck: a\r\n---\r\nx\r\n', 'list')).toBe(
      '---\r\ndeck: a\r\nrules-off: [list]\r\n---\r\nx\r\n',
    );
  });

  // Hugo and Zola notes keep their settings in `+++` TOML: a YAML block put above it would break the site's build.
  it('writes rules-off into a +++ TOML block in TOML, and reads it back from there', () => {
    const hugo =
      '+++\ntitle = "쿠버네티스 서비스"\ntags = ["k8s"]\n[taxonomies]\ncategories = ["DevOps"]\n+++\n본문\n';
    const off = withRuleOff(hugo, 'list');
    expect(off).toBe(
      '+++\ntitle = "쿠버네티스 서비스"\ntags = ["k8s"]\nrules-off = ["list"]\n[taxonomies]\ncategories = ["DevOps"]\n+++\n본문\n',
    );
    expect(withRuleOff(off, 'auto-cloze')).toContain('rules-off = ["list", "auto-cloze"]');
    expect(withRuleOff(off, 'list')).toBe(off);
    expect(withRuleOff('+++\nrules-off = [\n  "list",\n]\n+++\nx\n', 'table')).toBe(
      '+++\nrules-off = [\n  "table",\n  "list",\n]\n+++\nx\n',
    );
    const warnings: NoteWarning[] = [];
    expect(readNoteSwitches(withRuleOff(off, 'table'), 'post.md', warnings).off).toEqual(['list', 'table']);
    expect(
      readNoteSwitches('+++\nrules-off = ["no-such-rule"]\nbold-cloze = "yes"\n+++\n', 'post.md', warnings),
    ).toEqual({
      off: [],
      on: [],
    });
    expect(warnings.map((w) => [w.line, w.code])).toEqual([
      [2, 'unknown-rule'],
      [3, 'switch-not-boolean'],
    ]);
  });

  it('for a bundled note: a per-note setting that the next load of the bundled decks applies; bad cards are suspended', async () => {
    const dir = tmpDir();
    const dbPath = join(dir, 'k.sqlite');
    core = openCore({ dbPath, bundled: true, now: tickingClock('2026-03-01T09:00:00Z') });
    await core.call('decks/list', {});
    const db = core.ctx.db;
    // The bundled note with the most cards of one free-form rule.
    const pick = db
      .prepare(
        `SELECT source_file AS file, rule, count(*) AS n FROM cards
         WHERE source_file LIKE 'bundled:%' AND rule NOT LIKE 'explicit-%' AND orphaned = 0
         GROUP BY source_file, rule ORDER BY n DESC LIMIT 1`,
      )
      .get() as { file: string; rule: string; n: number };
    expect(pick.n).toBeGreaterThanOrEqual(3);
    const ids = (
      db
        .prepare('SELECT id FROM cards WHERE source_file = ? AND rule = ? ORDER BY id')
        .all(pick.file, pick.rule) as {
        id: string;
      }[]
    ).map((r) => r.id);
    // Bundled cards cannot be deleted, but "bad card" suspends them and leaves the same tombstone.
    await expect(core.call('cards/delete', { cardId: ids[0]! })).rejects.toThrow(/bundled/);
    await core.call('review/bad-card', { cardId: ids[0]! });
    await core.call('review/bad-card', { cardId: ids[1]! });
    const third = await core.call('review/bad-card', { cardId: ids[2]! });
    expect(third).toMatchObject({
      outcome: 'suspended',
      offer: { file: pick.file, rule: pick.rule, deletions: 3 },
    });
    expect(db.prepare('SELECT suspended FROM cards WHERE id = ?').get(ids[0])).toEqual({ suspended: 1 });
    expect(await core.call('import/rule-off', { file: pick.file, rule: pick.rule })).toMatchObject({
      where: 'note setting',
    });
    core.close();
    // The setting is part of what re-reads the bundled decks: the next open applies it.
    core = openCore({ dbPath, bundled: true, now: tickingClock('2026-03-02T09:00:00Z') });
    await core.call('decks/list', {});
    const live = core.ctx.db
      .prepare('SELECT count(*) AS n FROM cards WHERE source_file = ? AND rule = ? AND orphaned = 0')
      .get(pick.file, pick.rule) as { n: number };
    expect(live.n).toBe(0);
  });

  it('refuses an unknown rule by name', async () => {
    const dir = tmpDir();
    writeFiles(dir, { 'notes/ports.md': '# 포트\n' });
    core = openCore({ dbPath: join(dir, 'k.sqlite'), bundled: false });
    await expect(
      core.call('import/rule-off', { file: join(dir, 'notes', 'ports.md'), rule: 'auto-clozes' }),
    ).rejects.toThrow(/unknown rule "auto-clozes"/);
  });
});
