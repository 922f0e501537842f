import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadExercises } from '../../content/grader/index.ts';
import { openCore } from '../../core/app.ts';
import { tmpDir } from '../support/tmp.ts';

vi.setConfig({ testTimeout: 180_000 });

const dir = tmpDir();
const core = openCore({ dbPath: join(dir, 'k.sqlite'), bundled: false, lang: 'en' });
afterAll(() => core.close());

/** Lines people write in notes, plus noise; blank lines keep paragraphs short, as in real notes. */
const noteLine = fc.oneof(
  fc.constantFrom(
    '',
    '',
    '## 컨트롤 플레인 포트',
    '- kube-apiserver 6443번 포트',
    '- 스케줄러 10259번 포트',
    'NodePort 범위: 30000-32767',
    'port와 targetPort 차이는?',
    '=> port는 서비스가 받는 포트',
    '```yaml',
    '```',
    'apiVersion: v1',
    'kind: Service',
    '  name: web',
    '---',
    '?',
    '{{c1::etcd}} 클라이언트 포트는 {{c2::2379::포트 번호}}',
    'Service ::: 파드 집합의 안정적인 가상 IP',
    'NodePort 범위는 ==30000-32767==',
    '#tag #exercise/service-nodeport',
    '![img](missing.png)',
  ),
  fc.string({ maxLength: 80 }),
  fc.string({ maxLength: 40, unit: 'grapheme' }),
  fc
    .tuple(fc.string({ maxLength: 20 }), fc.constantFrom(' :: ', ' ::: ', ': ', '==', '=> ', '{{c1::'))
    .map(([a, b]) => a + b + a),
);
const note = fc.array(noteLine, { maxLength: 120 }).map((ls) => ls.join('\n'));

async function importText(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  return core.call('import/run', { paths: [path] });
}

describe('the importer, on any note', () => {
  it('never throws: every note imports or gives file:line warnings', async () => {
    await fc.assert(
      fc.asyncProperty(note, async (text) => {
        const r = await importText('any.md', text);
        for (const w of r.warnings) {
          expect(w.file).toContain('any.md');
          expect(w.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('imports a 1 MB note in bounded time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(noteLine, { minLength: 400, maxLength: 400 }), async (pool) => {
        let text = '';
        for (let i = 0; text.length < 1024 * 1024; i++)
          text += `${pool[(i * 7919) % pool.length]} ${i}\n${i % 5 ? '' : '\n'}`;
        const t0 = performance.now();
        const r = await importText('big.md', text);
        const ms = performance.now() - t0;
        console.log(
          `1 MB note: ${r.summary.new} new cards, ${r.warnings.length} warnings, ${ms.toFixed(0)} ms`,
        );
        expect(ms).toBeLessThan(20_000);
      }),
      { numRuns: 2 },
    );
  });

  it('keeps card ids when unrelated text is added, removed or moved around them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 9999 }), { minLength: 2, maxLength: 25 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('prose', 'blank', 'other-card', 'comment')), {
          maxLength: 15,
        }),
        async (keys, edits) => {
          const cards = keys.map((k) => `질문 ${k} 포트는 :: ${k + 1000}`);
          const name = `stable-${keys[0]}.md`;
          await importText(name, cards.join('\n\n'));
          const idsOf = async () =>
            new Map(
              (await core.call('cards/list', {}))
                .filter((c) => c.source.file?.endsWith(name) && !c.suspended)
                .map((c) => [c.prompt, c.id]),
            );
          const before = await idsOf();
          expect(before.size).toBe(keys.length);
          const lines = cards.flatMap((c) => [c, '']);
          for (const [at, kind] of edits) {
            const extra = {
              prose: '이 단락은 카드와 관계없는 설명입니다.',
              blank: '',
              'other-card': `다른 질문 ${at} :: 다른 답 ${at}`,
              comment: '<!-- 메모 -->',
            }[kind];
            lines.splice(at % (lines.length + 1), 0, extra);
          }
          await importText(name, lines.join('\n'));
          const after = await idsOf();
          for (const [prompt, id] of before) expect(after.get(prompt), prompt).toBe(id);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the grader, through the handler every transport calls', () => {
  const exercises = loadExercises();
  it('never fails as a call: any edit of any reference solution gets a verdict, and the reference passes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.string({ maxLength: 6 }), async (which, at, insert) => {
        const ex = exercises[which % exercises.length]!;
        const solution = readFileSync(
          join(import.meta.dirname, '..', '..', 'content', 'exercises', ex.id, 'solution.yaml'),
          'utf8',
        );
        const pass = await core.send('exercises/grade', { id: ex.id, answer: solution, lang: 'en' });
        expect(pass.ok && pass.value.verdict.passed, ex.id).toBe(true);
        const cut = at % (solution.length + 1);
        const t0 = performance.now();
        const edited = await core.send('exercises/grade', {
          id: ex.id,
          answer: solution.slice(0, cut) + insert + solution.slice(cut),
          lang: 'ko',
        });
        expect(performance.now() - t0).toBeLessThan(2000);
        expect(edited.ok, JSON.stringify(edited)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
