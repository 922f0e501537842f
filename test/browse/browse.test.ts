import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, openCore } from '../../core/app.ts';
import { loadMigrations } from '../../db/migrations.ts';
import { openDatabase } from '../../db/open.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

const NOTE = `---
deck: 네트워크
tags: [cka]
---
# 서비스

kube-proxy 모드 :: iptables 또는 IPVS
클러스터 DNS 서비스 이름 :: kube-dns
NodePort 범위는 ==30000-32767==
`;

let core: Core | undefined;
afterEach(() => {
  core?.close();
  core = undefined;
});

function fresh(files: Record<string, string> = { 'notes/net.md': NOTE }) {
  const dir = tmpDir();
  writeFiles(dir, files);
  core = openCore({
    dbPath: join(dir, 'k.sqlite'),
    bundled: false,
    now: () => new Date('2027-01-10T10:00:00Z'),
  });
  return { dir, core };
}

const prompts = async (c: Core, args: Parameters<Core['call']>[1]) =>
  ((await c.call('browse/search', args as never)) as { items: { prompt: string }[] }).items.map(
    (i) => i.prompt,
  );

describe('Browse search (FTS5 trigram, Korean included)', () => {
  it('finds cards by Korean words of 3+ characters through the index and 2-character words through LIKE', async () => {
    const { dir, core } = fresh();
    await core.call('import/run', { paths: [join(dir, 'notes')] });
    expect(await prompts(core, { text: '클러스터' })).toEqual(['클러스터 DNS 서비스 이름']);
    // "모드" is two syllables: below the trigram size, answered by LIKE.
    expect(await prompts(core, { text: '모드' })).toEqual(['kube-proxy 모드']);
    // The heading is every card's context, so it finds all three.
    expect((await prompts(core, { text: '서비스' })).length).toBe(3);
    expect(await core.call('browse/count', { text: '서비스' })).toEqual({ total: 3 });
    expect(await core.call('browse/search', { text: '서비스', limit: 2 })).toMatchObject({
      total: null,
      more: true,
    });
    expect(await core.call('browse/search', { text: '서비스', offset: 2, limit: 2 })).toMatchObject({
      total: 3,
      more: false,
    });
    expect(await prompts(core, { text: 'ipvs' })).toEqual(['kube-proxy 모드']);
    expect(await prompts(core, { text: 'kube-dns' })).toEqual(['클러스터 DNS 서비스 이름']);
    // Quotes and FTS operators typed by the learner are plain text, not syntax errors.
    expect(await prompts(core, { text: '"kube OR NEAR(' })).toEqual([]);
    expect((await prompts(core, { text: '' })).length).toBe(3);
    expect(await prompts(core, { text: '', rule: 'explicit-cloze' })).toEqual(['NodePort 범위는 [...]']);
    expect((await prompts(core, { text: '', deck: '네트워크', tag: 'cka', state: 'new' })).length).toBe(3);
    expect(await prompts(core, { text: '', state: 'suspended' })).toEqual([]);
    expect(await prompts(core, { text: '', leech: true })).toEqual([]);
  });

  it('keeps the index in step with edits and deletes, and undoes a delete with its history', async () => {
    const { dir, core } = fresh();
    await core.call('import/run', { paths: [join(dir, 'notes')] });
    const [hit] = ((await core.call('browse/search', { text: '클러스터' })) as { items: { id: string }[] })
      .items;
    await core.call('review/rate', { cardId: hit!.id, rating: 'good', early: true });
    await core.call('cards/delete', { cardId: hit!.id });
    expect(await prompts(core, { text: '클러스터' })).toEqual([]);
    await core.call('cards/undelete', {});
    expect(await prompts(core, { text: '클러스터' })).toEqual(['클러스터 DNS 서비스 이름']);
    const detail = await core.call('browse/card', { cardId: hit!.id });
    expect(detail.history.map((h) => h.rating)).toEqual(['good']);
    expect(detail.memory.stability).toBeGreaterThan(0);
    expect(detail.memory.retrievability).toBeGreaterThan(0.9);
    await expect(core.call('cards/undelete', {})).rejects.toThrow(/no deleted card/);
  });

  it('edits a card in its note: the line is rewritten on disk, the note re-imported, id and history kept', async () => {
    const { dir, core } = fresh();
    await core.call('import/run', { paths: [join(dir, 'notes')] });
    const [hit] = ((await core.call('browse/search', { text: 'kube-proxy' })) as { items: { id: string }[] })
      .items;
    await core.call('review/rate', { cardId: hit!.id, rating: 'good', early: true });
    const before = await core.call('browse/card', { cardId: hit!.id });
    expect(before.source).toMatchObject({
      line: 7,
      edit: 'note',
      lineText: 'kube-proxy 모드 :: iptables 또는 IPVS',
    });
    const res = await core.call('cards/edit-source', {
      cardId: hit!.id,
      expected: before.source.lineText!,
      text: 'kube-proxy 모드 :: iptables, IPVS 또는 nftables',
    });
    expect(res.cardId).toBe(hit!.id);
    expect(res.summary.updated).toBe(1);
    expect(readFileSync(join(dir, 'notes/net.md'), 'utf8').split('\n')[6]).toBe(
      'kube-proxy 모드 :: iptables, IPVS 또는 nftables',
    );
    const after = await core.call('browse/card', { cardId: hit!.id });
    expect(after.card.answer).toBe('iptables, IPVS 또는 nftables');
    expect(after.card.deck).toBe('네트워크');
    expect(after.history).toHaveLength(1);
    expect(await prompts(core, { text: 'nftables' })).toEqual(['kube-proxy 모드']);
  });

  it('refuses an edit when the note changed on disk meanwhile, and writes nothing', async () => {
    const { dir, core } = fresh();
    await core.call('import/run', { paths: [join(dir, 'notes')] });
    const [hit] = ((await core.call('browse/search', { text: 'kube-proxy' })) as { items: { id: string }[] })
      .items;
    const file = join(dir, 'notes/net.md');
    const changed = NOTE.replace('iptables 또는 IPVS', 'IPVS');
    writeFileSync(file, changed);
    await expect(
      core.call('cards/edit-source', {
        cardId: hit!.id,
        expected: 'kube-proxy 모드 :: iptables 또는 IPVS',
        text: 'kube-proxy 모드 :: nftables',
      }),
    ).rejects.toThrow(/net\.md:7 changed since it was shown/);
    expect(readFileSync(file, 'utf8')).toBe(changed);
  });
});

