/**
 * Issue #22 (6): a line with N `{{cK::x}}` deletions cost N² (each card holds the whole line: N = 4,000 took 64 s and
 * a 229 MB database). The cards per line are capped, with a warning at that line; the cost is linear again.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CLOZE_CARDS_PER_LINE } from '../../content/markdown/explicit.ts';
import { parseNote } from '../../content/markdown/parse-note.ts';

describe('clozes per line (issue #22, 6)', () => {
  it('4,000 deletions on one line: capped cards, one warning naming the line, well under a second of work', () => {
    const line = Array.from({ length: 4000 }, (_, i) => `term ${i} is {{c${i + 1}::value${i}}}`).join(', ');
    const text = `# Many\n\nintro :: one\n${line}\n`;
    const t0 = performance.now();
    const n = parseNote('many.md', text);
    const ms = performance.now() - t0;
    const clozes = n.cards.filter((c) => c.rule === 'explicit-cloze');
    expect(clozes).toHaveLength(MAX_CLOZE_CARDS_PER_LINE);
    expect(clozes[0]!.answer).toBe('value0');
    const stored = clozes.reduce((sum, c) => sum + c.prompt.length, 0);
    expect(stored).toBeLessThan(MAX_CLOZE_CARDS_PER_LINE * (line.length + 100));
    expect(n.warnings).toEqual([
      {
        file: 'many.md',
        line: 4,
        code: 'cloze-cap',
        params: { deletions: 4000, max: MAX_CLOZE_CARDS_PER_LINE },
      },
    ]);
    expect(ms).toBeLessThan(10_000);
  });

  it('a line with a few deletions is untouched', () => {
    const n = parseNote('few.md', 'kube-proxy uses {{c1::iptables}} or {{c2::IPVS}} mode\n');
    expect(n.cards.map((c) => c.answer)).toEqual(['iptables', 'IPVS']);
    expect(n.warnings).toEqual([]);
  });
});
