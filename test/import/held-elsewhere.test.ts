import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../core/app.ts';
import { SERVICE_NOTES } from '../fixtures/service-notes.ts';
import { kubedeck } from '../support/cli.ts';
import { coreOnFiles } from '../support/core-on-files.ts';

// A rule's card that another note of the collection already holds, word for word, is not made again
// (core/import/held-elsewhere.ts): every note with a Service manifest asks the kind's apiVersion.

// The learner's own question, written in both English notes: it stays in both.
const OWN = "\nWhat is the web tier's port? :: 80\n";
const EN_WEB = SERVICE_NOTES.en.web + OWN;
const EN_API = SERVICE_NOTES.en.api + OWN;
const KO_WEB = SERVICE_NOTES.ko.web;
const KO_API = SERVICE_NOTES.ko.api;

const setup = coreOnFiles;

type Row = { prompt: string; answer: string; source_file: string; orphaned: number };
const cards = (c: Core) =>
  c.ctx.db
    .prepare('SELECT prompt, answer, source_file, orphaned FROM cards ORDER BY source_file')
    .all() as Row[];
const asked = (c: Core, prompt: string) => cards(c).filter((r) => r.prompt === prompt && r.orphaned === 0);

describe("a rule's card another note already holds", () => {
  it('is made once for a folder of notes, and stays once on every import after (en, ko)', async () => {
    const { core: c, notes } = setup({
      'notes/api.md': EN_API,
      'notes/web.md': EN_WEB,
      'notes/ko-api.md': KO_API,
      'notes/ko-web.md': KO_WEB,
    });
    const first = await c.call('import/run', { paths: [notes] });
    expect(asked(c, 'apiVersion of kind: Service')).toHaveLength(1);
    expect(asked(c, 'kind: Service 의 apiVersion')).toHaveLength(1);
    expect(first.duplicates).toBe(2);
    // The question the learner wrote in two notes is theirs: both stay.
    expect(asked(c, "What is the web tier's port?")).toHaveLength(2);
    const again = await c.call('import/run', { paths: [notes] });
    expect(again.summary).toMatchObject({ new: 0, updated: 0, suspended: 0 });
    expect(asked(c, 'apiVersion of kind: Service')).toHaveLength(1);
  });

  it('is left out of a note imported later, and says so in the dry run and on the command line', async () => {
    const { dir, core: c, notes } = setup({ 'notes/web.md': EN_WEB, 'later/api.md': EN_API });
    await c.call('import/run', { paths: [notes] });
    const dry = await c.call('import/run', { paths: [join(dir, 'later')], dryRun: true });
    expect(dry.duplicates).toBe(1);
    expect(dry.cards?.some((x) => x.prompt === 'apiVersion of kind: Service')).toBe(false);
    c.close();
    const cli = kubedeck(['import', join(dir, 'later'), '--db', join(dir, 'k.sqlite')]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('not made (another note already has the same card): 1');
    // Read again, the later note still leaves it to the note that holds it.
    const json = kubedeck([
      'import',
      join(dir, 'later'),
      '--db',
      join(dir, 'k.sqlite'),
      '--dry-run',
      '--json',
    ]);
    expect((json.json() as { duplicates: number }).duplicates).toBe(1);
  });

  it('goes to the other note once the one that held it stops making it and the other is read again', async () => {
    const { core: c, notes } = setup({ 'notes/api.md': EN_API, 'notes/web.md': EN_WEB });
    await c.call('import/run', { paths: [notes] });
    const holder = asked(c, 'apiVersion of kind: Service')[0]!.source_file;
    const other = holder.endsWith('api.md') ? 'web.md' : 'api.md';
    // The holder loses its manifest: its card is no longer made there.
    writeFileSync(holder, '# Gone\n\nNo manifest here any more.\n');
    await c.call('import/run', { paths: [notes] });
    expect(asked(c, 'apiVersion of kind: Service')).toHaveLength(0);
    // The other note, edited, is read again and makes the card.
    writeFileSync(join(notes, other), `${other === 'web.md' ? EN_WEB : EN_API}\nOne more line.\n`);
    await c.call('import/run', { paths: [notes] });
    expect(asked(c, 'apiVersion of kind: Service').map((r) => r.source_file)).toEqual([join(notes, other)]);
  });
});
