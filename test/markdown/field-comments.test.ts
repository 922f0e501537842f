import { describe, expect, it } from 'vitest';
import { fieldGlosses } from '../../content/markdown/field-comments.ts';
import { candidateCards, parseNote } from '../../content/markdown/parse-note.ts';

// A comment beside a manifest field, in the writer's words, says what the field means: that is the card, not the
// example's number.
const service = (comments: Record<string, string>) =>
  [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: web',
    '  labels:',
    `    app: web # ${comments.label ?? ''}`,
    'spec:',
    `  type: NodePort # ${comments.type ?? ''}`,
    '  selector:',
    `    app: web # ${comments.selector ?? ''}`,
    '  ports:',
    `  - port: 80 # ${comments.port ?? ''}`,
    `    targetPort: 8080 # ${comments.targetPort ?? ''}`,
    `    nodePort: 30080 # ${comments.nodePort ?? ''}`,
  ].join('\n');

describe('a manifest field glossed by a comment', () => {
  it('asks the field for its gloss, and a fixed value with its field (ko)', () => {
    const doc = service({
      type: '노드의 포트로 외부에 노출',
      port: '서비스가 클러스터 안에서 받는 포트',
      targetPort: '파드의 컨테이너 포트',
      nodePort: '30000~32767에서만 지정 가능',
    });
    expect(fieldGlosses(doc).map((g) => [g.field, g.value, g.gloss])).toEqual([
      ['type', 'NodePort', '노드의 포트로 외부에 노출'],
      ['port', null, '서비스가 클러스터 안에서 받는 포트'],
      ['targetPort', null, '파드의 컨테이너 포트'],
      ['nodePort', null, '30000~32767에서만 지정 가능'],
    ]);
    const note = `## NodePort 서비스\n\n\`\`\`yaml\n${doc}\n\`\`\`\n`;
    const cards = parseNote('note.md', note).cards.filter((c) => c.rule === 'manifest-comment');
    expect(cards.map((c) => [c.prompt, c.answer])).toContainEqual([
      'kind: Service 의 targetPort 필드',
      '파드의 컨테이너 포트',
    ]);
    // Each card sits on its field's own line of the note (the fence is line 3).
    expect(cards.find((c) => c.prompt.includes('targetPort'))?.line).toBe(3 + 13);
  });

  it('asks in English for an English note, once per field however often the note glosses it (en)', () => {
    const doc = service({ targetPort: 'port the pods listen on' });
    const note = `## Services\n\n\`\`\`yaml\n${doc}\n---\n${doc}\n\`\`\`\n`;
    const cards = parseNote('note.md', note).cards.filter((c) => c.rule === 'manifest-comment');
    expect(cards.map((c) => [c.prompt, c.answer])).toEqual([
      ['The targetPort field of kind: Service', 'port the pods listen on'],
    ]);
  });

  it('leaves alone label keys, instructions, asides about the example, and glosses in another script (en, ko)', () => {
    const doc = service({
      label: 'the label of the app',
      selector: 'pods with this label',
      type: 'replace with your type',
      port: 'check this',
      targetPort: '8080 포트로 전달',
      nodePort: 'پورت روی نود',
    });
    expect(fieldGlosses(doc)).toEqual([]);
    expect(fieldGlosses(service({ type: '여기에 타입 입력', port: '(주석 처리)' }))).toEqual([]);
    // Only its own words again, an empty verb, the rest of a sentence, or one example's talk.
    expect(
      fieldGlosses(
        service({
          type: '서비스 타입 변경',
          port: '서비스 포트',
          targetPort: 'or the pod port',
          nodePort: 'e.g. 30080 here',
        }),
      ),
    ).toEqual([]);
    // A number that matches the gloss to a figure is not part of it.
    expect(fieldGlosses(service({ targetPort: '1 port on the pod' })).map((g) => g.gloss)).toEqual([
      'port on the pod',
    ]);
  });

  it('reads the gloss, not the value with the comment glued on, in YAML the manifest reader cannot read (ko, en)', () => {
    // `- name` and `port` at one column: no manifest, so the block is read line by line.
    const broken = (comment: string) =>
      `## Service\n\n\`\`\`yaml\nports:\n  - name: http\n  port: 80\n  targetPort: 8080 # ${comment}\n\`\`\`\n`;
    for (const [comment, gloss] of [
      ['파드의 컨테이너 포트', '파드의 컨테이너 포트'],
      ['port the pods listen on', 'port the pods listen on'],
    ]) {
      const all = candidateCards('note.md', broken(comment!)).map((c) => [c.prompt, c.answer]);
      expect(all).toContainEqual(['targetPort', gloss]);
      expect(all.some(([, a]) => a!.startsWith('8080'))).toBe(false);
    }
  });
});
