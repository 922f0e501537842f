import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../core/app.ts';
import { coreOnFiles } from '../support/core-on-files.ts';

const NOTE = [
  '# 포트',
  '',
  'kube-apiserver 포트 :: 6443',
  '스케줄러 포트 :: 10259',
  '- 컨트롤러 매니저 10257번 포트',
  '',
  'DNS 형식 :: <svc>.<ns>.svc.cluster.local',
  '',
].join('\n');

const setup = (files: Record<string, string> = { 'notes/ports.md': NOTE }) => coreOnFiles(files);

/** Gives a card a schedule and a review the way a rating would, so we can see whether it survives. */
function review(c: Core, cardId: string) {
  c.ctx.db
    .prepare('UPDATE cards SET state = 2, stability = 12.5, reps = 3, due = 1 WHERE id = ?')
    .run(cardId);
  c.ctx.db
    .prepare(
      `INSERT INTO review_log (card_id, rating, state_before, due, stability, difficulty, elapsed_days, last_elapsed_days,
        scheduled_days, elapsed_ms, reviewed_at) VALUES (?, 3, 1, 0, 12.5, 5, 1, 0, 12, 2000, 0)`,
    )
    .run(cardId);
}

const state = (c: Core) =>
  c.ctx.db
    .prepare(
      'SELECT id, prompt, answer, state, stability, reps, suspended, source_file, source_line FROM cards ORDER BY id',
    )
    .all() as {
    id: string;
    prompt: string;
    answer: string;
    stability: number;
    reps: number;
    suspended: number;
    source_file: string;
    source_line: number;
  }[];
const logCount = (c: Core, id: string) =>
  (c.ctx.db.prepare('SELECT count(*) n FROM review_log WHERE card_id = ?').get(id) as { n: number }).n;
const byPrompt = (c: Core, prompt: string) => state(c).find((r) => r.prompt === prompt)!;

