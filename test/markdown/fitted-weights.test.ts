import { describe, expect, it } from 'vitest';
import { parseNote, scoreNote } from '../../content/markdown/parse-note.ts';
import { FEATURES } from '../../content/markdown/select/features.ts';
import fitted from '../../content/markdown/select/fitted-weights.json' with { type: 'json' };
import { RULES } from '../../content/markdown/select/rule-priors.ts';
import { DENSITY_LINE, JUNK_CAP } from '../../content/markdown/select/select-cards.ts';
import { junkWeightOf, signAgainst, VETO_WEIGHT, weightOf } from '../../content/markdown/select/weights.ts';

// The selection scores with weights fitted to judged cards (scripts/fit-weights.ts). A stale table, after a
// feature is renamed, would silently score with the author's weight; a fit that softened a veto would let cards
// the rubric forbids through.
describe('the fitted weights', () => {
  it('name only features and rules that exist', () => {
    const known = new Set([
      ...FEATURES.map((f) => f.name),
      ...Object.keys(RULES).map((r) => `rule:${r}`),
      'glossary-entry',
    ]);
    expect(Object.keys(fitted.weights).filter((name) => !known.has(name))).toEqual([]);
    expect(Object.keys(fitted.junkWeights).filter((name) => !known.has(name))).toEqual([]);
    // The junk fit read the judged cards: some signs raise the risk, some lower it.
    expect(Object.values(fitted.junkWeights).some((w) => w > 0.1)).toBe(true);
    expect(Object.values(fitted.junkWeights).some((w) => w < -0.1)).toBe(true);
  });

  it('never soften a veto: the answer in plain sight still takes the card away whatever the labels said', () => {
    const vetoes = FEATURES.filter((f) => f.weight <= VETO_WEIGHT);
    expect(vetoes.length).toBeGreaterThan(5);
    for (const f of vetoes) expect(weightOf(f)).toBe(f.weight);
    // A sentence whose blank its heading writes out, in Korean and English: no card, no suggestion.
    for (const text of [
      '# kube-proxy\n\nkube-proxy는 각 노드에서 실행되는 네트워크 프록시다.\n',
      '# kube-proxy\n\nkube-proxy is the network proxy that runs on every node.\n',
    ]) {
      const scored = scoreNote('n.md', text);
      const visible = scored.filter((s) => s.features.some((f) => f.name === 'answer-visible'));
      expect(visible.length).toBeGreaterThan(0);
      for (const s of visible) expect(s.verdict).toBe('dropped');
    }
  });

  it('score a candidate as its rule’s prior plus the fitted weights of what holds on it', () => {
    const scored = scoreNote('n.md', '# Ports\n\nThe kube-apiserver listens on port 6443 by default.\n');
    expect(scored.length).toBeGreaterThan(0);
    for (const s of scored) {
      const sum = s.features.reduce((t, f) => t + f.weight, 0);
      expect(s.score).toBeCloseTo(sum, 2);
      const rule = s.features[0]!;
      expect(rule.weight).toBe((fitted.weights as Record<string, number>)[rule.name] ?? RULES[s.rule].prior);
    }
  });
});

