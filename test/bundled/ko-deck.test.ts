import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { validateManifests } from '../../content/grader/index.ts';
import type { CardJson } from '../../core/cards-json.ts';
import { kubedeck } from '../support/cli.ts';
import { tmpDir } from '../support/tmp.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const NOTES = join(ROOT, 'content', 'notes', 'ko');

type Card = CardJson;
type DryRun = { warnings: unknown[]; cards: Card[]; suggestions?: { kind: string; answer: string }[] };

// One real CLI run for the whole file: the same path a learner's `kubedeck import` takes.
function importKo(): DryRun {
  const dir = tmpDir();
  const r = kubedeck(['import', '--dry-run', '--json', NOTES, '--db', join(dir, 'ko.sqlite')]);
  expect(r.code, r.stderr).toBe(0);
  return r.json() as DryRun;
}

describe('bundled Korean decks (content/notes/ko)', () => {
  const { warnings, cards, suggestions = [] } = importKo();

  it('import without warnings into nine CKA 네트워킹 decks, all Korean', () => {
    expect(warnings).toEqual([]);
    const decks = new Set(cards.map((c) => c.deck));
    expect(decks.size).toBe(9);
    for (const d of decks) expect(d.startsWith('CKA 네트워킹::')).toBe(true);
    expect(cards.every((c) => c.lang === 'ko')).toBe(true);
  });

  it('hold at least 250 cards with every card kind and no duplicates', () => {
    expect(cards.length).toBeGreaterThanOrEqual(250);
    const kinds = new Set(cards.map((c) => c.kind));
    for (const k of ['basic', 'reversed', 'cloze', 'list', 'manifest']) expect(kinds).toContain(k);
    // Within a deck no card says the same as another. Across decks only a kind's apiVersion repeats: each deck
    // that writes a Service manifest asks it (without the example's object name, as judges asked).
    const keys = cards.map((c) => `${c.deck}\u0000${c.kind}\u0000${c.prompt}\u0000${c.answer}`);
    expect(new Set(keys).size).toBe(keys.length);
    const across = cards
      .filter((c) => !/apiVersion/.test(c.prompt))
      .map((c) => `${c.kind}\u0000${c.prompt}\u0000${c.answer}`);
    expect(new Set(across).size).toBe(across.length);
  });

  it('make no accidental cards: every card comes from an intended rule', () => {
    // Auto-cloze would mean a prose line or list item leaked a port/path into a card nobody wrote.
    expect(cards.filter((c) => c.rule === 'auto-cloze').map((c) => c.prompt)).toEqual([]);
  });

  it('keep list cards between 2 and 7 items', () => {
    for (const c of cards.filter((x) => x.kind === 'list')) {
      const n = c.answer.split('\n').length;
      expect(n, c.prompt).toBeGreaterThanOrEqual(2);
      expect(n, c.prompt).toBeLessThanOrEqual(7);
    }
  });

  it('have at least ten manifests, each a complete schema-valid object', () => {
    // A manifest over twenty lines is offered as a suggestion (too long to write from memory as one card).
    const manifests = [...cards, ...suggestions].filter((c) => c.kind === 'manifest');
    expect(manifests.length).toBeGreaterThanOrEqual(10);
    expect(cards.filter((c) => c.kind === 'manifest').length).toBeGreaterThanOrEqual(8);
    for (const m of manifests) {
      for (const doc of parseAllDocuments(m.answer)) {
        expect(doc.errors).toEqual([]);
        const obj = doc.toJS() as { apiVersion: string; kind: string; metadata?: { name?: string } };
        expect(obj.metadata?.name, m.answer).toBeTruthy();
      }
      // Judged as the API server would (strict fields, Gateway API CRD rules), by the grader's own validator.
      expect(validateManifests(m.answer).issues, m.answer).toEqual([]);
    }
  });

  it('point only to exercises that exist', () => {
    const ids = new Set(
      cards.flatMap((c) => c.tags.filter((t) => t.startsWith('exercise/')).map((t) => t.slice(9))),
    );
    expect(ids.size).toBeGreaterThan(5);
    for (const id of ids) expect(existsSync(join(ROOT, 'content', 'exercises', id)), id).toBe(true);
  });
});
