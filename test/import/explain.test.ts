import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scoreNote } from '../../content/markdown/parse-note.ts';
import { DENSITY_LINE, JUNK_CAP, SUGGESTION_FLOOR } from '../../content/markdown/select/select-cards.ts';
import { type Core, openCore } from '../../core/app.ts';
import { explanationText } from '../../core/import/explain.ts';
import { kubedeck } from '../support/cli.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

const NOTE = [
  '---', // 1
  'deck: 포트',
  '---',
  '# 포트', // 4
  '',
  'kube-apiserver 포트 :: 6443', // 6
  '',
  '컨트롤 플레인 컴포넌트 포트', // 8
  '- 스케줄러 10259번 포트', // 9
  '- 컨트롤러 매니저 포트', // 10
  '',
  // Two blank lines: the block has no line introducing it (code-intro), so its command is only code.
  '',
  '```bash', // 13
  'kubectl get svc -A', // 14
  '```',
  '',
  '```yaml', // 17
  'apiVersion: v1',
  'kind: Service', // 19
  'metadata:',
  '  name: web',
  '```',
  '',
  '그냥 쓰는 문장이다.', // 24
  '',
].join('\n');

let core: Core | undefined;
afterEach(() => core?.close());

function setup() {
  const dir = tmpDir();
  writeFiles(dir, { 'notes/ports.md': NOTE });
  core = openCore({ dbPath: join(dir, 'k.sqlite'), bundled: false });
  return { dir, core, file: join(dir, 'notes/ports.md') };
}

