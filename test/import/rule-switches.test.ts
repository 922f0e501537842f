import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubedeck } from '../support/cli.ts';
import { coreOnFiles } from '../support/core-on-files.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

// Written as cards (density: all), so each of its rules makes a card whatever the selection's line: the switches
// are what is tested here. WRITTEN goes into a note's own front matter.
const WRITTEN = 'density: all';
const BODY = [
  '# 포트',
  '',
  'kube-apiserver 포트 :: 6443',
  'NodePort 범위: 30000-32767',
  '',
  '컨트롤 플레인 컴포넌트 포트',
  '- kube-apiserver 6443번 포트',
  '- 스케줄러 10259번 포트',
  '',
].join('\n');
const PORTS = `---\n${WRITTEN}\n---\n${BODY}`;

const setup = coreOnFiles;

const rulesOf = (cards: { rule: string }[] | undefined) => [...new Set(cards?.map((c) => c.rule))].sort();

describe('switching rules off', () => {
  it('for the whole collection with import.rulesOff, reported per rule in the dry run', async () => {
    const { core: c, notes } = setup({ 'notes/ports.md': PORTS });
    const all = await c.call('import/run', { paths: [notes], dryRun: true });
    // One card per fact: "kube-apiserver 6443번 포트" asks the port (auto-cloze); the subject asked back
    // (sentence-cloze) loses that line to it.
    expect(rulesOf(all.cards)).toEqual(['auto-cloze', 'explicit-basic', 'list', 'term-definition']);
    expect(all.byRule).toEqual({
      'auto-cloze': { new: 2, updated: 0, unchanged: 0 },
      'explicit-basic': { new: 1, updated: 0, unchanged: 0 },
      list: { new: 1, updated: 0, unchanged: 0 },
      'term-definition': { new: 1, updated: 0, unchanged: 0 },
    });
    expect(all.rulesOff).toEqual({});

    const s = await c.call('settings/set', { key: 'import.rulesOff', value: 'auto-cloze term-definition' });
    expect(s).toMatchObject({ 'import.rulesOff': ['auto-cloze', 'term-definition'] });
    const some = await c.call('import/run', { paths: [notes], dryRun: true });
    expect(rulesOf(some.cards)).toEqual(['explicit-basic', 'list']);
    expect(some.rulesOff).toEqual({
      'auto-cloze': { cards: 2, by: ['setting'] },
      'term-definition': { cards: 1, by: ['setting'] },
    });
    await expect(c.call('settings/set', { key: 'import.rulesOff', value: 'auto-clozes' })).rejects.toThrow(
      /import\.rulesOff: unknown rule "auto-clozes" \(known: .*auto-cloze/,
    );
  });

  it('per note in front matter: rules-off adds to the setting, rules-on takes a rule back for that note', async () => {
    const { core: c, notes } = setup({
      'notes/quiet.md': `---\nrules-off: [auto-cloze, list]\n${WRITTEN}\n---\n${BODY}`,
      'notes/loud.md': `---\nrules-on: [term-definition]\n${WRITTEN}\n---\n${BODY}`,
      'notes/plain.md': PORTS,
    });
    await c.call('settings/set', { key: 'import.rulesOff', value: 'term-definition' });
    const r = await c.call('import/run', { paths: [notes], dryRun: true });
    expect(r.warnings).toEqual([]);
    // One note at a time: the three say the same, and in one import a rule's card another note already holds is
    // not made again (held-elsewhere.ts).
    const of = async (name: string) =>
      rulesOf((await c.call('import/run', { paths: [join(notes, name)], dryRun: true })).cards);
    expect(await of('quiet.md')).toEqual(['explicit-basic']);
    expect(await of('loud.md')).toEqual(['auto-cloze', 'explicit-basic', 'list', 'term-definition']);
    expect(await of('plain.md')).toEqual(['auto-cloze', 'explicit-basic', 'list']);
    expect(r.rulesOff).toEqual({
      'auto-cloze': { cards: 2, by: ['front matter'] },
      list: { cards: 1, by: ['front matter'] },
      'term-definition': { cards: 2, by: ['setting'] },
    });
  });

  it('warns about an unknown rule name at its front-matter line and imports the note', async () => {
    const { core: c, notes } = setup({
      'notes/a.md':
        '---\ndeck: 포트\nrules-off: [auto-clozes, list]\nbold-cloze: maybe\n---\nkube-apiserver 포트 :: 6443\n',
    });
    const r = await c.call('import/run', { paths: [notes] });
    expect(r.summary.new).toBe(1);
    expect(r.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      expect.stringMatching(/^3: rules-off: unknown rule "auto-clozes" \(known: /),
      '4: bold-cloze: expected true or false',
    ]);
  });

  it('switching a rule off suspends its cards with their history; switching it on brings the same cards back', async () => {
    const { core: c, notes } = setup({ 'notes/ports.md': PORTS });
    await c.call('import/run', { paths: [notes] });
    const db = c.ctx.db;
    const cloze = db.prepare("SELECT id FROM cards WHERE rule = 'auto-cloze'").all() as { id: string }[];
    expect(cloze).toHaveLength(2);
    db.prepare("UPDATE cards SET reps = 4, stability = 9.5, state = 2 WHERE rule = 'auto-cloze'").run();

    await c.call('settings/set', { key: 'import.rulesOff', value: 'auto-cloze' });
    const off = await c.call('import/run', { paths: [notes] });
    expect(off.summary).toEqual({ new: 0, updated: 0, unchanged: 3, suspended: 2 });
    const suspended = db
      .prepare('SELECT id, reps, suspended FROM cards WHERE rule = ? ORDER BY id')
      .all('auto-cloze');
    expect(suspended).toEqual(
      cloze.map((x) => ({ id: x.id, reps: 4, suspended: 1 })).sort((a, b) => a.id.localeCompare(b.id)),
    );

    await c.call('settings/set', { key: 'import.rulesOff', value: 'none' });
    const on = await c.call('import/run', { paths: [notes] });
    expect(on.summary).toEqual({ new: 0, updated: 2, unchanged: 3, suspended: 0 });
    const back = db
      .prepare("SELECT id, reps, stability, suspended FROM cards WHERE rule = 'auto-cloze'")
      .all();
    expect(back).toHaveLength(2);
    for (const b of back) expect(b).toMatchObject({ reps: 4, stability: 9.5, suspended: 0 });
    expect((back as { id: string }[]).map((b) => b.id).sort()).toEqual(cloze.map((x) => x.id).sort());
  });

  it('takes bold-cloze and curly-cloze from the settings and front matter without complaint', async () => {
    const { core: c, notes } = setup({
      'notes/a.md': '---\nbold-cloze: true\ncurly-cloze: false\n---\nkube-apiserver 포트 :: 6443\n',
    });
    const s = await c.call('settings/set', { key: 'import.curlyCloze', value: 'on' });
    expect(s).toMatchObject({ 'import.boldCloze': false, 'import.curlyCloze': true });
    const r = await c.call('import/run', { paths: [notes] });
    expect(r).toMatchObject({ summary: { new: 1 }, warnings: [] });
    await expect(c.call('settings/set', { key: 'import.boldCloze', value: 'maybe' })).rejects.toThrow(
      'import.boldCloze: "maybe" is not true or false',
    );
  });
});

describe('kubedeck import --dry-run and settings from the terminal', () => {
  it('prints cards per rule and the rules switched off', () => {
    const dir = tmpDir();
    writeFiles(dir, { 'notes/ports.md': `---\nrules-off: [list]\n${WRITTEN}\n---\n${BODY}` });
    const db = join(dir, 'k.sqlite');
    const set = kubedeck(['settings', 'import.rulesOff', 'term-definition', '--db', db]);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('import.rulesOff = term-definition');
    const r = kubedeck(['import', join(dir, 'notes'), '--dry-run', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      '(dry run, nothing written) new 3, updated 0, unchanged 0, suspended 0, warnings 0',
      'rule                 new  updated  unchanged',
      'auto-cloze             2        0          0',
      'explicit-basic         1        0          0',
      'list             switched off (front matter): 1 cards not imported',
      'term-definition  switched off (setting import.rulesOff): 1 cards not imported',
      '',
    ]);
  });
});
