import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACTS_FILE, type FactsFile } from '../../content/facts/facts-base.ts';
import { KINDS } from '../../content/grader/kinds.ts';

const file = JSON.parse(readFileSync(FACTS_FILE, 'utf8')) as FactsFile & Record<string, unknown>;

describe('the facts base (content/facts/kubernetes-facts.json)', () => {
  it('says which Kubernetes version it describes', () => {
    expect(file.format).toBe(1);
    expect(file.kubernetes).toMatch(/^1\.\d+$/);
  });

  it('gives every entry a source', () => {
    const entries = [
      ...file.ports,
      ...file.ranges,
      ...file.fieldValues,
      ...file.fieldEnums,
      ...file.paths,
      file.knownPaths,
      ...file.dns,
      ...file.cidrs,
      ...file.removed,
      file.apiVersions,
    ];
    expect(entries.length).toBeGreaterThan(20);
    for (const e of entries) {
      expect(e.source, e.id).toMatch(/^(https:\/\/|schema:|CRD:)/);
      expect(e.about.en, e.id).toBeTruthy();
      expect(e.about.ko, e.id).toBeTruthy();
    }
    for (const r of file.removed) expect(r.since, r.id).toMatch(/^1\.\d+$/);
  });

  it('covers the component ports the exam asks for', () => {
    const ports = file.ports.flatMap((p) => p.ports);
    for (const p of [6443, 2379, 2380, 10250, 10256, 10257, 10259]) expect(ports).toContain(p);
    expect(file.ranges.find((r) => r.id === 'range.nodeport')!.range).toEqual([30000, 32767]);
  });

  it('holds the apiVersions the grader serves, derived from its schemas and the Gateway API CRDs', () => {
    const served: Record<string, string[]> = {};
    for (const k of KINDS) served[k.kind] = [...(served[k.kind] ?? []), k.apiVersion];
    expect(file.apiVersions.served).toEqual(served);
    // A removed version is never one the grader still accepts.
    for (const r of file.apiVersions.removed) expect(served[r.kind] ?? []).not.toContain(r.apiVersion);
  });
});