describe('import --explain FILE:LINE', () => {
  it('names the rule, kind, prompt and answer of each card of a line, and the stored card once imported', async () => {
    const { core: c, file } = setup();
    const before = await c.call('import/explain', { file, line: 6 });
    expect(before).toEqual({
      file,
      line: 6,
      text: 'kube-apiserver 포트 :: 6443',
      density: 'standard',
      densityLine: DENSITY_LINE.standard,
      junkCap: JUNK_CAP.standard,
      cards: [
        {
          kind: 'basic',
          rule: 'explicit-basic',
          prompt: 'kube-apiserver 포트',
          answer: '6443',
          score: 1,
          junkRisk: 0,
          features: [{ name: 'written-as-a-card', weight: 0 }],
          verdict: 'card',
        },
      ],
    });
    await c.call('import/run', { paths: [file] });
    const after = await c.call('import/explain', { file, line: 9 });
    expect(after.cards.filter((x) => x.verdict === 'card')).toEqual([
      expect.objectContaining({
        kind: 'cloze',
        rule: 'auto-cloze',
        prompt: '스케줄러 [...]번 포트',
        answer: '10259',
        id: expect.stringMatching(/^c[0-9a-f]{15}/),
      }),
    ]);
    const stored = c.ctx.db
      .prepare('SELECT rule, source_line FROM cards WHERE id = ?')
      .get(after.cards[0]!.id);
    expect(stored).toEqual({ rule: 'auto-cloze', source_line: 9 });
  });

  it('says when the rule that made a line’s card is switched off, and by what', async () => {
    const { core: c, file } = setup();
    await c.call('settings/set', { key: 'import.rulesOff', value: 'auto-cloze' });
    const e = await c.call('import/explain', { file, line: 9 });
    expect(e.cards.filter((x) => x.rule === 'auto-cloze')).toEqual([
      expect.objectContaining({
        kind: 'cloze',
        prompt: '스케줄러 [...]번 포트',
        answer: '10259',
        off: 'setting',
      }),
    ]);
  });

  it('says why a line made no card: front matter, code, a manifest, part of an answer, blank, no rule', async () => {
    const { core: c, file } = setup();
    const why = async (line: number) => {
      const e = await c.call('import/explain', { file, line });
      expect(e.cards).toEqual([]);
      return e.partOf === undefined ? e.reason : `${e.reason}@${e.partOf}`;
    };
    expect(await why(2)).toBe('front-matter');
    expect(await why(14)).toBe('code');
    expect(await why(19)).toBe('manifest@17');
    expect(await why(10)).toBe('answer@8');
    expect(await why(11)).toBe('blank');
    expect(await why(24)).toBe('no-rule');
    await expect(c.call('import/explain', { file, line: 99 })).rejects.toThrow(
      /has 24 lines; there is no line 99/,
    );
    // It prints the line, so it reads notes only (serve calls the same handler).
    await expect(c.call('import/explain', { file: '/etc/passwd', line: 1 })).rejects.toThrow(
      '/etc/passwd: not a Markdown note (.md or .markdown)',
    );
  });

  it('prints one line per card in the terminal, and JSON with --json', () => {
    const dir = tmpDir();
    writeFiles(dir, { 'notes/ports.md': NOTE });
    const db = join(dir, 'k.sqlite');
    const file = join(dir, 'notes/ports.md');
    const r = kubedeck(['import', '--explain', `${file}:6`, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${file}:6: kube-apiserver 포트 :: 6443\n  explicit-basic (basic): kube-apiserver 포트 → 6443\n    score 1: written as a card\n`,
    );
    const none = kubedeck(['import', '--explain', `${file}:14`, '--json', '--db', db]);
    expect(none.json()).toEqual({
      explain: {
        file,
        line: 14,
        text: 'kubectl get svc -A',
        cards: [],
        reason: 'code',
        density: 'standard',
        densityLine: DENSITY_LINE.standard,
        junkCap: JUNK_CAP.standard,
      },
    });
    const bad = kubedeck(['import', '--explain', file, '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/give FILE:LINE/);
  });

  it('shows every candidate of a line with its score, features and verdict: kept, suggestion, dropped, lost to', async () => {
    const dir = tmpDir();
    const fixture = readFileSync(
      join(import.meta.dirname, '..', 'fixtures', 'verdicts', 'services.md'),
      'utf8',
    );
    writeFiles(dir, { 'notes/services.md': fixture });
    const file = join(dir, 'notes/services.md');
    core = openCore({ dbPath: join(dir, 'k.sqlite'), bundled: false });
    const lines = fixture.split('\n');
    const all = scoreNote(file, fixture);
    const lineOf = (v: string, lost?: boolean) =>
      all.find(
        (x) =>
          x.verdict === v &&
          (lost === undefined || (x.lostTo !== undefined && x.score >= SUGGESTION_FLOOR) === lost),
      )!.line;
    // The strongest suggestion under the line: the one density "more" keeps.
    const best = all
      .filter((x) => x.verdict === 'suggestion' && x.score < DENSITY_LINE.standard)
      .sort((x, y) => y.score - x.score)[0]!;
    expect(best.score).toBeGreaterThanOrEqual(DENSITY_LINE.more);
    const kept = await core.call('import/explain', { file, line: lineOf('card') });
    expect(kept.cards.some((x) => x.verdict === 'card')).toBe(true);
    const suggested = await core.call('import/explain', { file, line: best.line });
    const s = suggested.cards.find((x) => x.verdict === 'suggestion')!;
    // The score is the sum of its features' weights, as the terminal shows it.
    expect(s.score).toBeCloseTo(
      s.features.reduce((n, f) => n + f.weight, 0),
      5,
    );
    const lost = await core.call('import/explain', { file, line: lineOf('dropped', true) });
    expect(lost.cards.find((x) => x.lostTo !== undefined)).toMatchObject({ verdict: 'dropped' });

    const db = join(dir, 'k2.sqlite');
    const text = kubedeck(['import', '--explain', `${file}:${best.line}`, '--db', db]).stdout;
    expect(text.split('\n')[0]).toBe(`${file}:${best.line}: ${lines[best.line - 1]!.trim()}`);
    expect(text).toMatch(
      new RegExp(
        `score 0\\.\\d+ = rule:[a-z-]+ 0\\.\\d+ [+-] .*, junk risk -?[0-9.]+: suggestion: under the standard line ${DENSITY_LINE.standard}, over the floor ${SUGGESTION_FLOOR}`,
      ),
    );
    const lostText = kubedeck([
      'import',
      '--explain',
      `${file}:${lineOf('dropped', true)}`,
      '--db',
      db,
    ]).stdout;
    expect(lostText).toMatch(/dropped: lost to a better card of the same fact, "/);
    // Over the line, but as likely as such cards are to be thrown away: a suggestion, and the terminal says why.
    const capped = all.find(
      (x) => x.verdict === 'suggestion' && x.lostTo === undefined && x.score >= DENSITY_LINE.standard,
    )!;
    expect(capped.junkRisk).toBeGreaterThanOrEqual(JUNK_CAP.standard);
    const cappedText = kubedeck(['import', '--explain', `${file}:${capped.line}`, '--db', db]).stdout;
    expect(cappedText).toContain(
      `junk risk ${capped.junkRisk}: suggestion: at or over the standard line ${DENSITY_LINE.standard}, but its junk risk ${capped.junkRisk} is at or over the cap ${JUNK_CAP.standard}`,
    );
    // At density more the same suggestion is kept.
    const more = kubedeck(['import', '--explain', `${file}:${best.line}`, '--density', 'more', '--db', db]);
    expect(more.stdout).toMatch(new RegExp(`kept: at or over the more line ${DENSITY_LINE.more}`));
  });

  it('says why a note written as cards (density: all) makes, offers or drops each candidate', async () => {
    const dir = tmpDir();
    const note = [
      '---',
      'density: all',
      '---',
      '# Services', // 4
      '',
      'The four values of a Service spec.type', // 6
      '- ClusterIP',
      '- NodePort',
      '- LoadBalancer',
      '- ExternalName',
      '',
      '```bash',
      '# Reach nginx from outside', // 13
      'kubectl expose deployment nginx --port=80 --target-port=8000',
      '```',
      '',
      'In this post I will show the port 6443 of kube-apiserver.', // 17
      '',
    ].join('\n');
    writeFiles(dir, { 'notes/written.md': note });
    const file = join(dir, 'notes/written.md');
    core = openCore({ dbPath: join(dir, 'k.sqlite'), bundled: false });
    const text = async (line: number) =>
      explanationText(await core!.call('import/explain', { file, line })).join('\n');
    expect(await text(6)).toContain(
      'kept: the note is written as cards (density all) and nothing counts against it',
    );
    // The command asked from its comment, with one example's names in it: offered.
    expect(await text(13)).toContain(
      'suggestion: the note is written as cards (density all), but example-names-in-command counts against it',
    );
    expect(await text(17)).toContain('dropped: narration rules it out');
  });
});