describe('density: all, for notes written as cards', () => {
  const note = (lang: 'ko' | 'en') =>
    lang === 'ko'
      ? [
          '---',
          'density: all',
          '---',
          '# 서비스',
          '',
          '서비스 타입 네 가지',
          '- ClusterIP',
          '- NodePort',
          '- LoadBalancer',
          '- ExternalName',
          '',
          'cache: 응답을 잠시 저장해 두는 CoreDNS 플러그인',
          '',
          'loop: 전달 루프를 찾으면 CoreDNS를 멈추는 플러그인',
          '',
          '이 글에서는 kube-apiserver가 쓰는 포트 6443을 살펴보겠다.',
          '',
        ].join('\n')
      : [
          '---',
          'density: all',
          '---',
          '# Services',
          '',
          'The four values of a Service spec.type',
          '- ClusterIP',
          '- NodePort',
          '- LoadBalancer',
          '- ExternalName',
          '',
          'cache: CoreDNS plugin that keeps answers for a while',
          '',
          'loop: CoreDNS plugin that detects a forwarding loop and stops CoreDNS',
          '',
          'In this post I will show the port 6443 of kube-apiserver.',
          '',
        ].join('\n');

  for (const lang of ['ko', 'en'] as const)
    it(`makes a card of every candidate nothing counts against, and offers the rest (${lang})`, () => {
      const text = note(lang);
      const standard = parseNote('n.md', text.replace('density: all', 'density: standard'));
      const all = parseNote('n.md', text);
      // The list under its title is a card only when the note says it is written as cards.
      const list = (n: typeof all) =>
        n.cards.some((c) => c.kind === 'list' && c.answer.includes('ExternalName'));
      expect(list(standard)).toBe(false);
      expect(list(all)).toBe(true);
      // Every card is one no sign counts against; every suggestion has one ("cache", "loop": plain words as terms).
      const scored = scoreNote('n.md', text);
      const against = (s: (typeof scored)[number]) => signAgainst(s) !== undefined;
      expect(scored.filter((s) => s.verdict === 'card' && s.lostTo === undefined && against(s))).toEqual([]);
      // (A candidate that lost its line to one offered is offered with it, whatever it holds.)
      const offered = scored.filter((s) => s.verdict === 'suggestion');
      expect(offered.length).toBeGreaterThan(0);
      expect(offered.filter((s) => s.lostTo === undefined).every(against)).toBe(true);
      expect(all.suggestions.length).toBe(offered.length);
      // A veto (the narration of "in this post I will show …") is not even offered.
      expect(
        scored.filter((s) => s.features.some((f) => f.name === 'narration')).map((s) => s.verdict),
      ).not.toContain('card');
    });
});

describe('the junk cap: a card over the line that judges would likely throw away is offered, not made', () => {
  // A short gloss of a term, in a line of its own: such cards were thrown away about one time in four.
  const gloss = {
    ko: '# 서비스\n\nNodePort: 모든 노드의 포트로 노출\n',
    en: '# Service types\n\n| Type | Scope | Use |\n| --- | --- | --- |\n| ClusterIP | Internal only | between pods |\n',
  };
  for (const lang of ['ko', 'en'] as const)
    it(`sums the junk weights of what holds, and offers the card over the line at the cap (${lang})`, () => {
      const scored = scoreNote('n.md', gloss[lang]);
      const capped = scored.filter(
        (s) => s.verdict === 'suggestion' && s.lostTo === undefined && s.score >= DENSITY_LINE.standard,
      );
      expect(capped.length).toBeGreaterThan(0);
      for (const s of capped) {
        expect(s.junkRisk).toBeGreaterThanOrEqual(JUNK_CAP.standard);
        const sum = s.features.reduce((t, f) => t + junkWeightOf(f.name), 0);
        expect(s.junkRisk).toBeCloseTo(sum, 2);
      }
      const note = parseNote('n.md', gloss[lang]);
      expect(note.cards).toEqual([]);
      expect(note.suggestions.map((s) => s.prompt)).toEqual(
        expect.arrayContaining(capped.map((s) => s.prompt)),
      );
    });

  it('leaves a card whose risk is low, and a question the learner wrote with its answer (ko, en)', () => {
    const port = scoreNote('n.md', '# Ports\n\nThe kubelet API listens on port 10250 on every node.\n');
    expect(port.find((s) => s.verdict === 'card')!.junkRisk).toBeLessThan(JUNK_CAP.standard);
    for (const text of [
      '# 서비스\n\nQ: Service가 파드를 고르는 필드는?\n\nA: `selector`\n',
      '# Services\n\nQ: Which field of a Service picks its pods?\n\nA: `selector`\n',
    ]) {
      const qa = scoreNote('n.md', text).find((s) => s.rule === 'question-answer')!;
      // A short answer is what makes a blank in prose ambiguous; it is what a question asks for.
      expect(qa.junkRisk).toBeGreaterThanOrEqual(JUNK_CAP.standard);
      expect(qa.verdict).toBe('card');
    }
  });

  it('is stricter at density fewer and looser at more, and no cap at all', () => {
    expect(JUNK_CAP.fewer).toBeLessThan(JUNK_CAP.standard);
    expect(JUNK_CAP.standard).toBeLessThan(JUNK_CAP.more);
    const glossKo = '# 서비스\n\nNodePort: 모든 노드의 포트로 노출\n';
    const atAll = parseNote('n.md', `---\ndensity: all\n---\n${glossKo}`);
    expect(atAll.cards.some((c) => c.prompt === 'NodePort')).toBe(true);
  });
});
