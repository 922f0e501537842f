import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateManifests } from '../../content/grader/index.ts';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'manifests');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) return yamlFiles(p);
      return n.endsWith('.yaml') ? [p] : [];
    });
}

const valid = yamlFiles(join(ROOT, 'valid'));
const mustFail = yamlFiles(join(ROOT, 'must-fail'));
const expected = JSON.parse(readFileSync(join(ROOT, 'must-fail', 'EXPECTED.json'), 'utf8')) as Record<
  string,
  string
>;

describe('upstream manifests (development set, see fixtures/manifests/SOURCES.md)', () => {
  it('has a real set: Gateway API, Kubernetes docs and ingress-nginx, valid and must-fail', () => {
    expect(valid.length).toBeGreaterThanOrEqual(90);
    expect(mustFail.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(expected).sort()).toEqual(
      mustFail.map((f) => relative(join(ROOT, 'must-fail'), f)).sort(),
    );
  });

  // 0 false rejections: what the upstream projects publish as valid is accepted, in both languages.
  it.each(valid.map((f) => [relative(ROOT, f), f]))('accepts %s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const en = validateManifests(text, 'en');
    expect(en.issues).toEqual([]);
    expect(en.documents).toBeGreaterThan(0);
    expect(validateManifests(text, 'ko').valid).toBe(true);
  });

  it.each(mustFail.map((f) => [relative(join(ROOT, 'must-fail'), f), f]))(
    'rejects %s naming the rule',
    (name, file) => {
      const text = readFileSync(file, 'utf8');
      const r = validateManifests(text, 'en');
      expect(r.valid).toBe(false);
      const want = expected[name]!;
      expect(
        r.issues.some((i) => i.message.includes(want)),
        `${name}: expected a message containing ${JSON.stringify(want)}; got ${JSON.stringify(r.issues.map((i) => i.message))}`,
      ).toBe(true);
      // Every problem has a line to point at, and a Korean message as well.
      expect(r.issues.every((i) => i.line !== null && i.line > 0)).toBe(true);
      const ko = validateManifests(text, 'ko');
      expect(ko.issues.length).toBe(r.issues.length);
      expect(ko.issues.some((i) => /[가-힣]/.test(i.message))).toBe(true);
    },
  );
});
