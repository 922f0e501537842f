import { describe, expect, it } from 'vitest';
import { candidateCards, parseNote } from '../../content/markdown/parse-note.ts';
import { cardKey } from '../../core/import/identity.ts';

// A value of a field with a fixed set of values, asked bare ("Exact → …"), is asked with its field ("pathType: Exact"),
// which the note names near it; the card keeps the key it had.
const isTerm = (c: { rule: string }) => c.rule === 'term-definition' || c.rule === 'heading-definition';
const terms = (text: string) => parseNote('note.md', text).cards.filter(isTerm);
const proposed = (text: string) => candidateCards('note.md', text).filter(isTerm);

describe('a fixed value asked with its field', () => {
  it('names pathType over Exact and Prefix, and the card keeps its key (en)', () => {
    const note = [
      '## Ingress paths',
      '',
      'Every path of an Ingress rule has a `pathType`.',
      '',
      '- Exact: matches the URL path exactly, case-sensitive',
      '- Prefix: matches on a URL path prefix split by /',
      '',
    ].join('\n');
    const cards = terms(note);
    expect(cards.map((c) => c.prompt)).toEqual(['pathType: Exact', 'pathType: Prefix']);
    expect(cardKey(cards[0]!)).toBe(
      cardKey({ kind: 'basic', prompt: 'Exact', answer: 'matches the URL path exactly, case-sensitive' }),
    );
  });

  it('names the traffic policy the section is about, of the two that take Local (ko)', () => {
    const note = (field: string) =>
      [
        `## ${field}`,
        '',
        '- Local: 트래픽을 받은 노드의 파드로만 보내고 클라이언트 IP를 보존한다',
        '- Cluster: 모든 노드의 파드로 고르게 보낸다',
        '',
      ].join('\n');
    expect(terms(note('externalTrafficPolicy')).map((c) => c.prompt)).toEqual([
      'externalTrafficPolicy: Local',
      'externalTrafficPolicy: Cluster',
    ]);
    expect(terms(note('internalTrafficPolicy')).map((c) => c.prompt)).toEqual([
      'internalTrafficPolicy: Local',
      'internalTrafficPolicy: Cluster',
    ]);
  });

  it('leaves a value alone when no field, or both fields, are named near it (en, ko)', () => {
    const plain = '## Static pods\n\n- Default: /etc/kubernetes/manifests 폴더의 매니페스트를 읽는다\n';
    expect(proposed(plain).map((c) => c.prompt)).toEqual(['Default']);
    const both = [
      '## externalTrafficPolicy and internalTrafficPolicy',
      '',
      '- Local: only endpoints on the same node receive the traffic',
      '',
    ].join('\n');
    expect(proposed(both).map((c) => c.prompt)).toEqual(['Local']);
  });
});
