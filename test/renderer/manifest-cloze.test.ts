import { describe, expect, it } from 'vitest';
import { renderCloze } from '../../renderer/markdown.ts';
import { toDueView } from '../../renderer/screens/review-view.ts';

const manifest = 'apiVersion: v1\nkind: Gateway\nspec:\n  listeners:\n  - allowedRoutes:\n      [...]';

describe('a manifest field cloze on the review screen', () => {
  it('shows the manifest as a YAML block with the gap inside it', () => {
    const view = toDueView({
      card: {
        id: 'c1',
        kind: 'cloze',
        prompt: manifest,
        answer: 'namespaces:\n  from: Same',
        deck: 'd',
        context: [],
        source: { file: '', line: 0 },
        answerKind: null,
      },
    } as never)!;
    expect(view.prompt.startsWith('```yaml\n')).toBe(true);
    const html = renderCloze(view.prompt, null);
    expect(html).toContain('<pre');
    expect(html).toContain('class="cloze-gap"');
  });

  it('fills a block answer at the gap column, so its later lines keep their indentation', () => {
    const html = renderCloze(`\`\`\`yaml\n${manifest}\n\`\`\``, 'namespaces:\n  from: Same');
    expect(html).toContain('namespaces:\n        from: Same</mark>');
  });

  it('leaves a prose cloze alone', () => {
    const view = toDueView({
      card: {
        id: 'c2',
        kind: 'cloze',
        prompt: 'kube-proxy mode: [...]',
        answer: 'ipvs',
        deck: 'd',
        context: [],
        source: { file: '', line: 0 },
        answerKind: null,
      },
    } as never)!;
    expect(view.prompt).toBe('kube-proxy mode: [...]');
  });
});