describe('stable identity across re-imports', () => {
  it('imports, then re-importing the same notes changes nothing', async () => {
    const { dir, core: c } = setup();
    const first = await c.call('import/run', { paths: [join(dir, 'notes')] });
    expect(first.summary).toEqual({ new: 4, updated: 0, unchanged: 0, suspended: 0 });
    const before = state(c);
    const again = await c.call('import/run', { paths: [join(dir, 'notes')] });
    expect(again.summary).toEqual({ new: 0, updated: 0, unchanged: 4, suspended: 0 });
    expect(state(c)).toEqual(before);
  });

  it('keeps id, schedule and history when text around the card changes and lines are reordered', async () => {
    const { dir, core: c } = setup();
    await c.call('import/run', { paths: [join(dir, 'notes')] });
    const card = byPrompt(c, '스케줄러 포트');
    review(c, card.id);
    const edited = [
      '# 포트 정리 (수정됨)',
      '',
      '새로 쓴 문단이다.',
      '',
      '- 컨트롤러 매니저 10257번 포트',
      'DNS 형식 :: <svc>.<ns>.svc.cluster.local',
      '스케줄러 포트 :: 10259',
      'kube-apiserver 포트 :: 6443',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'notes/ports.md'), edited);
    const r = await c.call('import/run', { paths: [join(dir, 'notes')] });
    expect(r.summary.new).toBe(0);
    expect(r.summary.suspended).toBe(0);
    const after = byPrompt(c, '스케줄러 포트');
    expect(after.id).toBe(card.id);
    expect(after.stability).toBe(12.5);
    expect(after.reps).toBe(3);
    expect(after.source_line).toBe(7);
    expect(logCount(c, card.id)).toBe(1);
  });

  it('keeps history when the note file is renamed or moved to another folder', async () => {
    const { dir, core: c } = setup();
    await c.call('import/run', { paths: [join(dir, 'notes')] });
    const card = byPrompt(c, 'kube-apiserver 포트');
    review(c, card.id);
    mkdirSync(join(dir, 'notes/archive'));
    renameSync(join(dir, 'notes/ports.md'), join(dir, 'notes/archive/control-plane.md'));
    const r = await c.call('import/run', { paths: [join(dir, 'notes')] });
    expect(r.summary).toMatchObject({ new: 0, suspended: 0 });
    const moved = byPrompt(c, 'kube-apiserver 포트');
    expect(moved.id).toBe(card.id);
    expect(moved.source_file).toBe(join(dir, 'notes/archive/control-plane.md'));
    expect(moved.stability).toBe(12.5);
    expect(logCount(c, card.id)).toBe(1);
    // Importing only the moved file (the old path is outside the import) still finds the card.
    renameSync(join(dir, 'notes/archive/control-plane.md'), join(dir, 'moved.md'));
    const r2 = await c.call('import/run', { paths: [join(dir, 'moved.md')] });
    expect(r2.summary.new).toBe(0);
    expect(byPrompt(c, 'kube-apiserver 포트').id).toBe(card.id);
  });

  it('keeps history of a lightly reworded card and reports it as updated', async () => {
    const { dir, core: c } = setup();
    await c.call('import/run', { paths: [join(dir, 'notes')] });
    const card = byPrompt(c, '스케줄러 포트');
    review(c, card.id);
    writeFileSync(
      join(dir, 'notes/ports.md'),
      NOTE.replace('스케줄러 포트 :: 10259', '스케줄러의 포트 번호 :: 10259'),
    );
    const r = await c.call('import/run', { paths: [join(dir, 'notes')] });
    expect(r.summary).toEqual({ new: 0, updated: 1, unchanged: 3, suspended: 0 });
    const after = byPrompt(c, '스케줄러의 포트 번호');
    expect(after.id).toBe(card.id);
    expect(after.reps).toBe(3);
  });

  it('treats a rewrite beyond light rewording as a new card and suspends the old one', async () => {
    const { dir, core: c } = setup();
    await c.call('import/run', { paths: [join(dir, 'notes')] });
    writeFileSync(
      join(dir, 'notes/ports.md'),
      NOTE.replace('스케줄러 포트 :: 10259', 'etcd 피어 통신 :: 2380'),
    );
    const r = await c.call('import/run', { paths: [join(dir, 'notes')] });
    expect(r.summary).toEqual({ new: 1, updated: 0, unchanged: 3, suspended: 1 });
  });

  it('suspends cards whose source disappeared, keeps their history, and revives them when they return', async () => {
    const { dir, core: c } = setup({
      'notes/ports.md': NOTE,
      'notes/dns.md': 'CoreDNS ConfigMap :: coredns\n',
    });
    await c.call('import/run', { paths: [join(dir, 'notes')] });
    const card = byPrompt(c, 'CoreDNS ConfigMap');
    review(c, card.id);
    rmSync(join(dir, 'notes/dns.md'));
    const r = await c.call('import/run', { paths: [join(dir, 'notes')] });
    expect(r.summary).toEqual({ new: 0, updated: 0, unchanged: 4, suspended: 1 });
    expect(byPrompt(c, 'CoreDNS ConfigMap')).toMatchObject({ id: card.id, suspended: 1, reps: 3 });
    expect(logCount(c, card.id)).toBe(1);
    writeFileSync(join(dir, 'notes/dns.md'), 'CoreDNS ConfigMap :: coredns\n');
    const back = await c.call('import/run', { paths: [join(dir, 'notes')] });
    expect(back.summary).toMatchObject({ new: 0, updated: 1, suspended: 0 });
    expect(byPrompt(c, 'CoreDNS ConfigMap')).toMatchObject({ id: card.id, suspended: 0, reps: 3 });
  });

  it('does not suspend cards of notes outside the import', async () => {
    const { dir, core: c } = setup({ 'a/ports.md': NOTE, 'b/dns.md': 'CoreDNS ConfigMap :: coredns\n' });
    await c.call('import/run', { paths: [join(dir, 'a'), join(dir, 'b')] });
    const r = await c.call('import/run', { paths: [join(dir, 'b')] });
    expect(r.summary).toEqual({ new: 0, updated: 0, unchanged: 1, suspended: 0 });
    expect(state(c).every((s) => s.suspended === 0)).toBe(true);
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const { dir, core: c } = setup();
    const dry = await c.call('import/run', { paths: [join(dir, 'notes')], dryRun: true });
    expect(dry.summary.new).toBe(4);
    expect(dry.cards).toHaveLength(4);
    expect(state(c)).toEqual([]);
    const real = await c.call('import/run', { paths: [join(dir, 'notes')] });
    expect(
      state(c)
        .map((s) => s.id)
        .sort(),
    ).toEqual(dry.cards!.map((x) => x.id).sort());
    expect(real.summary.new).toBe(4);
  });
});

