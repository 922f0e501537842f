import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CardJson } from '../../core/cards-json.ts';
import { kubedeck } from '../support/cli.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'notes', 'cka-networking-ko.md');

type Out = {
  summary: { new: number; updated: number; unchanged: number; suspended: number };
  warnings: { file: string; line: number; message: string }[];
  cards?: CardJson[];
  suggestions?: CardJson[];
};

describe('kubedeck import', () => {
  it('turns the Korean free-form fixture into at least 40 sensible cards, and offers its lists', () => {
    const db = join(tmpDir(), 'k.sqlite');
    const r = kubedeck(['import', FIXTURE, '--dry-run', '--json', '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.json() as Out;
    expect(out.warnings).toEqual([]);
    expect(out.cards!.length).toBeGreaterThanOrEqual(40);
    expect(out.summary.new).toBe(out.cards!.length);
    expect(new Set(out.cards!.map((c) => c.kind))).toEqual(new Set(['basic', 'cloze']));
    // A title over a list is offered, not made: judges kept about a third of such cards in other people's notes.
    expect(out.suggestions!.filter((c) => c.kind === 'list').length).toBeGreaterThan(5);
    for (const c of out.cards!) {
      expect(c.lang).toBe('ko');
      expect(c.deck).toBe('cka-networking-ko');
      expect(c.prompt.length).toBeGreaterThan(0);
      if (c.kind === 'cloze') expect(c.prompt).toContain('[...]');
    }
    const find = (prompt: string) => out.cards!.find((c) => c.prompt === prompt);
    expect(find('스케줄러 [...]번 포트')).toMatchObject({
      answer: '10259',
      rule: 'auto-cloze',
      context: ['CKA 네트워킹 정리 노트', '컨트롤 플레인 포트', '컨트롤 플레인 컴포넌트 포트'],
    });
    expect(find('kube-apiserver [...]번 포트')).toMatchObject({ answer: '6443', rule: 'auto-cloze' });
    // Its manifests come without a stated task ("NodePort 서비스 예시"): no whole-manifest card (judges deleted
    // those as too long to recall and ambiguous), but each kind's apiVersion is still asked.
    expect(out.cards!.filter((c) => c.kind === 'manifest')).toEqual([]);
    expect(out.cards!.filter((c) => c.rule === 'manifest-apiversion').map((c) => c.answer)).toContain('v1');
    // A dry run writes nothing.
    expect((kubedeck(['cards', '--json', '--db', db]).json() as { cards: unknown[] }).cards).toEqual([]);
  });

  it('prints the summary, stores the cards, lists them and the decks', () => {
    const db = join(tmpDir(), 'k.sqlite');
    const r = kubedeck(['import', FIXTURE, '--db', db]);
    expect(r.code).toBe(0);
    // The summary, then how many candidates were kept as suggestions (not cards until accepted).
    expect(r.stdout).toMatch(
      /^new \d+, updated 0, unchanged 0, suspended 0, warnings 0\nsuggestions \d+ \(not cards until accepted: [^\n]+\)\n$/,
    );
    const again = kubedeck(['import', FIXTURE, '--json', '--db', db]).json() as Out;
    expect(again.summary.new).toBe(0);
    expect(again.cards).toBeUndefined();
    const cards = kubedeck(['cards', '--json', '--db', db, '--deck', 'cka-networking-ko']).json() as Out;
    expect(cards.cards!.length).toBe(again.summary.unchanged);
    expect(Object.keys(cards.cards![0]!)).toEqual(
      expect.arrayContaining([
        'id',
        'deck',
        'lang',
        'kind',
        'prompt',
        'answer',
        'context',
        'tags',
        'source',
        'rule',
      ]),
    );
    const decks = kubedeck(['decks', '--json', '--db', db]).json() as {
      decks: { name: string; cards: number }[];
    };
    expect(decks.decks).toEqual([
      expect.objectContaining({ name: 'cka-networking-ko', cards: again.summary.unchanged }),
    ]);
  });

  it('uses exit 2 for usage errors and 1 for jobs it cannot do, with one line and no stack', () => {
    const db = join(tmpDir(), 'k.sqlite');
    const usage = kubedeck(['import', '--db', db]);
    expect(usage.code).toBe(2);
    expect(kubedeck(['import', 'x.md', '--bogus']).code).toBe(2);
    expect(kubedeck(['frobnicate']).code).toBe(2);
    expect(kubedeck(['cards', '--now', 'yesterday', '--db', db]).code).toBe(2);
    const missing = kubedeck(['import', 'no/such/notes.md', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toEqual([
      'kubedeck import: no/such/notes.md: no such file or folder',
    ]);
    const dir = tmpDir();
    writeFiles(dir, { 'not.sqlite': 'hello' });
    const foreign = kubedeck(['cards', '--db', join(dir, 'not.sqlite')]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/not\.sqlite: not a Kubedeck database/);
    expect(foreign.stderr).not.toMatch(/\n\s+at /);
  });

  it('warns about binary, oversized, invalid UTF-8 and empty notes, and imports the rest', () => {
    const dir = tmpDir();
    writeFiles(dir, {
      'notes/good.md': '포트 :: 6443\r\n스케줄러 :: 10259\r\n',
      'notes/binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]),
      'notes/huge.md': 'a :: b\n'.repeat(800_000),
      'notes/latin1.md': Buffer.concat([
        Buffer.from('첫 줄 :: 1\n'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from(' 둘째 :: 2\n'),
      ]),
      'notes/empty.md': '',
      // "# 서비스\n\n스케줄러 포트 :: 10259\n" saved in EUC-KR (CP949), as Windows editors long saved Korean.
      'notes/cp949.md': new Uint8Array([
        35, 32, 188, 173, 186, 241, 189, 186, 10, 10, 189, 186, 196, 201, 193, 217, 183, 175, 32, 198, 247,
        198, 174, 32, 58, 58, 32, 49, 48, 50, 53, 57, 10,
      ]),
    });
    const r = kubedeck(['import', join(dir, 'notes'), '--json', '--db', join(dir, 'k.sqlite')], { cwd: dir });
    expect(r.code).toBe(0);
    const out = r.json() as Out;
    const byFile = Object.fromEntries(out.warnings.map((w) => [w.file, w]));
    expect(byFile['notes/binary.md']).toMatchObject({ line: 1, message: expect.stringContaining('binary') });
    expect(byFile['notes/huge.md']).toMatchObject({ line: 1, message: expect.stringContaining('5 MB') });
    expect(byFile['notes/latin1.md']).toMatchObject({ line: 2, message: expect.stringContaining('UTF-8') });
    expect(byFile['notes/empty.md']).toMatchObject({ line: 1, message: expect.stringContaining('empty') });
    // Read as Korean, said so, and its card made with the words as written.
    expect(byFile['notes/cp949.md']).toMatchObject({ line: 1, message: expect.stringContaining('EUC-KR') });
    const { cards } = kubedeck(['cards', '--json', '--db', join(dir, 'k.sqlite')], { cwd: dir }).json() as {
      cards: { prompt: string; answer: string }[];
    };
    expect(cards.map((c) => [c.prompt, c.answer])).toContainEqual(['스케줄러 포트', '10259']);
    expect(out.summary.new).toBe(5);
  });

  it('loses nothing when the process is killed in the middle of an import', async () => {
    const dir = tmpDir();
    const db = join(dir, 'k.sqlite');
    writeFiles(dir, { 'first/a.md': 'kube-apiserver :: 6443\n' });
    expect(kubedeck(['import', join(dir, 'first'), '--db', db]).code).toBe(0);
    const big: Record<string, string> = {};
    for (let i = 0; i < 400; i++)
      big[`big/n${i}.md`] = Array.from({ length: 60 }, (_, k) => `카드 ${i}-${k} :: 답 ${i}-${k}`).join('\n');
    writeFiles(dir, big);
    const child = spawn(
      process.execPath,
      [join(import.meta.dirname, '..', '..', 'bin', 'kubedeck.mjs'), 'import', join(dir, 'big'), '--db', db],
      {
        env: { ...process.env, KUBEDECK_NO_BUNDLED: '1' },
      },
    );
    await new Promise((r) => setTimeout(r, 900));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(existsSync(db)).toBe(true);
    const check = new Database(db, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const n = (check.prepare('SELECT count(*) n FROM cards').get() as { n: number }).n;
    check.close();
    // Either the whole import landed or none of it: never a half.
    expect([1, 1 + 400 * 60]).toContain(n);
    const cards = kubedeck(['cards', '--json', '--db', db]).json() as Out;
    expect(cards.cards!.some((c) => c.answer === '6443')).toBe(true);
  });
});
