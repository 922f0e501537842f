import { describe, expect, it } from 'vitest';
import { parseNote } from '../../content/markdown/parse-note.ts';

const pick = (text: string, opts = {}) =>
  parseNote('vault/note.md', text, opts).cards.map((c) => [c.kind, c.prompt, c.answer]);

describe('Obsidian Spaced Repetition plugin syntax', () => {
  it('reads question::answer and question:::answer with or without spaces', () => {
    expect(pick('kube-apiserver 포트::6443\nService:::파드 집합의 가상 IP\netcd 포트 :: 2379\n')).toEqual([
      ['basic', 'kube-apiserver 포트', '6443'],
      ['reversed', 'Service', '파드 집합의 가상 IP'],
      ['reversed', '파드 집합의 가상 IP', 'Service'],
      ['basic', 'etcd 포트', '2379'],
    ]);
  });

  it('reads multi-line ? and reversed ??, with a fenced block as the answer', () => {
    const text =
      'How do you list routes?\n?\n```bash\nip route\n\nip r\n```\n\nCNI config folder\n??\n/etc/cni/net.d\n';
    expect(pick(text)).toEqual([
      ['basic', 'How do you list routes?', '```bash\nip route\n\nip r\n```'],
      ['reversed', 'CNI config folder', '/etc/cni/net.d'],
      ['reversed', '/etc/cni/net.d', 'CNI config folder'],
    ]);
  });

  it('reads a manifest as a multi-line answer', () => {
    const text = 'A Service web on port 80\n?\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';
    expect(pick(text)).toEqual([
      ['basic', 'A Service web on port 80', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web'],
    ]);
  });

  it('reads ==cloze== with ;; groups and hints; beside numbered ones an unnumbered deletion is plain text', () => {
    expect(pick('포트는 ==1;;6443;;API== 와 ==1;;2379== 그리고 ==10250==\n')).toEqual([
      ['cloze', '포트는 [API] 와 [...] 그리고 10250', '6443, 2379'],
    ]);
    expect(pick('포트는 ==6443== 와 ==2379==\n')).toEqual([
      ['cloze', '포트는 [...] 와 2379', '6443'],
      ['cloze', '포트는 6443 와 [...]', '2379'],
    ]);
  });

  it('makes numbered deletions cards in the order of their numbers, as the plugin orders their schedules', () => {
    expect(pick('==2;;ClusterIP== 가 기본이고 ==1;;NodePort== 는 포트를 연다\n')).toEqual([
      ['cloze', 'ClusterIP 가 기본이고 [...] 는 포트를 연다', 'NodePort'],
      ['cloze', '[...] 가 기본이고 NodePort 는 포트를 연다', 'ClusterIP'],
    ]);
  });

  it('reads **bold** and {{curly}} clozes only when switched on', () => {
    const text = 'The default type is **ClusterIP** and the range is {{30000-32767}}\n';
    expect(
      pick(text).filter((c) => c[0] === 'cloze' && String(c[1]).includes('[...]') && c[2] === 'ClusterIP'),
    ).toEqual([]);
    expect(pick(text, { boldCloze: true, curlyCloze: true })).toEqual([
      ['cloze', 'The default type is [...] and the range is 30000-32767', 'ClusterIP'],
      ['cloze', 'The default type is ClusterIP and the range is [...]', '30000-32767'],
    ]);
  });

  it('takes the deck from a #flashcards/deck/sub tag', () => {
    expect(parseNote('vault/x.md', '#flashcards/cka/networking\n\na::b\n').deck).toBe('cka::networking');
    expect(parseNote('vault/x.md', '---\ndeck: Mine\n---\n#flashcards/cka\na::b\n').deck).toBe('Mine');
    expect(parseNote('vault/x.md', '---\ntags: [flashcards/cka/dns]\n---\na::b\n').deck).toBe('cka::dns');
  });

  it('strips <!--SR:...--> comments and ^block-ids from the text and keeps the schedule on the card', () => {
    const n = parseNote(
      'vault/x.md',
      'Service:::가상 IP <!--SR:!2024-01-01,3,250!2024-01-05,7,270-->\nport::6443 ^abc123\n',
    );
    expect(n.cards.map((c) => [c.prompt, c.answer, c.srHistory])).toEqual([
      ['Service', '가상 IP', [{ due: '2024-01-01', interval: 3, ease: 250 }]],
      ['가상 IP', 'Service', [{ due: '2024-01-05', interval: 7, ease: 270 }]],
      ['port', '6443', undefined],
    ]);
    const ml = parseNote('vault/y.md', 'Q\n?\nA\n<!--SR:!2024-02-02,10,230-->\n').cards;
    expect(ml.map((c) => [c.prompt, c.answer, c.srHistory])).toEqual([
      ['Q', 'A', [{ due: '2024-02-02', interval: 10, ease: 230 }]],
    ]);
  });
});