describe('the same notes from two places', () => {
  const OTHER = '# DNS\n\nCoreDNS 포트 :: 53\nclusterDomain 기본값 :: cluster.local\n';

  it('uploaded, then their folder imported: one copy of each card, history kept, and the preview says so', async () => {
    const { dir, core: c } = setup({ 'notes/ports.md': NOTE, 'notes/dns.md': OTHER });
    const up = await c.call('import/upload', {
      root: null,
      files: [
        { path: 'ports.md', text: NOTE },
        { path: 'dns.md', text: OTHER },
      ],
    });
    expect(up.summary.new).toBe(6);
    const card = byPrompt(c, '스케줄러 포트');
    review(c, card.id);

    // The folder preview knows these notes: nothing would be new.
    const dry = await c.call('import/run', { paths: [join(dir, 'notes')], dryRun: true, preview: true });
    expect(dry.summary.new).toBe(0);
    expect(dry.preview!.filter((p) => p.status === 'new')).toEqual([]);

    const folder = await c.call('import/run', { paths: [join(dir, 'notes')] });
    expect(folder.summary).toEqual({ new: 0, updated: 0, unchanged: 6, suspended: 0 });
    const cards = state(c);
    expect(cards).toHaveLength(6);
    // The reviewed card kept its schedule and log, and now points at the folder's file.
    expect(byPrompt(c, '스케줄러 포트')).toMatchObject({
      id: card.id,
      reps: 3,
      source_file: join(dir, 'notes', 'ports.md'),
    });
    expect(logCount(c, card.id)).toBe(1);
    const search = await c.call('browse/search', { text: '스케줄러' });
    expect(search.items.map((i) => i.id)).toEqual([card.id]);
  });

  it('an edited copy from the other place updates the note: new lines are new, removed ones suspended', async () => {
    const { dir, core: c } = setup({
      'notes/ports.md': NOTE.replace('스케줄러 포트 :: 10259', 'kubelet 포트 :: 10250'),
    });
    await c.call('import/upload', { root: null, files: [{ path: 'ports.md', text: NOTE }] });
    const kept = byPrompt(c, 'kube-apiserver 포트');
    const folder = await c.call('import/run', { paths: [join(dir, 'notes')] });
    expect(folder.summary).toEqual({ new: 1, updated: 0, unchanged: 3, suspended: 1 });
    expect(byPrompt(c, 'kube-apiserver 포트').id).toBe(kept.id);
    expect(state(c).filter((r) => r.suspended === 0)).toHaveLength(4);
  });

  it('two files of one import stay two notes, and a note of another deck is not taken', async () => {
    const { dir, core: c } = setup({
      'a/ports.md': NOTE,
      'b/ports.md': `---\ndeck: 다른 덱\n---\n${NOTE}`,
    });
    await c.call('import/run', { paths: [join(dir, 'a')] });
    const other = await c.call('import/run', { paths: [join(dir, 'b')] });
    // Its cards the learner wrote are its own; the one a rule made (the controller manager's port) is a's already.
    expect(other.summary.new).toBe(3);
    expect(other.duplicates).toBe(1);
    expect(state(c)).toHaveLength(7);
  });
});
