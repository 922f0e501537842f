import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, openCore } from '../../core/app.ts';
import { tickingClock } from '../support/clock.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

const NOTE = [
  '# Networking Cluster Node',
  '',
  '* `kubelet` 포트 :: 19250',
  '* `kube-apiserver`는 `6443` 포트 오픈',
  '',
  'NodePort 범위 :: 3000-32767',
  'NodePort 타입으로 포트 80 을 파드의 8080 으로 넘기는 Service web 을 작성한다:',
  '```yaml',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  'spec:',
  '  type: NodePort',
  '  ports:',
  '    - port: 80',
  '      TargetPort: 8080',
  '```',
  '',
].join('\n');

let core: Core | undefined;
afterEach(() => core?.close());

function setup() {
  const dir = tmpDir();
  writeFiles(dir, { 'notes/net.md': NOTE });
  core = openCore({
    dbPath: join(dir, 'k.sqlite'),
    now: tickingClock('2026-03-01T09:00:00Z'),
    bundled: false,
  });
  return { dir, core };
}

const cardsOf = (c: Core) =>
  c.ctx.db
    .prepare('SELECT id, rule, prompt, answer, source_line FROM cards ORDER BY source_line, id')
    .all() as {
    id: string;
    rule: string;
    prompt: string;
    answer: string;
    source_line: number;
  }[];

describe('a flagged card carries the warning, and the learner decides', () => {
  it('imports every card (never refused) and shows each card the findings of its line, in ko and en', async () => {
    const { dir, core: c } = setup();
    const r = await c.call('import/run', { paths: [join(dir, 'notes')] });
    // The learner's own cards (`::`) are made whatever they say; only a card a rule proposed, such as the list
    // under the heading, is not made when its answer would drill the wrong port (test/import/known-errors.test.ts).
    expect(r.summary.new).toBeGreaterThanOrEqual(5);
    expect(r.warnings.map((w) => w.line)).toEqual([3, 6, 17]);
    const cards = cardsOf(c);
    const port = cards.find((k) => k.answer === '19250')!;
    const checks = await c.call('note-checks/card', { cardId: port.id }, { lang: 'ko' });
    expect(checks).toEqual([
      expect.objectContaining({
        kind: 'fact',
        line: 3,
        said: '19250',
        kubernetes: '10250',
        about: 'kubelet API 포트',
      }),
    ]);
    expect(checks[0]!.source).toContain('ports-and-protocols');
    // A whole manifest is a suggestion at the standard density; accepted, it is a card carrying its line's check.
    const offered = await c.call('browse/suggestions', { rule: 'manifest' });
    expect(offered.items).toHaveLength(1);
    await c.call('suggestions/accept', { id: offered.items[0]!.id });
    const manifest = cardsOf(c).find((k) => k.rule === 'manifest')!;
    const onManifest = await c.call('note-checks/card', { cardId: manifest.id }, { lang: 'en' });
    expect(onManifest.map((k) => [k.kind, k.line, k.said])).toEqual([['manifest', 17, 'TargetPort: 8080']]);
    expect(onManifest[0]!.kubernetes).toContain('did you mean targetPort');
    // A card about a line with nothing wrong carries nothing.
    const api = cards.find((k) => k.answer === '6443');
    if (api) expect(await c.call('note-checks/card', { cardId: api.id })).toEqual([]);
  });

  it('a dismissal is stored per card and survives a re-import of the changed note', async () => {
    const { dir, core: c } = setup();
    await c.call('import/run', { paths: [join(dir, 'notes')] });
    const port = cardsOf(c).find((k) => k.answer === '19250')!;
    const [check] = await c.call('note-checks/card', { cardId: port.id });
    const after = await c.call('note-checks/dismiss', { cardId: port.id, key: check!.key });
    expect(after.map((k) => k.dismissed)).toEqual([true]);
    // The note changes elsewhere (a line added above): the card keeps its id, and the dismissal with it.
    writeFileSync(join(dir, 'notes', 'net.md'), `# 노트\n\n${NOTE}`);
    const again = await c.call('import/run', { paths: [join(dir, 'notes')] });
    expect(again.warnings.map((w) => w.line)).toEqual([5, 8, 19]);
    const same = cardsOf(c).find((k) => k.answer === '19250')!;
    expect(same.id).toBe(port.id);
    expect(same.source_line).toBe(5);
    expect((await c.call('note-checks/card', { cardId: same.id })).map((k) => [k.line, k.dismissed])).toEqual(
      [[5, true]],
    );
    // Review shows only what is not dismissed; restoring brings it back.
    await c.call('note-checks/restore', { cardId: same.id, key: check!.key });
    expect((await c.call('note-checks/card', { cardId: same.id }))[0]!.dismissed).toBe(false);
  });

  it('fixing the note clears the finding on the next import', async () => {
    const { dir, core: c } = setup();
    await c.call('import/run', { paths: [join(dir, 'notes')] });
    writeFileSync(join(dir, 'notes', 'net.md'), NOTE.replace('19250', '10250'));
    const r = await c.call('import/run', { paths: [join(dir, 'notes')] });
    expect(r.warnings.map((w) => w.line)).toEqual([6, 17]);
    const port = cardsOf(c).find((k) => k.answer === '10250')!;
    expect(await c.call('note-checks/card', { cardId: port.id })).toEqual([]);
  });

  it('review/next hands the due card its undismissed findings', async () => {
    const { dir, core: c } = setup();
    await c.call('import/run', { paths: [join(dir, 'notes')] });
    const port = cardsOf(c).find((k) => k.answer === '19250')!;
    // Only the flagged card is due, so it is the one review/next picks.
    c.ctx.db.prepare('UPDATE cards SET suspended = 1 WHERE id <> ?').run(port.id);
    const next = await c.call('review/next', {}, { lang: 'en' });
    expect(next.card!.id).toBe(port.id);
    expect(next.card!.checks).toEqual([expect.objectContaining({ said: '19250', kubernetes: '10250' })]);
    const [check] = next.card!.checks;
    await c.call('note-checks/dismiss', { cardId: port.id, key: check!.key });
    expect((await c.call('review/next', {})).card!.checks).toEqual([]);
  });
});