describe('Import uploads and preview', () => {
  it('previews with skip keys, imports an upload, and treats the same folder uploaded again as a re-import', async () => {
    const { core } = fresh({});
    const files = [
      { path: 'net.md', text: NOTE },
      { path: 'img.png', text: 'x' },
    ];
    const dry = await core.call('import/upload', { root: 'cka', files, dryRun: true, preview: true });
    expect(dry.preview!.map((c) => [c.status, c.source.file, c.source.line])).toEqual([
      ['new', 'cka/net.md', 7],
      ['new', 'cka/net.md', 8],
      ['new', 'cka/net.md', 9],
    ]);
    expect(dry.warnings).toContainEqual(
      expect.objectContaining({ file: 'img.png', line: 1, message: expect.stringMatching(/not a Markdown/) }),
    );
    const skipKey = dry.preview![1]!.key;
    const first = await core.call('import/upload', { root: 'cka', files, skip: { cards: [skipKey] } });
    expect(first.summary).toEqual({ new: 2, updated: 0, unchanged: 0, suspended: 0 });
    const again = await core.call('import/upload', { root: 'cka', files });
    expect(again.summary).toEqual({ new: 1, updated: 0, unchanged: 2, suspended: 0 });
    const less = await core.call('import/upload', {
      root: 'cka',
      files: [{ path: 'net.md', text: NOTE }],
      skip: { rules: ['explicit-cloze'] },
    });
    expect(less.summary).toEqual({ new: 0, updated: 0, unchanged: 2, suspended: 1 });
  });

  it('refuses path tricks in uploads', async () => {
    const { core } = fresh({});
    await expect(
      core.call('import/upload', { root: 'x', files: [{ path: '../evil.md', text: 'a :: b' }] }),
    ).rejects.toThrow(/not a plain file or folder name/);
    await expect(
      core.call('import/upload', { root: '..', files: [{ path: 'a.md', text: 'a :: b' }] }),
    ).rejects.toThrow(/not a plain/);
  });

  it('reports progress: every file read, then cards written', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 5; i++) files[`n/${i}.md`] = `q${i} :: a${i}\n`;
    const { dir, core } = fresh(files);
    const seen: string[] = [];
    await core.call(
      'import/run',
      { paths: [join(dir, 'n')] },
      { progress: (p) => seen.push(`${p.phase} ${p.done}/${p.total}`) },
    );
    expect(seen[0]).toBe('read 1/5');
    expect(seen).toContain('read 5/5');
    expect(seen.at(-1)).toBe('write 5/5');
  });
});

describe('migration 0005: the search index is backfilled', () => {
  it('indexes cards that existed before the migration', () => {
    const dir = tmpDir();
    const REAL = join(import.meta.dirname, '..', '..', 'db', 'migrations');
    const mig = join(dir, 'm');
    mkdirSync(mig);
    for (const f of readdirSync(REAL).filter((f) => f < '0005')) copyFileSync(join(REAL, f), join(mig, f));
    const path = join(dir, 'k.sqlite');
    const v4 = openDatabase(path, { migrations: loadMigrations(mig) });
    v4.db.prepare("INSERT INTO decks (id, name, created_at) VALUES ('d', 'd', 0)").run();
    v4.db
      .prepare(
        `INSERT INTO cards (id, deck_id, kind, rule, lang, prompt, answer, content_key, sibling_key, created_at, updated_at)
         VALUES ('c1', 'd', 'basic', 'explicit-basic', 'ko', '파드 네트워크 대역', '10.244.0.0/16', 'k', 's', 0, 0)`,
      )
      .run();
    v4.db.close();
    const v5 = openDatabase(path);
    expect(v5.migratedFrom).toBe(4);
    const hit = v5.db.prepare('SELECT rowid FROM cards_fts WHERE cards_fts MATCH \'"네트워크"\'').all();
    expect(hit).toHaveLength(1);
    v5.db.close();
  });
});
